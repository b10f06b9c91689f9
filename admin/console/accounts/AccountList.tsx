import { CreateButton, Datagrid, DateField, FunctionField, List, SearchInput, TextField, TopToolbar, usePermissions } from 'react-admin';
import { formatCredits, formatUsdOfMillicredits } from '../../../server/src/money/format';
import { atLeast } from '../roles';
import type { AccountRow } from './resource';

function Actions() {
  const { permissions } = usePermissions<string>();
  return <TopToolbar>{atLeast(permissions, 'ADMIN') && <CreateButton label="New account" />}</TopToolbar>;
}

export default function AccountList() {
  return (
    <List
      title="Accounts"
      actions={<Actions />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      filters={[<SearchInput key="q" source="q" alwaysOn placeholder="Email, name or id" />]}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="email" />
        <TextField source="name" emptyText="—" />
        <FunctionField<AccountRow>
          label="Balance (credits)"
          sortBy="balance"
          textAlign="right"
          render={(a) => formatCredits(a.balance.balanceMillicredits)}
        />
        <FunctionField<AccountRow>
          label="≈ USD"
          sortable={false}
          textAlign="right"
          render={(a) => formatUsdOfMillicredits(a.balance.balanceMillicredits)}
        />
        <DateField source="createdAt" label="Created" showTime />
      </Datagrid>
    </List>
  );
}
