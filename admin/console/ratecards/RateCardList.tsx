import Chip from '@mui/material/Chip';
import { CreateButton, Datagrid, DateField, FunctionField, List, NumberField, TextField, TopToolbar, usePermissions } from 'react-admin';
import { atLeast } from '../roles';
import type { RateCard } from './resource';

function Actions() {
  const { permissions } = usePermissions<string>();
  return <TopToolbar>{atLeast(permissions, 'ADMIN') && <CreateButton label="Publish a new card" />}</TopToolbar>;
}

export default function RateCardList() {
  return (
    <List actions={<Actions />} sort={{ field: 'version', order: 'DESC' }} perPage={25} title="Rate cards">
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <NumberField source="version" />
        <TextField source="name" />
        <FunctionField<RateCard> label="State" render={(c) => (c.active ? <Chip size="small" color="success" label="Active" /> : c.enabled ? 'Published' : <Chip size="small" label="Switched off" />)} />
        <FunctionField<RateCard> label="Models" render={(c) => c.rates.length} textAlign="right" />
        <DateField source="activatedAt" showTime label="Last activated" emptyText="never" />
        <DateField source="createdAt" showTime label="Published" />
      </Datagrid>
    </List>
  );
}
