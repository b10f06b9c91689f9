import type { EntityManager } from '@mikro-orm/postgresql';
import { toBigInt } from '../../db/values.js';
import { toSnapshot } from './entries.js';
import type { BalanceSnapshot } from '../ledger.types.js';

export type HoldState = 'HELD' | 'SETTLED' | 'VOIDED' | 'EXPIRED';

export interface Hold {
  id: string;
  accountId: string;
  amount: bigint;
  partial: boolean;
  createdAt: Date;
  expiresAt: Date;
  /** A hold on a team's account: the member whose call it is (it sits inside their allocation). */
  memberAccountId: string | null;
}

type Row = Record<string, unknown>;

const balanceOf = (r: Row): BalanceSnapshot =>
  toSnapshot({ account_id: r.account_id as string, posted: r.posted, pending: r.pending, updated_at: r.updated_at as Date });

/**
 * Expires up to `limit` overdue holds and releases them, one statement: amounts are summed per
 * account first, because an UPDATE ... FROM applies only one joined row to each target row.
 */
export async function releaseExpiredHolds(em: EntityManager, limit: number): Promise<{ balances: BalanceSnapshot[]; released: number }> {
  const rows = await em.execute<Row[]>(
    `with h as (
       update holds set state = 'EXPIRED', released_at = clock_timestamp()
        where id in (select id from holds where state = 'HELD' and expires_at <= clock_timestamp()
                      order by expires_at limit ?::int for update skip locked)
          and state = 'HELD'
        returning account_id, amount
     ), s as (
       select account_id, sum(amount)::bigint as total, count(*)::int as n from h group by account_id
     )
     update accounts a set pending = a.pending - s.total, updated_at = clock_timestamp()
       from s where a.id = s.account_id
     returning a.id as account_id, a.posted, a.pending, a.updated_at, s.n`,
    [limit],
  );
  return { balances: rows.map(balanceOf), released: rows.reduce((sum, r) => sum + Number(r.n), 0) };
}

/**
 * A HELD hold whose settle failed: it never expires (its credits stay reserved, so the call can
 * still be charged) and says why. False when the hold is no longer HELD.
 */
export async function keepUnsettledHold(em: EntityManager, holdId: string, reason: string): Promise<boolean> {
  const rows = await em.execute(
    `update holds set expires_at = 'infinity', settle_error = left(?, 1000) where id = ?::uuid and state = 'HELD' returning id`,
    [reason, holdId],
  );
  return rows.length > 0;
}

export async function findHoldState(em: EntityManager, holdId: string): Promise<{ state: HoldState; charged: bigint | null } | null> {
  const rows = await em.execute<{ state: HoldState; charged: string | null }[]>(`select state, charged from holds where id = ?::uuid`, [
    holdId,
  ]);
  const r = rows[0];
  return r ? { state: r.state, charged: r.charged === null ? null : toBigInt(r.charged) } : null;
}
