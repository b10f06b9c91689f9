import { toBigInt, type Sql } from '../db/sql.js';
import type { Grant, GrantAllocation, GrantKind } from './grants.types.js';

type Row = Record<string, unknown>;

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

export const toGrant = (r: Row): Grant => ({
  id: r.id as string,
  accountId: r.account_id as string,
  kind: r.kind as GrantKind,
  sourceTransactionId: (r.source_transaction_id as string | null) ?? null,
  amount: toBigInt(r.amount),
  remaining: toBigInt(r.remaining),
  priority: Number(r.priority),
  expiresAt: date(r.expires_at),
  expiredAt: date(r.expired_at),
  voidedAt: date(r.voided_at),
  createdAt: new Date(r.created_at as string),
});

/** Burn order (the engine's posting hook `creditmeter_grants_on_movement` uses the same). */
const BURN_ORDER = `priority, expires_at asc nulls last, created_at, id`;

/** Expiry and priority of the grant a transaction created (set in that same transaction). */
export async function setGrantTerms(sql: Sql, transactionId: string, terms: { expiresAt?: Date | null; priority?: number | null }) {
  await sql.query(
    `update grants set expires_at = coalesce(?::timestamptz, expires_at), priority = coalesce(?::int, priority)
      where source_transaction_id = ?::uuid`,
    [terms.expiresAt?.toISOString() ?? null, terms.priority ?? null, transactionId],
  );
}

export async function findGrant(sql: Sql, grantId: string): Promise<Grant | null> {
  const rows = await sql.query<Row>(`select * from grants where id = ?::uuid`, [grantId]);
  return rows[0] ? toGrant(rows[0]) : null;
}

/** An account's grants in burn order; spent, expired and voided ones only when asked. */
export async function findGrants(sql: Sql, accountId: string, includeClosed: boolean, limit: number): Promise<Grant[]> {
  const rows = await sql.query<Row>(
    `select * from grants where account_id = ?::uuid and (?::boolean or remaining > 0)
      order by (remaining > 0) desc, ${BURN_ORDER} limit ?::int`,
    [accountId, includeClosed, limit],
  );
  return rows.map(toGrant);
}

export async function findAllocations(sql: Sql, filter: { grantId?: string; transactionId?: string }): Promise<GrantAllocation[]> {
  const rows = await sql.query<Row>(
    `select * from grant_allocations where (?::uuid is null or grant_id = ?::uuid) and (?::uuid is null or transaction_id = ?::uuid) order by id`,
    [filter.grantId ?? null, filter.grantId ?? null, filter.transactionId ?? null, filter.transactionId ?? null],
  );
  return rows.map((r) => ({
    id: toBigInt(r.id),
    grantId: r.grant_id as string,
    transactionId: r.transaction_id as string,
    amount: toBigInt(r.amount),
    purpose: r.purpose as 'DEBIT' | 'DEBT',
    createdAt: new Date(r.created_at as string),
  }));
}

/** Grants past their expiry that still hold credits, soonest first. */
export async function findDueGrants(sql: Sql, now: Date, limit: number): Promise<{ id: string; accountId: string }[]> {
  const rows = await sql.query<{ id: string; account_id: string }>(
    `select id, account_id from grants
      where remaining > 0 and expires_at <= ?::timestamptz and expired_at is null and voided_at is null
      order by expires_at, id limit ?::int`,
    [now.toISOString(), limit],
  );
  return rows.map((r) => ({ id: r.id, accountId: r.account_id }));
}

export async function markGrant(sql: Sql, grantId: string, what: 'expired_at' | 'voided_at') {
  await sql.query(`update grants set ${what} = clock_timestamp() where id = ?::uuid`, [grantId]);
}

/** Accounts whose grant remainders no longer sum to max(posted, 0): for reconciliation. */
export async function findGrantDrift(sql: Sql, limit: number): Promise<{ accountId: string; posted: bigint; remaining: bigint }[]> {
  const rows = await sql.query<{ id: string; posted: string; remaining: string }>(
    `select a.id, a.posted, coalesce(g.remaining, 0) as remaining
       from accounts a left join (select account_id, sum(remaining) as remaining from grants group by account_id) g on g.account_id = a.id
      where a.kind <> 'SYSTEM' and greatest(a.posted, 0) <> coalesce(g.remaining, 0)
      order by a.id limit ?::int`,
    [limit],
  );
  return rows.map((r) => ({ accountId: r.id, posted: toBigInt(r.posted), remaining: toBigInt(r.remaining) }));
}
