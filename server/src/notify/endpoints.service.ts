import type { EntityManager } from '@mikro-orm/postgresql';
import { writeAudit } from '../audit/audit.service.js';
import { hasRole, type Principal } from '../auth/roles.js';
import { inTransaction, sqlOf, type Sql } from '../db/sql.js';
import { currentEm } from '../db/unit-of-work.js';
import { decodeCursor, pageSize, toPage, type Page } from '../ledger/cursor.js';
import { DomainError, badInput, forbidden, notFound } from '../shared/errors.js';
import { optionalText, parseId } from '../shared/validate.js';
import { validateEndpointUrl, type DestinationPolicy } from './destination.js';
import { allEventTypes, knownEventType } from './notify.rules.js';
import { generateSigningSecret, type SecretBox } from './secrets.js';

export interface WebhookEndpoint {
  id: string;
  accountId: string | null;
  url: string;
  events: string[];
  description: string | null;
  createdAt: Date;
  disabledAt: Date | null;
  disabledReason: string | null;
  failingSince: Date | null;
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
}

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

export interface CreateEndpointInput {
  accountId?: string | null;
  /** ADMIN: the operator's endpoint, receiving the events of every account. */
  allAccounts?: boolean | null;
  url: string;
  events: string[];
  description?: string | null;
}

const MAX_ENDPOINTS_PER_OWNER = 16;
const MAX_GRACE_SECONDS = 7 * 24 * 3600;

const COLUMNS = `id, account_id, url, events, description, created_at, disabled_at, disabled_reason, failing_since, last_success_at, last_failure_at`;

const date = (v: unknown) => (v ? new Date(v as string) : null);
const toEndpoint = (r: Record<string, unknown>): WebhookEndpoint => ({
  id: r.id as string,
  accountId: (r.account_id as string | null) ?? null,
  url: r.url as string,
  events: r.events as string[],
  description: (r.description as string | null) ?? null,
  createdAt: new Date(r.created_at as string),
  disabledAt: date(r.disabled_at),
  disabledReason: (r.disabled_reason as string | null) ?? null,
  failingSince: date(r.failing_since),
  lastSuccessAt: date(r.last_success_at),
  lastFailureAt: date(r.last_failure_at),
});

/**
 * Webhook endpoints: an account's own, or the operator's (account null) for every account.
 * Owners (the account's keys) and ADMIN manage them; SUPPORT+ may read them and their logs.
 * The signing secret is returned once, at creation and rotation, and stored sealed.
 */
export class WebhookEndpointsService {
  constructor(
    private readonly em: EntityManager,
    private readonly secrets: () => SecretBox,
    private readonly policy: DestinationPolicy,
    private readonly wakeWorker: () => void,
  ) {}

  private sql(): Sql {
    return sqlOf(currentEm(this.em));
  }

