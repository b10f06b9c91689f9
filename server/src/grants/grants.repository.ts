import { type Sql } from '../db/sql.js';
import { toBigInt } from '../db/values.js';
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

/**
 * `credits.expiring` for every live grant whose `leadDays` notice is due at `now` (7: within 7 days
 * of expiry but more than 1 day before it; 1: within the last day), claimed and sent by one
 * statement: the notice row's primary key (grant, lead) makes a second run, on any instance, a
 * no-op. Returns how many were sent.
 */
export async function claimExpiryNotices(sql: Sql, now: Date, leadDays: 7 | 1, limit: number): Promise<number> {
  const rows = await sql.query<{ id: string }>(
    `with due as (
       select g.id, g.account_id, g.kind, g.remaining, g.expires_at, gen_random_uuid() as event_id
         from grants g
        where g.remaining > 0 and g.expired_at is null and g.voided_at is null
          and g.expires_at > ?::timestamptz and g.expires_at <= ?::timestamptz + make_interval(days => ?::int)
          and (?::int = 1 or g.expires_at > ?::timestamptz + interval '1 day')
          and not exists (select 1 from grant_expiry_notices n where n.grant_id = g.id and n.lead_days = ?::int)
        order by g.expires_at, g.id
        limit ?::int
     ), claim as (
       insert into grant_expiry_notices (grant_id, lead_days, event_id)
       select id, ?::int, event_id from due
       on conflict do nothing
       returning grant_id, event_id
     )
     insert into outbox_events (id, account_id, type, data)
     select c.event_id, d.account_id, 'credits.expiring', jsonb_build_object(
              'accountId', d.account_id,
              'grantId', d.id,
              'kind', d.kind,
              'remainingMillicredits', d.remaining::text,
              'expiresAt', to_char(d.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
              'daysBefore', ?::int)
       from claim c join due d on d.id = c.grant_id
     returning id`,
    [now.toISOString(), now.toISOString(), leadDays, leadDays, now.toISOString(), leadDays, limit, leadDays, leadDays],
  );
  return rows.length;
}
