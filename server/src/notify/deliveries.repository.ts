import type { Sql } from '../db/sql.js';

/** The delivery log is the outbox queue's: parameterised SQL, beside the worker that drives it. */
export interface DeliveryAttempt {
  attemptedAt: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number | null;
  responseExcerpt: string | null;
}

export interface Delivery {
  id: string;
  seq: bigint;
  endpointId: string | null;
  channel: string;
  eventId: string;
  eventType: string;
  eventCreatedAt: Date;
  payload: Record<string, unknown>;
  status: string;
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

/** Attempts kept per delivery in the log. */
const ATTEMPTS_SHOWN = 50;

const date = (v: unknown) => (v ? new Date(v as string) : null);

/** A disabled or deleted endpoint's pending deliveries will not be attempted. */
export async function cancelPendingDeliveries(sql: Sql, endpointId: string, reason: 'endpoint disabled' | 'endpoint deleted') {
  await sql.query(
    `update notification_deliveries set status = 'CANCELLED', last_error = ? where endpoint_id = ?::uuid and status = 'PENDING'`,
    [reason, endpointId],
  );
}

/** An endpoint's deliveries, newest first, below the cursor `before` (a seq); `limit` rows. */
export async function findDeliveries(sql: Sql, endpointId: string, before: bigint | null, limit: number): Promise<Delivery[]> {
  const rows = await sql.query<Record<string, unknown>>(
    `select d.id, d.seq, d.endpoint_id, d.channel, d.status, d.attempts, d.next_attempt_at, d.last_attempt_at, d.last_status_code,
            d.last_error, d.delivered_at, d.created_at, ev.id as event_id, ev.type as event_type, ev.created_at as event_created_at, ev.data
       from notification_deliveries d join outbox_events ev on ev.id = d.event_id
      where d.endpoint_id = ?::uuid and (?::bigint is null or d.seq < ?::bigint)
      order by d.seq desc limit ?::int`,
    [endpointId, before?.toString() ?? null, before?.toString() ?? null, limit],
  );
  return rows.map((r) => ({
    id: r.id as string,
    seq: BigInt(r.seq as string),
    endpointId: r.endpoint_id as string,
    channel: r.channel as string,
    eventId: r.event_id as string,
    eventType: r.event_type as string,
    eventCreatedAt: new Date(r.event_created_at as string),
    payload: r.data as Record<string, unknown>,
    status: r.status as string,
    attempts: Number(r.attempts),
    nextAttemptAt: r.status === 'PENDING' ? date(r.next_attempt_at) : null,
    lastAttemptAt: date(r.last_attempt_at),
    lastStatusCode: r.last_status_code === null ? null : Number(r.last_status_code),
    lastError: (r.last_error as string | null) ?? null,
    deliveredAt: date(r.delivered_at),
    createdAt: new Date(r.created_at as string),
  }));
}

export async function countDeliveries(sql: Sql, endpointId: string): Promise<number> {
  const [row] = await sql.query<{ n: string }>(`select count(*) n from notification_deliveries where endpoint_id = ?::uuid`, [endpointId]);
  return Number(row.n);
}

/** The latest attempts of each delivery, newest first. */
export async function findAttempts(sql: Sql, deliveryIds: readonly string[]): Promise<Map<string, DeliveryAttempt[]>> {
  const rows = await sql.query<Record<string, unknown>>(
    `select delivery_id, attempted_at, status_code, error, duration_ms, response_excerpt
       from notification_attempts where delivery_id = any(?::uuid[]) order by id desc`,
    [`{${deliveryIds.join(',')}}`],
  );
  const byDelivery = new Map<string, DeliveryAttempt[]>();
  for (const r of rows) {
    const list = byDelivery.get(r.delivery_id as string) ?? [];
    if (list.length < ATTEMPTS_SHOWN) {
      list.push({
        attemptedAt: new Date(r.attempted_at as string),
        statusCode: r.status_code === null ? null : Number(r.status_code),
        error: (r.error as string | null) ?? null,
        durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
        responseExcerpt: (r.response_excerpt as string | null) ?? null,
      });
    }
    byDelivery.set(r.delivery_id as string, list);
  }
  return byDelivery;
}

/** The account an outbox event is about (null: operator-wide); undefined when there is no such event. */
export async function eventAccount(sql: Sql, eventId: string): Promise<{ accountId: string | null } | undefined> {
  const [event] = await sql.query<{ account_id: string | null }>(`select account_id from outbox_events where id = ?::uuid`, [eventId]);
  return event ? { accountId: event.account_id } : undefined;
}

/** Queues the event for the endpoint now: a new delivery, or the existing one pending again. */
export async function queueDelivery(sql: Sql, eventId: string, endpointId: string): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    `insert into notification_deliveries (event_id, channel, endpoint_id, next_attempt_at) values (?::uuid, 'WEBHOOK', ?::uuid, now())
     on conflict (event_id, endpoint_id) where endpoint_id is not null
     do update set status = 'PENDING', next_attempt_at = now()
     returning id`,
    [eventId, endpointId],
  );
  return row.id;
}
