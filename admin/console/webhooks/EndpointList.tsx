import Alert from '@mui/material/Alert';
import {
  CreateButton,
  Datagrid,
  DateField,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useListContext,
  usePermissions,
} from 'react-admin';
import { atLeast } from '../roles';
import type { Endpoint } from './resource';

const STATUSES = ['Enabled', 'Failing', 'Disabled', 'Disabled (failing)'].map((s) => ({ id: s, name: s }));

function Scope() {
  const { filterValues } = useListContext();
  return (
    <Alert severity="info" sx={{ mx: { xs: 1, sm: 0 }, mb: 1 }}>
      {filterValues.accountId
        ? `Endpoints of account ${String(filterValues.accountId)}: they receive that account's events only.`
        : "The operator's endpoints: they receive every account's events. Enter an account id to see that account's own endpoints."}
    </Alert>
  );
}

export default function EndpointList() {
  const { permissions } = usePermissions<string>();
  return (
    <List
      title="Webhook endpoints"
      sort={{ field: 'createdAt', order: 'DESC' }}
      filters={[
        <SearchInput key="q" source="q" alwaysOn placeholder="URL or description" />,
        <TextInput key="accountId" source="accountId" label="Account id (empty: operator-wide)" alwaysOn />,
        <SelectInput key="status" source="status" choices={STATUSES} alwaysOn />,
      ]}
      actions={<TopToolbar>{atLeast(permissions, 'ADMIN') && <CreateButton label="Add endpoint" />}</TopToolbar>}
      empty={false}
    >
      <Scope />
      <Datagrid bulkActionButtons={false} rowClick="show">
        <TextField source="url" label="URL" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }} />
        <TextField source="status" />
        <FunctionField<Endpoint> label="Events" sortable={false} render={(e) => (e.events.includes('*') ? 'All' : e.events.join(', '))} />
        <TextField source="description" emptyText="" />
        <DateField source="lastSuccessAt" label="Last delivered" showTime emptyText="—" />
        <DateField source="createdAt" label="Added" showTime />
      </Datagrid>
    </List>
  );
}
