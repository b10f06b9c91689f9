import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from 'pino';
import { inTransaction, sqlOf, type Sql } from '../db/sql.js';
import { metrics } from '../metrics/metrics.js';
import { cancelPendingDeliveries } from './deliveries.repository.js';
import { checkDestination, UnsafeDestination, type DestinationPolicy } from './destination.js';
import { DELIVERY_DEADLINE_MS, type SendResult, type WebhookSender } from './http-sender.js';
import type { Mailer } from './mailer.js';
import { CLAIM_LEASE_MS, MAIL_EVENT_TYPES, RETRY_WINDOW_MS, eventBody, mailFor, retryDelayMs, type OutboxEvent } from './notify.rules.js';
import { emitEvent } from './outbox.js';
import type { SecretBox } from './secrets.js';
import { SIGNATURE_HEADER, signatureHeader } from './signature.js';

export interface Clock {
  now(): Date;
}

export interface DeliveryWorkerOptions {
  em: EntityManager;
  log: Logger;
  secrets: () => SecretBox;
  sender: WebhookSender;
  mailer: Mailer | null;
  policy: DestinationPolicy;
  publicAppUrl: string;
  operatorEmail: string | null;
  /** Continuous failure after which an endpoint is disabled and its owner told. */
  disableAfterMs: number;
  /** Backstop poll period: a lost wake-up delays delivery by at most this much. */
  pollIntervalMs: number;
  /** LISTENs here for the outbox's commit-time NOTIFY (null: poll and in-process wakes only). */
  listenUrl: string | null;
  clock?: Clock;
  random?: () => number;
  batchSize?: number;
  /** Deliveries in flight at once in this process, all endpoints together. */
  concurrency?: number;
  /** Deliveries in flight at once per endpoint (the SMTP relay counts as one endpoint), across instances. */
  endpointConcurrency?: number;
  /** Total time for one webhook call, destination check included. */
  deadlineMs?: number;
}

interface ClaimedDelivery {
  id: string;
  channel: 'WEBHOOK' | 'EMAIL';
  attempts: number;
  recipient: string | null;
  endpoint_id: string | null;
  url: string | null;
  secret_enc: string | null;
  previous_secret_enc: string | null;
  previous_secret_expires_at: Date | null;
  endpoint_live: boolean | null;
  event_id: string;
  event_type: string;
  event_account_id: string | null;
  event_data: Record<string, unknown>;
  event_created_at: Date;
  /** next_attempt_at as the claim set it: the claim stands while it is unchanged. */
  lease_until: Date;
}

export interface PassResult {
  dispatched: number;
  attempted: number;
  delivered: number;
}

/** What a loop pass did: the attempts it started run on without it. */
interface Pass {
  dispatched: number;
  started: Promise<boolean>[];
  /** Claimed as many as it had room for: more may be due. */
  filled: boolean;
  claimedAt: Date;
}

/**
 * Delivers the outbox. A pass fans new events out to deliveries (one per subscribed endpoint, and
 * one mail per alert when SMTP is set), then claims due deliveries with a lease (SKIP LOCKED, so
 * instances share the work and a crashed worker's claims come back), starts their calls outside
 * any transaction and returns without waiting for them; each records its own outcome: delivered,
 * retried with backoff, or given up after three days. An endpoint failing continuously for
 * `disableAfterMs` is disabled and its owner told through the outbox itself
 * (`webhook_endpoint.disabled`, mailed when SMTP is set).
 *
 * Isolation: a call ends at its total deadline; at most `endpointConcurrency` deliveries per
 * endpoint are in flight (counted in the database, so across instances), and the claim skips an
 * endpoint that is full and takes each endpoint's oldest due ones first, so a slow endpoint's
 * backlog never stands in front of another's. At most `concurrency` calls run in this process;
 * a finished call wakes the loop to fill its place.
 *
 * It wakes at commit of any outbox insert (PostgreSQL NOTIFY from the outbox trigger, sent only
 * by transactions that wrote an event), on `wake()`, when the next retry falls due, and every
 * `pollIntervalMs` as a backstop. At least once: a receiver may see an event id twice.
 *
 * Start/stop is all a job runner needs: `start()` begins the loop, `stop()` ends it and waits.
 */
