import Link from '@mui/material/Link';
import { BooleanInput, Datagrid, DateField, DateInput, FunctionField, List, SelectInput, TextField } from 'react-admin';
import { formatCents, formatCredits } from '../../../server/src/money/format';
import { PurchaseDocuments } from './PurchaseDocuments';
import type { StaffPurchase } from './resource';

const statuses = ['PENDING', 'FULFILLED', 'FAILED', 'REFUNDED', 'PARTIALLY_REFUNDED'].map((s) => ({ id: s, name: s }));

export default function PurchaseList() {
  return (
    <List
      title="Purchases"
      sort={{ field: 'createdAt', order: 'DESC' }}
      filters={[
        <SelectInput key="status" source="status" choices={statuses} alwaysOn />,
        <DateInput key="from" source="from" label="From (UTC day)" alwaysOn />,
        <DateInput key="to" source="to" label="To (UTC day)" alwaysOn />,
        <BooleanInput key="stale" source="stale" label="Stale (pending > 15 min)" alwaysOn />,
      ]}
    >
      <Datagrid bulkActionButtons={false} rowClick="show">
        <DateField source="createdAt" label="Created" showTime />
        <FunctionField<StaffPurchase>
          label="Account"
          sortable={false}
          render={(p) => (
            <Link href={`/admin/accounts/${p.accountId}/show`} onClick={(e) => e.stopPropagation()} sx={{ overflowWrap: 'anywhere' }}>
              {p.accountEmail ?? p.accountId}
            </Link>
          )}
        />
        <TextField source="packName" label="Pack" sortable={false} />
        <TextField source="kind" sortable={false} />
        <TextField source="status" sortable={false} />
        <FunctionField<StaffPurchase>
          label="Paid"
          sortBy="amountCents"
          textAlign="right"
          render={(p) => formatCents(p.amountPaidCents ?? p.amountCents)}
        />
        <FunctionField<StaffPurchase>
          label="Tax"
          sortable={false}
          textAlign="right"
          render={(p) => (p.taxCents ? formatCents(p.taxCents) : '')}
        />
        <FunctionField<StaffPurchase>
          label="Credits"
          sortable={false}
          textAlign="right"
          render={(p) => formatCredits(p.creditsMillicredits, { decimals: 0 })}
        />
        <FunctionField<StaffPurchase>
          label="Refunded"
          sortable={false}
          textAlign="right"
          render={(p) => (p.refundedCents ? formatCents(p.refundedCents) : '')}
        />
        <FunctionField<StaffPurchase>
          label="Documents"
          sortable={false}
          render={(p) => <PurchaseDocuments invoiceUrl={p.invoiceUrl} receiptUrl={p.receiptUrl} />}
        />
      </Datagrid>
    </List>
  );
}
