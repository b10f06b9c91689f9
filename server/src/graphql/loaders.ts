import DataLoader from 'dataloader';
import type { AccountEntity } from '../accounts/account.entity.js';
import type { BalanceSnapshot } from '../ledger/ledger.types.js';
import type { Services } from '../services.js';

/** One set per request, so a batch never serves stale data across requests. */
export function createLoaders(services: Services) {
  return {
    account: new DataLoader<string, AccountEntity | null>(async (ids) => {
      const rows = await services.accounts.findCustomers(ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    balance: new DataLoader<string, BalanceSnapshot | null>(async (ids) => {
      const rows = await services.ledger.balances(ids);
      const byId = new Map(rows.map((r) => [r.accountId, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
