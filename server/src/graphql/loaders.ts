import DataLoader from 'dataloader';
import type { KeyPeriod } from '../auth/key-budgets.service.js';
import type { BalanceSnapshot } from '../ledger/ledger.types.js';
import type { Services } from '../services.js';

type Account = Awaited<ReturnType<Services['accounts']['findCustomers']>>[number];

/** One set per request, so a batch never serves stale data across requests. */
export function createLoaders(services: Services) {
  const balance = new DataLoader<string, BalanceSnapshot | null>(async (ids) => {
    const rows = await services.ledger.balances(ids);
    const byId = new Map(rows.map((r) => [r.accountId, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const account = new DataLoader<string, Account | null>(async (ids) => {
    const rows = await services.accounts.findCustomers(ids);
    // The account row carries its cached balance: `me { balance }` then costs one read, not two.
    for (const r of rows) balance.prime(r.id, { accountId: r.id, posted: r.posted, pending: r.pending, updatedAt: r.updatedAt });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const keyPeriod = new DataLoader<string, KeyPeriod | null>(async (ids) => {
    const byId = await services.keyBudgets.periods(ids);
    return ids.map((id) => byId.get(id) ?? null);
  });
  return { account, balance, keyPeriod };
}

export type Loaders = ReturnType<typeof createLoaders>;
