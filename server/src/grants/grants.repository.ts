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

const BURN_ORDER = `priority, expires_at asc nulls last, created_at, id`;

/**
 * A credit's grant. Its remainder is what is left after paying back the account's debt (the
 * part of the balance below zero before this credit): min(amount, max(posted after, 0)).
 * The debt paid back is recorded as a DEBT allocation of the credit itself.
 */
export async function insertGrantForCredit(
  sql: Sql,
  g: { accountId: string; transactionId: string; kind: GrantKind; amount: bigint; priority: number },
): Promise<void> {
  await sql.query(
    `with acct as (
       select posted from accounts where id = ?::uuid
     ), g as (
       insert into grants (account_id, kind, source_transaction_id, amount, remaining, priority)
       select ?::uuid, ?, ?::uuid, ?::bigint, least(?::bigint, greatest(acct.posted, 0)), ?::int from acct
       returning id, amount, remaining
     )
     insert into grant_allocations (account_id, grant_id, transaction_id, amount, purpose)
     select ?::uuid, g.id, ?::uuid, g.amount - g.remaining, 'DEBT' from g where g.amount > g.remaining`,
    [
      g.accountId,
      g.accountId,
      g.kind,
      g.transactionId,
      g.amount.toString(),
      g.amount.toString(),
      g.priority,
      g.accountId,
      g.transactionId,
    ],
  );
}

/**
 * Burns `amount` off the account's grants in burn order, one statement: a running sum over the
 * grants with a remainder decides each grant's share; the shares are written as DEBIT
 * allocations. `firstGrantId` / `firstSourceTransactionId` put one grant at the front (an
 * expiry or void of that grant; a refund of that purchase). Must run under the account row's
 * lock, in a statement after the one that took it, so it reads current grant rows.
 */
export async function burnGrants(
  sql: Sql,
  b: { accountId: string; transactionId: string; amount: bigint; firstGrantId: string | null; firstSourceTransactionId: string | null },
): Promise<bigint> {
  const rows = await sql.query<{ burned: string | null }>(
    `with ordered as (
       select id, remaining,
              sum(remaining) over (
                order by coalesce(id = ?::uuid or source_transaction_id = ?::uuid, false) desc, ${BURN_ORDER}
              ) as cum
         from grants where account_id = ?::uuid and remaining > 0
     ), take as (
       select id, least(remaining, ?::bigint - (cum - remaining)) as amount from ordered where cum - remaining < ?::bigint
     ), burned as (
       update grants g set remaining = g.remaining - take.amount from take where g.id = take.id
       returning g.id, take.amount
     ), alloc as (
       insert into grant_allocations (account_id, grant_id, transaction_id, amount, purpose)
       select ?::uuid, id, ?::uuid, amount, 'DEBIT' from burned
       returning amount
     )
     select sum(amount)::text as burned from alloc`,
    [
      b.firstGrantId,
      b.firstSourceTransactionId,
      b.accountId,
      b.amount.toString(),
      b.amount.toString(),
      b.accountId,
      b.transactionId,
    ],
  );
  return toBigInt(rows[0]?.burned);
}

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

export async function findGrantBySource(sql: Sql, transactionId: string): Promise<Grant | null> {
  const rows = await sql.query<Row>(`select * from grants where source_transaction_id = ?::uuid`, [transactionId]);
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