  async create(actor: Principal, input: CreateEndpointInput): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const accountId = this.ownerFor(actor, input.accountId ?? null, input.allAccounts ?? false, 'manage');
    const events = this.parseEvents(input.events);
    const description = optionalText(input.description, 'description', 200);
    const url = await validateEndpointUrl(input.url, this.policy);
    const secret = generateSigningSecret();
    const sealed = this.secrets().seal(secret);
    const endpoint = await inTransaction(currentEm(this.em), async (sql) => {
      if (accountId) {
        const exists = await sql.query(`select 1 from accounts where id = ?::uuid and kind <> 'SYSTEM'`, [accountId]);
        if (!exists.length) throw notFound(`Account ${accountId} not found`);
      }
      // Lock the owner's account row (or serialise operator endpoints) so the cap holds under races.
      if (accountId) await sql.query(`select 1 from accounts where id = ?::uuid for update`, [accountId]);
      else await sql.query(`select pg_advisory_xact_lock(hashtext('webhook_endpoints:operator'))`);
      const [{ n }] = await sql.query<{ n: string }>(
        `select count(*) n from webhook_endpoints where account_id is not distinct from ?::uuid and deleted_at is null`,
        [accountId],
      );
      if (Number(n) >= MAX_ENDPOINTS_PER_OWNER) throw badInput(`At most ${MAX_ENDPOINTS_PER_OWNER} webhook endpoints per account`);
      const [row] = await sql.query(
        `insert into webhook_endpoints (account_id, url, events, description, secret_enc, created_by_key_id)
         values (?::uuid, ?, ?::text[], ?, ?, ?::uuid) returning ${COLUMNS}`,
        [accountId, url, `{${events.map((e) => `"${e}"`).join(',')}}`, description, sealed, actor.keyId],
      );
      const created = toEndpoint(row);
      await writeAudit(sql, {
        actor,
        action: 'webhookEndpoint.create',
        targetType: 'webhook_endpoint',
        targetId: created.id,
        after: { accountId, url, events },
      });
      return created;
    });
    return { endpoint, secret };
  }

  async list(actor: Principal, accountIdInput: string | null, allAccounts: boolean): Promise<WebhookEndpoint[]> {
    const accountId = this.ownerFor(actor, accountIdInput, allAccounts, 'read');
    const rows = await this.sql().query(
      `select ${COLUMNS} from webhook_endpoints where account_id is not distinct from ?::uuid and deleted_at is null order by created_at desc, id`,
      [accountId],
    );
    return rows.map(toEndpoint);
  }

  async get(actor: Principal, id: string): Promise<WebhookEndpoint> {
    return this.load(actor, id, 'read');
  }

  async disable(actor: Principal, id: string): Promise<WebhookEndpoint> {
    const before = await this.load(actor, id, 'manage');
    return this.change(actor, before, 'webhookEndpoint.disable', async (sql) => {
      await sql.query(
        `update notification_deliveries set status = 'CANCELLED', last_error = 'endpoint disabled' where endpoint_id = ?::uuid and status = 'PENDING'`,
        [before.id],
      );
      return sql.query(
        `update webhook_endpoints set disabled_at = coalesce(disabled_at, now()), disabled_reason = coalesce(disabled_reason, 'manual') where id = ?::uuid returning ${COLUMNS}`,
        [before.id],
      );
    });
  }

  async enable(actor: Principal, id: string): Promise<WebhookEndpoint> {
    const before = await this.load(actor, id, 'manage');
    await validateEndpointUrl(before.url, this.policy);
    return this.change(actor, before, 'webhookEndpoint.enable', (sql) =>
      sql.query(
        `update webhook_endpoints set disabled_at = null, disabled_reason = null, failing_since = null where id = ?::uuid returning ${COLUMNS}`,
        [before.id],
      ),
    );
  }

  async delete(actor: Principal, id: string): Promise<WebhookEndpoint> {
    const before = await this.load(actor, id, 'manage');
    return this.change(actor, before, 'webhookEndpoint.delete', async (sql) => {
      await sql.query(
        `update notification_deliveries set status = 'CANCELLED', last_error = 'endpoint deleted' where endpoint_id = ?::uuid and status = 'PENDING'`,
        [before.id],
      );
      return sql.query(
        `update webhook_endpoints set deleted_at = now(), disabled_at = coalesce(disabled_at, now()) where id = ?::uuid returning ${COLUMNS}`,
        [before.id],
      );
    });
  }

  /**
   * A new secret, shown once. With `graceSeconds`, deliveries carry a second v1 signature made
   * with the old secret until then, so receivers can switch without dropping events.
   */
  async rotateSecret(actor: Principal, id: string, graceSeconds = 0): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    if (!Number.isInteger(graceSeconds) || graceSeconds < 0 || graceSeconds > MAX_GRACE_SECONDS) {
      throw badInput(`graceSeconds must be a whole number between 0 and ${MAX_GRACE_SECONDS}`, { field: 'graceSeconds' });
    }
    const before = await this.load(actor, id, 'manage');
    const secret = generateSigningSecret();
    const sealed = this.secrets().seal(secret);
    const endpoint = await this.change(actor, before, 'webhookEndpoint.rotateSecret', (sql) =>
      sql.query(
        `update webhook_endpoints
            set previous_secret_enc = case when ?::int > 0 then secret_enc end,
                previous_secret_expires_at = case when ?::int > 0 then now() + make_interval(secs => ?::int) end,
                secret_enc = ?
          where id = ?::uuid returning ${COLUMNS}`,
        [graceSeconds, graceSeconds, graceSeconds, sealed, before.id],
      ),
    );
    return { endpoint, secret };
  }

  async deliveries(actor: Principal, endpointId: string, first?: number | null, after?: string | null): Promise<Page<Delivery>> {
    const endpoint = await this.load(actor, endpointId, 'read');
    const n = pageSize(first);
    const before = decodeCursor(after);
    const rows = await this.sql().query<Record<string, unknown>>(
      `select d.id, d.seq, d.endpoint_id, d.channel, d.status, d.attempts, d.next_attempt_at, d.last_attempt_at, d.last_status_code,
              d.last_error, d.delivered_at, d.created_at, ev.id as event_id, ev.type as event_type, ev.created_at as event_created_at, ev.data
         from notification_deliveries d join outbox_events ev on ev.id = d.event_id
        where d.endpoint_id = ?::uuid and (?::bigint is null or d.seq < ?::bigint)
        order by d.seq desc limit ?::int`,
      [endpoint.id, before?.toString() ?? null, before?.toString() ?? null, n + 1],
    );
    return toPage(
      rows.map((r) => ({
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
      })),
      n,
    );
  }

  async countDeliveries(endpointId: string): Promise<number> {
    const [row] = await this.sql().query<{ n: string }>(`select count(*) n from notification_deliveries where endpoint_id = ?::uuid`, [
      parseId(endpointId, 'endpointId'),
    ]);
    return Number(row.n);
  }

  async attempts(deliveryIds: readonly string[]): Promise<Map<string, DeliveryAttempt[]>> {
    const rows = await this.sql().query<Record<string, unknown>>(
      `select delivery_id, attempted_at, status_code, error, duration_ms, response_excerpt
         from notification_attempts where delivery_id = any(?::uuid[]) order by id desc`,
      [`{${deliveryIds.join(',')}}`],
    );
    const byDelivery = new Map<string, DeliveryAttempt[]>();
    for (const r of rows) {
      const list = byDelivery.get(r.delivery_id as string) ?? [];
      if (list.length < 50) {
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

  /**
   * Sends an event to an endpoint again (or for the first time, for an event from before the
   * endpoint existed), now, with the same event id. The endpoint must be enabled.
   */
  async redeliver(actor: Principal, endpointId: string, eventIdInput: string): Promise<string> {
    const endpoint = await this.load(actor, endpointId, 'manage');
    const eventId = parseId(eventIdInput, 'eventId');
    if (endpoint.disabledAt) throw badInput('The endpoint is disabled: enable it before redelivering', { field: 'endpointId' });
    const deliveryId = await inTransaction(currentEm(this.em), async (sql) => {
      const [event] = await sql.query<{ account_id: string | null }>(`select account_id from outbox_events where id = ?::uuid`, [eventId]);
      if (!event || (endpoint.accountId !== null && event.account_id !== endpoint.accountId))
        throw notFound(`Event ${eventId} not found for this endpoint`);
      const [row] = await sql.query<{ id: string }>(
        `insert into notification_deliveries (event_id, channel, endpoint_id, next_attempt_at) values (?::uuid, 'WEBHOOK', ?::uuid, now())
         on conflict (event_id, endpoint_id) where endpoint_id is not null
         do update set status = 'PENDING', next_attempt_at = now()
         returning id`,
        [eventId, endpoint.id],
      );
      await writeAudit(sql, {
        actor,
        action: 'webhookEndpoint.redeliver',
        targetType: 'webhook_endpoint',
        targetId: endpoint.id,
        after: { eventId, deliveryId: row.id },
      });
      return row.id;
    });
    this.wakeWorker();
    return deliveryId;
  }

  private parseEvents(events: string[]): string[] {
    if (!Array.isArray(events) || events.length === 0)
      throw badInput('events must name at least one event type (or "*")', { field: 'events' });
    if (events.length > 50) throw badInput('events names at most 50 types', { field: 'events' });
    const unique = [...new Set(events.map((e) => String(e).trim()))];
    for (const e of unique) {
      if (e !== '*' && !knownEventType(e)) {
        throw badInput(`Unknown event type "${e.slice(0, 60)}"; known: ${allEventTypes().join(', ')}`, { field: 'events' });
      }
    }
    return unique;
  }

  /** The account an operation is about (null = operator endpoints), after the role check. */
  private ownerFor(actor: Principal, accountIdInput: string | null, allAccounts: boolean, mode: 'read' | 'manage'): string | null {
    if (allAccounts) {
      if (accountIdInput) throw badInput('Give either accountId or allAccounts, not both', { field: 'allAccounts' });
      if (!hasRole(actor.role, mode === 'manage' ? 'ADMIN' : 'SUPPORT'))
        throw forbidden(`Operator endpoints need the ${mode === 'manage' ? 'ADMIN' : 'SUPPORT'} role`);
      return null;
    }
    const accountId = accountIdInput ? parseId(accountIdInput, 'accountId') : actor.accountId;
    if (accountId !== actor.accountId && !hasRole(actor.role, mode === 'manage' ? 'ADMIN' : 'SUPPORT')) {
      throw forbidden(
        mode === 'manage'
          ? "Only the account itself or an ADMIN may manage an account's webhook endpoints"
          : 'A USER key may only access its own account',
      );
    }
    return accountId;
  }

  private async load(actor: Principal, idInput: string, mode: 'read' | 'manage'): Promise<WebhookEndpoint> {
    const id = parseId(idInput, 'id');
    const [row] = await this.sql().query(`select ${COLUMNS} from webhook_endpoints where id = ?::uuid and deleted_at is null`, [id]);
    if (!row) throw notFound(`Webhook endpoint ${id} not found`);
    const endpoint = toEndpoint(row);
    const staffRole = mode === 'manage' ? 'ADMIN' : 'SUPPORT';
    const own = endpoint.accountId !== null && endpoint.accountId === actor.accountId;
    if (!own && !hasRole(actor.role, staffRole)) {
      // Someone else's endpoint is reported as missing to a USER key: ids reveal nothing.
      if (!hasRole(actor.role, 'SUPPORT')) throw notFound(`Webhook endpoint ${id} not found`);
      throw forbidden(`This operation needs the ${staffRole} role`);
    }
    return endpoint;
  }

  private async change(
    actor: Principal,
    before: WebhookEndpoint,
    action: string,
    update: (sql: Sql) => Promise<Record<string, unknown>[]>,
  ): Promise<WebhookEndpoint> {
    return inTransaction(currentEm(this.em), async (sql) => {
      const [row] = await update(sql);
      if (!row) throw new DomainError('CONFLICT', `Webhook endpoint ${before.id} changed meanwhile; try again`);
      const after = toEndpoint(row);
      await writeAudit(sql, {
        actor,
        action,
        targetType: 'webhook_endpoint',
        targetId: before.id,
        before: { disabledAt: before.disabledAt, url: before.url },
        after: { disabledAt: after.disabledAt },
      });
      return after;
    });
  }
}
