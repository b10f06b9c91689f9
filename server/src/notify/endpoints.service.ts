import type { EntityManager } from '@mikro-orm/postgresql';
import { writeAudit } from '../audit/audit.service.js';
import type { Principal } from '../auth/roles.js';
import { sqlOf, type Sql } from '../db/sql.js';
import { currentEm } from '../db/unit-of-work.js';
import { decodeCursor, toPage, type Page } from '../graphql/connection-cursors.js';
import { pageSize } from '../shared/paging.js';
import { DomainError, badInput, notFound } from '../shared/errors.js';
import {
  cancelPendingDeliveries,
  countDeliveries,
  eventAccount,
  findAttempts,
  findDeliveries,
  queueDelivery,
  type Delivery,
  type DeliveryAttempt,
} from './deliveries.repository.js';
import { validateEndpointUrl, type DestinationPolicy } from './destination.js';
import { checkEndpointAccess, endpointEvents, endpointOwner, type EndpointAccess } from './endpoints.rules.js';
import { generateSigningSecret, type SecretBox } from './secrets.js';
import { WebhookEndpointEntity } from './webhook-endpoint.entity.js';
import { webhookEndpoints } from './webhook-endpoints.repository.js';

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

/** Never the secrets. */
const toEndpoint = (e: WebhookEndpointEntity): WebhookEndpoint => ({
  id: e.id,
  accountId: e.accountId,
  url: e.url,
  events: e.events,
  description: e.description,
  createdAt: e.createdAt,
  disabledAt: e.disabledAt,
  disabledReason: e.disabledReason,
  failingSince: e.failingSince,
  lastSuccessAt: e.lastSuccessAt,
  lastFailureAt: e.lastFailureAt,
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

  async create(actor: Principal, input: CreateEndpointInput): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const accountId = endpointOwner(actor, input.accountId ?? null, input.allAccounts ?? false, 'manage');
    const events = endpointEvents(input.events);
    const description = input.description ?? null;
    const url = await validateEndpointUrl(input.url, this.policy);
    const secret = generateSigningSecret();
    const sealed = this.secrets().seal(secret);
    const endpoint = await this.em.transactional(async (em) => {
      const sql = sqlOf(em);
      if (accountId) {
        const exists = await sql.query(`select 1 from accounts where id = ?::uuid and kind <> 'SYSTEM'`, [accountId]);
        if (!exists.length) throw notFound(`Account ${accountId} not found`);
      }
      // Lock the owner's account row (or serialise operator endpoints) so the cap holds under races.
      if (accountId) await sql.query(`select 1 from accounts where id = ?::uuid for update`, [accountId]);
      else await sql.query(`select pg_advisory_xact_lock(hashtext('webhook_endpoints:operator'))`);
      if ((await webhookEndpoints(em).countOf(accountId)) >= MAX_ENDPOINTS_PER_OWNER)
        throw badInput(`At most ${MAX_ENDPOINTS_PER_OWNER} webhook endpoints per account`);
      const entity = em.create(WebhookEndpointEntity, {
        accountId,
        url,
        events,
        description,
        secretEnc: sealed,
        createdByKeyId: actor.keyId,
      } as WebhookEndpointEntity);
      await em.flush();
      const created = toEndpoint(entity);
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
    const accountId = endpointOwner(actor, accountIdInput, allAccounts, 'read');
    return (await webhookEndpoints(currentEm(this.em)).listOf(accountId)).map(toEndpoint);
  }

  async get(actor: Principal, id: string): Promise<WebhookEndpoint> {
    return this.load(actor, id, 'read');
  }

  async disable(actor: Principal, id: string): Promise<WebhookEndpoint> {
    const before = await this.load(actor, id, 'manage');
    return this.change(actor, before, 'webhookEndpoint.disable', {
      first: (sql) => cancelPendingDeliveries(sql, before.id, 'endpoint disabled'),
      apply: (endpoint, now) => {
        endpoint.disabledAt ??= now;
        endpoint.disabledReason ??= 'manual';
      },
    });
  }

  async enable(actor: Principal, id: string): Promise<WebhookEndpoint> {
    const before = await this.load(actor, id, 'manage');
    await validateEndpointUrl(before.url, this.policy);
    return this.change(actor, before, 'webhookEndpoint.enable', {
      apply: (endpoint) => {
        endpoint.disabledAt = null;
        endpoint.disabledReason = null;
        endpoint.failingSince = null;
      },
    });
  }

  async delete(actor: Principal, id: string): Promise<WebhookEndpoint> {
    const before = await this.load(actor, id, 'manage');
    return this.change(actor, before, 'webhookEndpoint.delete', {
      first: (sql) => cancelPendingDeliveries(sql, before.id, 'endpoint deleted'),
      apply: (endpoint, now) => {
        endpoint.deletedAt = now;
        endpoint.disabledAt ??= now;
      },
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
    const endpoint = await this.change(actor, before, 'webhookEndpoint.rotateSecret', {
      withSecret: true,
      apply: (endpoint, now) => {
        endpoint.previousSecretEnc = graceSeconds > 0 ? endpoint.secretEnc : null;
        endpoint.previousSecretExpiresAt = graceSeconds > 0 ? new Date(now.getTime() + graceSeconds * 1000) : null;
        endpoint.secretEnc = sealed;
      },
    });
    return { endpoint, secret };
  }

  async deliveries(actor: Principal, endpointId: string, first?: number | null, after?: string | null): Promise<Page<Delivery>> {
    const endpoint = await this.load(actor, endpointId, 'read');
    const n = pageSize(first);
    return toPage(await findDeliveries(this.sql(), endpoint.id, decodeCursor(after), n + 1), n);
  }

  async countDeliveries(endpointId: string): Promise<number> {
    return countDeliveries(this.sql(), endpointId);
  }

  async attempts(deliveryIds: readonly string[]): Promise<Map<string, DeliveryAttempt[]>> {
    return findAttempts(this.sql(), deliveryIds);
  }

  /**
   * Sends an event to an endpoint again (or for the first time, for an event from before the
   * endpoint existed), now, with the same event id. The endpoint must be enabled.
   */
  async redeliver(actor: Principal, endpointId: string, eventId: string): Promise<string> {
    const endpoint = await this.load(actor, endpointId, 'manage');
    if (endpoint.disabledAt) throw badInput('The endpoint is disabled: enable it before redelivering', { field: 'endpointId' });
    const deliveryId = await this.em.transactional(async (em) => {
      const sql = sqlOf(em);
      const event = await eventAccount(sql, eventId);
      if (!event || (endpoint.accountId !== null && event.accountId !== endpoint.accountId))
        throw notFound(`Event ${eventId} not found for this endpoint`);
      const id = await queueDelivery(sql, eventId, endpoint.id);
      await writeAudit(sql, {
        actor,
        action: 'webhookEndpoint.redeliver',
        targetType: 'webhook_endpoint',
        targetId: endpoint.id,
        after: { eventId, deliveryId: id },
      });
      return id;
    });
    this.wakeWorker();
    return deliveryId;
  }

  private sql(): Sql {
    return sqlOf(currentEm(this.em));
  }

  private async load(actor: Principal, id: string, mode: EndpointAccess): Promise<WebhookEndpoint> {
    const endpoint = await webhookEndpoints(currentEm(this.em)).findLive(id);
    if (!endpoint) throw notFound(`Webhook endpoint ${id} not found`);
    checkEndpointAccess(actor, id, endpoint.accountId, mode);
    return toEndpoint(endpoint);
  }

  /**
   * One audited change of an endpoint, in one transaction: `first` (the queue's side, before the
   * endpoint row's lock, in the order the delivery worker takes them), then `apply` on the locked row.
   */
  private async change(
    actor: Principal,
    before: WebhookEndpoint,
    action: string,
    step: {
      first?: (sql: Sql) => Promise<void>;
      apply: (endpoint: WebhookEndpointEntity, now: Date) => void;
      withSecret?: boolean;
    },
  ): Promise<WebhookEndpoint> {
    return this.em.transactional(async (em) => {
      const sql = sqlOf(em);
      await step.first?.(sql);
      const endpoint = await webhookEndpoints(em).lock(before.id, step.withSecret);
      if (!endpoint) throw new DomainError('CONFLICT', `Webhook endpoint ${before.id} changed meanwhile; try again`);
      // The database's clock, as for every other endpoint and delivery time (the transaction's now()).
      const [{ now }] = await sql.query<{ now: Date }>('select now() as now');
      step.apply(endpoint, new Date(now));
      await em.flush();
      const after = toEndpoint(endpoint);
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
