import { expect } from 'vitest';
import type { TestApp } from '../support/harness.js';

export interface GrantRow {
  id: string;
  kind: string;
  amount: string;
  remaining: string;
  priority: number;
  source_transaction_id: string | null;
  expires_at: Date | null;
  expired_at: Date | null;
  voided_at: Date | null;
}

export const grantsOf = (t: TestApp, accountId: string) =>
  t.db.query<GrantRow>(`select * from grants where account_id = $1 order by created_at, id`, [accountId]);

export const postedOf = async (t: TestApp, accountId: string) =>
  BigInt((await t.db.query<{ posted: string }>(`select posted from accounts where id = $1`, [accountId]))[0].posted);

/**
 * The grant invariants, straight from the tables: the remainders sum to max(balance, 0); every
 * grant's remainder is its amount minus its allocations; every debit was allocated exactly the
 * part the balance before it could fund.
 */
export async function expectGrantInvariants(t: TestApp, accountId: string) {
  const posted = await postedOf(t, accountId);
  const [{ sum }] = await t.db.query<{ sum: string }>(`select coalesce(sum(remaining), 0)::text as sum from grants where account_id = $1`, [
    accountId,
  ]);
  expect(BigInt(sum)).toBe(posted > 0n ? posted : 0n);
  const drift = await t.db.query(
    `select g.id from grants g left join grant_allocations a on a.grant_id = g.id
      where g.account_id = $1 group by g.id having g.amount - g.remaining <> coalesce(sum(a.amount), 0)`,
    [accountId],
  );
  expect(drift).toEqual([]);
  const debits = await t.db.query<{ amount: string; balance_after: string; allocated: string }>(
    `select p.amount, p.balance_after, coalesce((select sum(a.amount) from grant_allocations a where a.transaction_id = p.transaction_id and a.purpose = 'DEBIT'), 0)::text as allocated
       from ledger_postings p where p.account_id = $1 and p.amount < 0`,
    [accountId],
  );
  for (const d of debits) {
    const debit = -BigInt(d.amount);
    const before = BigInt(d.balance_after) + debit;
    const fundable = before > 0n ? before : 0n;
    expect(BigInt(d.allocated)).toBe(debit < fundable ? debit : fundable);
  }
}
