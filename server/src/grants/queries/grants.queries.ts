import type { EntityManager } from '@mikro-orm/postgresql';
import { toBigInt } from '../../db/values.js';
import { GrantAllocationGql, GrantGql } from '../grants.graphql.js';

/*
 * Why SQL here: grants and their allocations are the ledger engine's tables (written set-wise by
 * its posting hook), not entities; these are their read queries.
 */

/** A grant's columns under its GraphQL class's names; `amount` and `remaining` arrive as text. */
const GRANT = `id, account_id as "accountId", kind, source_transaction_id as "sourceTransactionId", amount, remaining, priority,
  expires_at as "expiresAt", expired_at as "expiredAt", voided_at as "voidedAt", created_at as "createdAt"`;

type Text<T, K extends keyof T> = Omit<T, K> & Record<K, string | null>;
type GrantRow = Text<GrantGql, 'amount' | 'remaining' | 'expiresAt' | 'expiredAt' | 'voidedAt' | 'createdAt'>;
const at = (v: string | null) => (v === null ? null : new Date(v));

/** The driver hands bigints and timestamps over as text. */
const grantOf = (r: GrantRow): GrantGql =>
  Object.assign(new GrantGql(), r, {
    amount: toBigInt(r.amount),
    remaining: toBigInt(r.remaining),
    expiresAt: at(r.expiresAt),
    expiredAt: at(r.expiredAt),
    voidedAt: at(r.voidedAt),
    createdAt: new Date(r.createdAt!),
  });

/** Burn order (the engine's posting hook `creditmeter_grants_on_movement` uses the same). */
const BURN_ORDER = `priority, expires_at asc nulls last, created_at, id`;

export async function findGrant(em: EntityManager, grantId: string): Promise<GrantGql | null> {
  const rows = await em.execute<GrantRow[]>(`select ${GRANT} from grants where id = ?::uuid`, [grantId]);
  return rows[0] ? grantOf(rows[0]) : null;
}

/** An account's grants in burn order; spent, expired and voided ones only when asked. */
export async function findGrants(em: EntityManager, accountId: string, includeClosed: boolean, limit: number): Promise<GrantGql[]> {
  const rows = await em.execute<GrantRow[]>(
    `select ${GRANT} from grants where account_id = ?::uuid and (?::boolean or remaining > 0)
      order by (remaining > 0) desc, ${BURN_ORDER} limit ?::int`,
    [accountId, includeClosed, limit],
  );
  return rows.map(grantOf);
}

export async function findAllocations(
  em: EntityManager,
  filter: { grantId?: string; transactionId?: string },
): Promise<GrantAllocationGql[]> {
  const rows = await em.execute<Text<GrantAllocationGql, 'id' | 'amount' | 'createdAt'>[]>(
    `select id, grant_id as "grantId", transaction_id as "transactionId", amount, purpose, created_at as "createdAt"
       from grant_allocations where (?::uuid is null or grant_id = ?::uuid) and (?::uuid is null or transaction_id = ?::uuid) order by id`,
    [filter.grantId ?? null, filter.grantId ?? null, filter.transactionId ?? null, filter.transactionId ?? null],
  );
  return rows.map((r) =>
    Object.assign(new GrantAllocationGql(), r, { id: toBigInt(r.id), amount: toBigInt(r.amount), createdAt: new Date(r.createdAt!) }),
  );
}

/** Grants past their expiry that still hold credits, soonest first. */
export async function findDueGrants(em: EntityManager, now: Date, limit: number): Promise<{ id: string; accountId: string }[]> {
  return em.execute<{ id: string; accountId: string }[]>(
    `select id, account_id as "accountId" from grants
      where remaining > 0 and expires_at <= ?::timestamptz and expired_at is null and voided_at is null
      order by expires_at, id limit ?::int`,
    [now.toISOString(), limit],
  );
}

/** Accounts whose grant remainders no longer sum to max(posted, 0): for reconciliation. */
export async function findGrantDrift(
  em: EntityManager,
  limit: number,
): Promise<{ accountId: string; posted: bigint; remaining: bigint }[]> {
  const rows = await em.execute<{ id: string; posted: string; remaining: string }[]>(
    `select a.id, a.posted, coalesce(g.remaining, 0) as remaining
       from accounts a left join (select account_id, sum(remaining) as remaining from grants group by account_id) g on g.account_id = a.id
      where a.kind <> 'SYSTEM' and greatest(a.posted, 0) <> coalesce(g.remaining, 0)
      order by a.id limit ?::int`,
    [limit],
  );
  return rows.map((r) => ({ accountId: r.id, posted: toBigInt(r.posted), remaining: toBigInt(r.remaining) }));
}
