import { CreateButton, Datagrid, DateField, FunctionField, List, NumberField, SearchInput, TextField, TopToolbar } from 'react-admin';
import { formatCredits } from '../../../server/src/money/format';
import type { PromoCode } from './resource';

export default function PromoCodeList() {
  return (
    <List
      title="Promo codes"
      sort={{ field: 'createdAt', order: 'DESC' }}
      filters={[<SearchInput key="q" source="q" alwaysOn placeholder="Code" />]}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="code" />
        <FunctionField<PromoCode>
          label="Credits"
          textAlign="right"
          sortBy="creditsMillicredits"
          render={(p) => formatCredits(p.creditsMillicredits)}
        />
        <NumberField source="redemptions" />
        <FunctionField<PromoCode> label="Limit" textAlign="right" render={(p) => p.maxRedemptions ?? 'unlimited'} />
        <DateField source="expiresAt" showTime emptyText="never" />
        <FunctionField<PromoCode> label="Credits valid for" render={(p) => (p.grantValidDays ? `${p.grantValidDays} days` : 'no expiry')} />
        <DateField source="createdAt" showTime />
      </Datagrid>
    </List>
  );
}