export class DeliveryWorker {
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly endpointConcurrency: number;
  private readonly deadlineMs: number;
  private readonly inFlight = new Set<Promise<boolean>>();
  private running = false;
  private loopDone: Promise<void> | null = null;
  private wakeRequested = false;
  private wakeup: (() => void) | null = null;
  private listener: pg.Client | null = null;
  private listenRetry: NodeJS.Timeout | null = null;

  constructor(private readonly o: DeliveryWorkerOptions) {
    this.clock = o.clock ?? { now: () => new Date() };
    this.random = o.random ?? Math.random;
    this.batchSize = o.batchSize ?? 100;
    this.concurrency = o.concurrency ?? 16;
    this.endpointConcurrency = o.endpointConcurrency ?? 2;
    this.deadlineMs = o.deadlineMs ?? DELIVERY_DEADLINE_MS;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    if (this.o.listenUrl) void this.listen();
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.listenRetry) clearTimeout(this.listenRetry);
    this.wake();
    await this.loopDone;
    this.loopDone = null;
    await Promise.allSettled([...this.inFlight]); // each ends by its deadline
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  /** Run a pass now (after an in-process change such as a redelivery). */
  wake(): void {
    this.wakeRequested = true;
    const wakeup = this.wakeup;
    this.wakeup = null;
    wakeup?.();
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.o.listenUrl! });
    const retry = () => {
      if (this.listener === client) this.listener = null;
      client.end().catch(() => undefined);
      if (!this.running) return;
      this.listenRetry = setTimeout(() => void this.listen(), Math.min(this.o.pollIntervalMs, 5000));
      this.listenRetry.unref();
    };
    client.on('error', (err) => {
      this.o.log.warn({ err: { message: err.message } }, 'outbox LISTEN connection lost; polling until it is back');
      retry();
    });
    client.on('notification', () => this.wake());
    try {
      await client.connect();
      await client.query('listen creditmeter_outbox');
      if (!this.running) return void (await client.end().catch(() => undefined));
      this.listener = client;
      this.wake(); // anything committed while we were not listening
    } catch (err) {
      this.o.log.warn({ err: { message: (err as Error).message } }, 'could not LISTEN for outbox events; polling');
      retry();
    }
  }

  private async loop(): Promise<void> {
    while (this.running) {
      this.wakeRequested = false;
      let delay = this.o.pollIntervalMs;
      try {
        const pass = await this.pass();
        if (pass.dispatched >= this.batchSize || (pass.filled && this.inFlight.size < this.concurrency)) continue;
        // Due deliveries left unclaimed wait for a place (a finished call wakes us); only later ones set the timer.
        const next = await this.nextDueAfter(pass.claimedAt);
        if (next) delay = Math.max(0, Math.min(delay, next.getTime() - this.clock.now().getTime()));
      } catch (err) {
        this.o.log.error({ err: { message: (err as Error).message } }, 'outbox delivery pass failed');
      }
      if (this.wakeRequested || !this.running) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        timer.unref();
        this.wakeup = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeup = null;
    }
  }

  /** One pass that also waits for the attempts it started (for tests and scripts; the loop never waits). */
  async runOnce(): Promise<PassResult> {
    const { dispatched, started } = await this.pass();
    const outcomes = await Promise.all(started);
    return { dispatched, attempted: started.length, delivered: outcomes.filter(Boolean).length };
  }

  /** Fans out new events, claims what there is room for and starts those attempts without waiting for them. */
  private async pass(): Promise<Pass> {
    const dispatched = await this.dispatch();
    const room = Math.min(this.batchSize, this.concurrency - this.inFlight.size);
    const claimedAt = this.clock.now();
    const claimed = room > 0 ? await this.claim(claimedAt, room) : [];
    return { dispatched, started: claimed.map((d) => this.track(d)), filled: room > 0 && claimed.length >= room, claimedAt };
  }

  private track(d: ClaimedDelivery): Promise<boolean> {
    const attempt: Promise<boolean> = this.attempt(d)
      .catch((err: unknown) => {
        // A bad sealed secret, say: nothing recorded, so the delivery comes back after its lease.
        this.o.log.error({ err: { message: (err as Error).message }, deliveryId: d.id }, 'delivery attempt failed to run');
        return false;
      })
      .finally(() => {
        this.inFlight.delete(attempt);
        if (this.running) this.wake();
      });
    this.inFlight.add(attempt);
    return attempt;
  }

  /** Forks: the worker is its own unit of work, outside any request, its statements each on a pooled connection. */
  private sql(): Sql {
    return sqlOf(this.o.em.fork());
  }

  private async nextDueAfter(after: Date): Promise<Date | null> {
    const [row] = await this.sql().query<{ at: Date | null }>(
      `select min(next_attempt_at) as at from notification_deliveries where status = 'PENDING' and next_attempt_at > ?::timestamptz`,
      [after.toISOString()],
    );
    return row?.at ? new Date(row.at) : null;
  }

  /** New events become deliveries: one per enabled endpoint subscribed to the type, one mail per alert. */
  private async dispatch(): Promise<number> {
    const now = this.clock.now().toISOString();
    const mailTypes = this.o.mailer ? `{${MAIL_EVENT_TYPES.join(',')}}` : '{}';
    const rows = await this.sql().query<{ n: string }>(
      `with ev as (
         select id, account_id, type from outbox_events where dispatched_at is null order by seq limit ?::int for update skip locked
       ), hooks as (
         insert into notification_deliveries (event_id, channel, endpoint_id, next_attempt_at)
         select ev.id, 'WEBHOOK', e.id, ?::timestamptz
           from ev join webhook_endpoints e
             on (e.account_id = ev.account_id or e.account_id is null)
            and (ev.type = any(e.events) or '*' = any(e.events))
            and e.disabled_at is null and e.deleted_at is null
         on conflict do nothing
       ), mails as (
         insert into notification_deliveries (event_id, channel, recipient, next_attempt_at)
         select ev.id, 'EMAIL', r.recipient, ?::timestamptz
           from ev left join accounts a on a.id = ev.account_id
           cross join lateral (select case when ev.account_id is null then ?::text else a.email end as recipient) r
          where ev.type = any(?::text[]) and r.recipient is not null
         on conflict do nothing
       ), marked as (
         update outbox_events set dispatched_at = ?::timestamptz where id in (select id from ev) returning 1
       )
       select count(*) as n from marked`,
      [this.batchSize, now, now, this.o.operatorEmail, mailTypes, now],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * Claims up to `limit` due deliveries, each endpoint's oldest first and no more per endpoint than
   * its free places (in flight = claimed and not yet recorded, by any instance). Mail is one lane.
   * Instances claiming at once cannot exceed the bound: places are counted in one snapshot, and a
   * row another claim holds is skipped, never replaced by the next one in its endpoint's line.
   */
  private async claim(now: Date, limit: number): Promise<ClaimedDelivery[]> {
    const at = now.toISOString();
    const lease = new Date(now.getTime() + CLAIM_LEASE_MS).toISOString();
    return this.sql().query<ClaimedDelivery>(
      `with in_flight as (
         select coalesce(endpoint_id::text, 'mail') as lane, count(*)::int as n
           from notification_deliveries
          where claimed_until > ?::timestamptz and status = 'PENDING'
          group by 1
       ), ranked as (
         select d.id, row_number() over (partition by coalesce(d.endpoint_id::text, 'mail') order by d.next_attempt_at, d.seq)
                + coalesce(f.n, 0) as place
           from notification_deliveries d
           left join in_flight f on f.lane = coalesce(d.endpoint_id::text, 'mail')
          where d.status = 'PENDING' and d.next_attempt_at <= ?::timestamptz
       ), due as (
         select d.id, ev.id as event_id, ev.type as event_type, ev.account_id as event_account_id, ev.data as event_data,
                ev.created_at as event_created_at, e.url, e.secret_enc, e.previous_secret_enc, e.previous_secret_expires_at,
                (e.disabled_at is null and e.deleted_at is null) as endpoint_live
           from ranked r
           join notification_deliveries d on d.id = r.id
           join outbox_events ev on ev.id = d.event_id
           left join webhook_endpoints e on e.id = d.endpoint_id
          where r.place <= ?::int and d.status = 'PENDING' and d.next_attempt_at <= ?::timestamptz
          order by d.next_attempt_at
          limit ?::int
          for update of d skip locked
       )
       update notification_deliveries d
          set attempts = d.attempts + 1, last_attempt_at = ?::timestamptz, next_attempt_at = ?::timestamptz, claimed_until = ?::timestamptz
         from due where d.id = due.id
       returning d.id, d.channel, d.attempts, d.recipient, d.endpoint_id, d.next_attempt_at as lease_until, due.*`,
      [at, at, this.endpointConcurrency, at, limit, at, lease, lease],
    );
  }

  /** One attempt of one claimed delivery, and its recorded outcome. True when delivered. */
  private async attempt(d: ClaimedDelivery): Promise<boolean> {
    const event: OutboxEvent = {
      id: d.event_id,
      type: d.event_type,
      accountId: d.event_account_id,
      data: d.event_data,
      createdAt: new Date(d.event_created_at),
    };
    let result: SendResult;
    if (d.channel === 'WEBHOOK') {
      if (!d.endpoint_live) {
        await this.sql().query(
          `update notification_deliveries set status = 'CANCELLED', last_error = 'endpoint disabled or deleted', claimed_until = null where id = ?::uuid and status = 'PENDING'`,
          [d.id],
        );
        return false;
      }
      result = await this.sendWebhook(d, event);
    } else {
      result = await this.sendMail(d.recipient!, event);
    }
    const ok = result.error === null && result.status !== null && result.status >= 200 && result.status < 300;
    try {
      await this.record(d, event, result, ok);
    } catch (err) {
      this.o.log.error(
        { err: { message: (err as Error).message }, deliveryId: d.id },
        'could not record a delivery outcome; it will be retried after its lease',
      );
    }
    return ok;
  }

  private async sendWebhook(d: ClaimedDelivery, event: OutboxEvent): Promise<SendResult> {
    const started = performance.now();
    let target;
    try {
      target = await withDeadline(checkDestination(d.url!, this.o.policy), this.deadlineMs);
    } catch (err) {
      const reason = err instanceof UnsafeDestination ? `refused: ${err.reason}` : (err as Error).message;
      return { status: null, error: reason.slice(0, 300), durationMs: Math.round(performance.now() - started), excerpt: null };
    }
    const now = this.clock.now();
    const secrets = [this.o.secrets().open(d.secret_enc!)];
    if (d.previous_secret_enc && d.previous_secret_expires_at && new Date(d.previous_secret_expires_at) > now) {
      secrets.push(this.o.secrets().open(d.previous_secret_enc));
    }
    const body = eventBody(event);
    const headers = {
      [SIGNATURE_HEADER]: signatureHeader(secrets, Math.floor(now.getTime() / 1000), body),
      'creditmeter-event-id': event.id,
      'creditmeter-event-type': event.type,
    };
    return this.o.sender(target, body, headers, { totalMs: this.deadlineMs, startedAt: started });
  }

  private async sendMail(to: string, event: OutboxEvent): Promise<SendResult> {
    const started = performance.now();
    if (!this.o.mailer) return { status: null, error: 'mail is not configured (SMTP_URL)', durationMs: 0, excerpt: null };
    const { subject, text } = mailFor(event, this.o.publicAppUrl);
    try {
      await this.o.mailer.send(to, subject, text);
      return { status: 250, error: null, durationMs: Math.round(performance.now() - started), excerpt: null };
    } catch (err) {
      return {
        status: null,
        error: (err as Error).message.slice(0, 300),
        durationMs: Math.round(performance.now() - started),
        excerpt: null,
      };
    }
  }

  private async record(d: ClaimedDelivery, event: OutboxEvent, result: SendResult, ok: boolean): Promise<void> {
    const now = this.clock.now();
    const giveUp = !ok && now.getTime() - event.createdAt.getTime() >= RETRY_WINDOW_MS;
    const nextAt = ok || giveUp ? now : new Date(now.getTime() + retryDelayMs(d.attempts, this.random));
    const status = ok ? 'DELIVERED' : giveUp ? 'FAILED' : 'PENDING';
    const error = ok ? null : (result.error ?? `HTTP ${result.status}`);
    await inTransaction(this.o.em.fork(), async (sql) => {
      await sql.query(
        `insert into notification_attempts (delivery_id, attempted_at, status_code, error, duration_ms, response_excerpt) values (?::uuid, ?::timestamptz, ?::int, ?, ?::int, ?)`,
        [d.id, now.toISOString(), result.status, error, result.durationMs, result.excerpt],
      );
      // Our place on the endpoint is free again, whatever happened to the delivery meanwhile.
      await sql.query(`update notification_deliveries set claimed_until = null where id = ?::uuid and claimed_until = ?::timestamptz`, [
        d.id,
        new Date(d.lease_until).toISOString(),
      ]);
      // Only while our claim stands: a lease that expired was claimed again by someone else, and a
      // redelivery requested meanwhile moved next_attempt_at (it must still happen).
      await sql.query(
        `update notification_deliveries
            set status = ?, next_attempt_at = ?::timestamptz, last_status_code = ?::int, last_error = ?,
                delivered_at = case when ? then ?::timestamptz else delivered_at end
          where id = ?::uuid and status = 'PENDING' and attempts = ?::int and next_attempt_at = ?::timestamptz`,
        [
          status,
          nextAt.toISOString(),
          result.status,
          error,
          ok,
          now.toISOString(),
          d.id,
          d.attempts,
          new Date(d.lease_until).toISOString(),
        ],
      );
      if (d.channel === 'WEBHOOK') await this.recordEndpointHealth(sql, d.endpoint_id!, ok, now);
    });
    metrics.notificationAttempt(d.channel, ok ? 'delivered' : giveUp ? 'failed' : 'retry');
    if (!ok)
      this.o.log.info(
        { deliveryId: d.id, eventType: event.type, attempts: d.attempts, status: result.status, giveUp },
        'notification delivery failed',
      );
  }

  private async recordEndpointHealth(sql: Sql, endpointId: string, ok: boolean, now: Date): Promise<void> {
    if (ok) {
      await sql.query(`update webhook_endpoints set last_success_at = ?::timestamptz, failing_since = null where id = ?::uuid`, [
        now.toISOString(),
        endpointId,
      ]);
      return;
    }
    const [endpoint] = await sql.query<{ account_id: string | null; url: string; failing_since: Date; disabled: boolean }>(
      `update webhook_endpoints
          set last_failure_at = ?::timestamptz, failing_since = coalesce(failing_since, ?::timestamptz),
              disabled_at = case when disabled_at is null and coalesce(failing_since, ?::timestamptz) <= ?::timestamptz then ?::timestamptz else disabled_at end,
              disabled_reason = case when disabled_at is null and coalesce(failing_since, ?::timestamptz) <= ?::timestamptz then 'failing' else disabled_reason end
        where id = ?::uuid
        returning account_id, url, failing_since, (disabled_at = ?::timestamptz and disabled_reason = 'failing') as disabled`,
      [
        now.toISOString(),
        now.toISOString(),
        now.toISOString(),
        new Date(now.getTime() - this.o.disableAfterMs).toISOString(),
        now.toISOString(),
        now.toISOString(),
        new Date(now.getTime() - this.o.disableAfterMs).toISOString(),
        endpointId,
        now.toISOString(),
      ],
    );
    if (!endpoint?.disabled) return;
    await cancelPendingDeliveries(sql, endpointId, 'endpoint disabled');
    await emitEvent(sql, {
      type: 'webhook_endpoint.disabled',
      accountId: endpoint.account_id,
      data: { endpointId, url: endpoint.url, failingSince: new Date(endpoint.failing_since).toISOString(), disabledAt: now.toISOString() },
    });
    this.o.log.warn({ endpointId }, 'webhook endpoint disabled after failing continuously');
  }
}

/** Resolves as `work` does, or rejects once `ms` have passed (the work itself runs on, unheeded). */
function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`deadline: the destination was not checked within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
