import type { Sql } from '../db/sql.js';

const jsonSafe = (value: unknown) => JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));

/**
 * The one way application code emits an event: an outbox row written on `sql`, which must be the
 * transaction of the change itself (rolled back with it, committed with it). The insert NOTIFYs
 * the delivery workers when the transaction commits. bigint values become decimal strings.
 */
export async function emitEvent(
  sql: Sql,
  event: { type: string; accountId: string | null; data: Record<string, unknown> },
): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    `insert into outbox_events (account_id, type, data) values (?::uuid, ?, ?::jsonb) returning id`,
    [event.accountId, event.type, jsonSafe(event.data)],
  );
  return row.id;
}

/**
 * `credits.exhausted`, at most once an hour per account: the conditional upsert claims the hour
 * and the outbox row is written by the same statement, so racing refusals on any instance write
 * one event. Returns the event id, or null when the hour was already claimed.
 */
export async function claimCreditsExhausted(sql: Sql, accountId: string, requiredMillicredits: bigint, now: Date): Promise<string | null> {
  const rows = await sql.query<{ id: string }>(
    `with claim as (
       insert into credits_exhausted_notices as n (account_id, notified_at)
       select a.id, ?::timestamptz from accounts a where a.id = ?::uuid and a.kind <> 'SYSTEM'
       on conflict (account_id) do update set notified_at = excluded.notified_at
        where n.notified_at <= excluded.notified_at - interval '1 hour'
       returning account_id
     )
     insert into outbox_events (account_id, type, data)
     select c.account_id, 'credits.exhausted', jsonb_build_object(
              'accountId', c.account_id,
              'requiredMillicredits', ?::text,
              'availableMillicredits', (a.posted - a.pending)::text,
              'balanceMillicredits', a.posted::text,
              'heldMillicredits', a.pending::text)
       from claim c join accounts a on a.id = c.account_id
     returning id`,
    [now.toISOString(), accountId, requiredMillicredits.toString()],
  );
  return rows[0]?.id ?? null;
}
