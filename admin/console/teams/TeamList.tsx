import {
  CreateButton,
  Datagrid,
  DateField,
  FunctionField,
  List,
  NumberField,
  SearchInput,
  TextField,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import { formatCredits } from '../../../server/src/money/format';
import { atLeast } from '../roles';
import type { TeamRow } from './resource';

function Actions() {
  const { permissions } = usePermissions<string>();
  return <TopToolbar>{atLeast(permissions, 'ADMIN') && <CreateButton label="New team" />}</TopToolbar>;
}

export default function TeamList() {
  return (
    <List
      title="Teams"
      actions={<Actions />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      filters={[<SearchInput key="q" source="q" alwaysOn placeholder="Team name or id" />]}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <NumberField source="memberCount" label="Members" />
        <FunctionField<TeamRow>
          label="Balance (credits)"
          sortBy="balance"
          textAlign="right"
          render={(t) => formatCredits(t.balance.balanceMillicredits)}
        />
        <TextField source="timeZone" label="Time zone" sortable={false} />
        <DateField source="createdAt" label="Created" showTime />
      </Datagrid>
    </List>
  );
}
