import type { PurchaseStatus, StaffPurchaseQuery, StaffPurchasesQuery } from '../../shared/gql/graphql';
import { api } from '../api';
import { fromConnection, type ResourceSpec } from '../dataProvider';
import { PurchaseQuery, PurchasesQuery } from './operations';

export type StaffPurchase = StaffPurchasesQuery['purchases']['edges'][number]['node'];
export type StaffPurchaseDetail = NonNullable<StaffPurchaseQuery['purchase']>;

const day = (v: unknown, end: boolean) =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
    ? new Date(new Date(`${v}T00:00:00Z`).getTime() + (end ? 86_400_000 : 0)).toISOString()
    : null;

export const purchasesResource: ResourceSpec<StaffPurchase | StaffPurchaseDetail> = {
  list: async (req) => {
    const { purchases } = await api.request(PurchasesQuery, {
      filter: {
        status: (req.filter.status as PurchaseStatus | undefined) ?? null,
        accountId: typeof req.filter.accountId === 'string' && req.filter.accountId ? req.filter.accountId : null,
        from: day(req.filter.from, false),
        to: day(req.filter.to, true),
        staleAfterMinutes: req.filter.stale ? 15 : null,
      },
      orderBy: req.sort.field === 'amountCents' ? 'AMOUNT' : 'CREATED_AT',
      direction: req.sort.order,
      first: req.perPage,
      offset: req.offset,
    });
    return fromConnection(purchases);
  },
  one: async (id) => {
    const { purchase } = await api.request(PurchaseQuery, { id: String(id) });
    if (!purchase) throw new Error(`Purchase ${id} not found`);
    return purchase;
  },
};
