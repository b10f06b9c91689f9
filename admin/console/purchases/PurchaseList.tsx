import Link from '@mui/material/Link';
import { BooleanInput, Datagrid, DateField, DateInput, FunctionField, List, SelectInput, TextField } from 'react-admin';
import { formatCents, formatCredits } from '../../shared/money';
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
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <DateField source="createdAt" label="Created" showTime />
        <FunctionField<StaffPurchase> label="Account" sortable={false} render={(p) => <Link href={`/admin/accounts/${p.accountId}/show`}>{p.accountId.slice(0, 8)}…</Link>} />
        <TextField source="packId" label="Pack" sortable={false} />
        <TextField source="kind" sortable={false} />
        <TextField source="status" sortable={false} />
        <FunctionField<StaffPurchase> label="Paid" sortBy="amountCents" textAlign="right" render={(p) => formatCents(p.amountPaidCents ?? p.amountCents)} />
        <FunctionField<StaffPurchase> label="Credits" sortable={false} textAlign="right" render={(p) => formatCredits(p.creditsMillicredits, { decimals: 0 })} />
        <FunctionField<StaffPurchase> label="Refunded" sortable={false} textAlign="right" render={(p) => (p.refundedCents ? formatCents(p.refundedCents) : '')} />
        <FunctionField<StaffPurchase> label="Receipt" sortable={false} render={(p) => (p.receiptUrl ? <Link href={p.receiptUrl} target="_blank" rel="noopener noreferrer">Receipt</Link> : '—')} />
      </Datagrid>
    </List>
  );
}
