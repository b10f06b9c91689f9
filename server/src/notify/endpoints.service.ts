import type { EntityManager } from '@mikro-orm/postgresql';
import { writeAudit } from '../audit/audit.service.js';
import type { Principal } from '../auth/roles.js';
import { currentEm } from '../db/unit-of-work.js';
import { decodeCursor, toPage, type Page } from '../graphql/connection-cursors.js';
import { pageSize } from '../shared/paging.js';
import { DomainError, LimitReached, badInput, notFound } from '../shared/errors.js';
import { type NotificationDeliveriesRepository, NotificationDeliveryEntity, type WebhookDelivery } from './deliveries.repository.js';
import { validateEndpointUrl, type DestinationPolicy } from './destination.js';
import { checkEndpointAccess, endpointEvents, endpointOwner, type EndpointAccess } from './endpoints.rules.js';
import { generateSigningSecret, type SecretBox } from './secrets.js';
import { OutboxEventEntity } from './outbox.repository.js';
import { NotificationAttemptEntity } from './attempts.repository.js';
import { WebhookEndpointEntity } from './webhook-endpoints.repository.js';

export interface CreateEndpointInput {
  accountId?: string | null;
  /** ADMIN: the operator's endpoint, receiving the events of every account. */
  allAccounts?: boolean | null;
  url: string;
  events: string[];
  description?: string | null;
}

/** An account's webhook endpoints (and the operator's), disabled ones included: docs/api.md. */
export const MAX_ENDPOINTS_PER_OWNER = 16;
const MAX_GRACE_SECONDS = 7 * 24 * 3600;

/**
 * Webhook endpoints: an account's own, or the operator's (account null) for every account.
 * Owners (the account's keys) and ADMIN manage them; SUPPORT+ may read them and their logs.
 * The signing secret is returned once, at creation and rotation, and stored sealed.
 */
/** What other features may read of webhook endpoints (the audit log names them by URL). */
export const endpointRecords = {
  async urls(em: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await em.find(WebhookEndpointEntity, { id: { $in: ids } }, { fields: ['id', 'url'], disableIdentityMap: true });
    return new Map(rows.map((r) => [r.id, r.url]));
  },
};

export class WebhookEndpointsService {
  constructor(
    private readonly em: EntityManager,
    private readonly secrets: () => SecretBox,
    private readonly policy: DestinationPolicy,
    private readonly wakeWorker: () => void,
  ) {}

  async create(actor: Principal, input: CreateEndpointInput): Promise<{ endpoint: WebhookEndpointEntity; secret: string }> {
    const accountId = endpointOwner(actor, input.accountId ?? null, input.allAccounts ?? false, 'manage');
    const events = endpointEvents(input.events);
    const description = input.description ?? null;
    const url = await validateEndpointUrl(input.url, this.policy);
    const secret = generateSigningSecret();
    const sealed = this.secrets().seal(secret);
    const endpoint = await this.em.transactional(async (em) => {
      const endpoints = em.getRepository(WebhookEndpointEntity);
      if (!(await endpoints.lockOwner(accountId))) throw notFound(`Account ${accountId} not found`);
      if ((await endpoints.countOf(accountId)) >= MAX_ENDPOINTS_PER_OWNER)
        throw new LimitReached(`At most ${MAX_ENDPOINTS_PER_OWNER} webhook endpoints per account`, MAX_ENDPOINTS_PER_OWNER);
      const entity = em.create(WebhookEndpointEntity, {
        accountId,
        url,
        events,
        description,
        secretEnc: sealed,
        createdByKeyId: actor.keyId,
      } as WebhookEndpointEntity);
      await em.flush();
      await writeAudit(em, {
        actor,
        action: 'webhookEndpoint.create',
        targetType: 'webhook_endpoint',
        targetId: entity.id,
        after: { accountId, url, events },
      });
      return entity;
    });
    return { endpoint, secret };
  }

  async list(actor: Principal, accountIdInput: string | null, allAccounts: boolean): Promise<WebhookEndpointEntity[]> {
    const accountId = endpointOwner(actor, accountIdInput, allAccounts, 'read');
    return currentEm(this.em).getRepository(WebhookEndpointEntity).listOf(accountId);
  }

  async get(actor: Principal, id: string): Promise<WebhookEndpointEntity> {
    return this.load(actor, id, 'read');
  }

  async disable(actor: Principal, id: string): Promise<WebhookEndpointEntity> {
    const before = await this.load(actor, id, 'manage');
    return this.change(actor, before, 'webhookEndpoint.disable', {
      first: (deliveries) => deliveries.cancelPending(before.id, 'endpoint disabled'),
      apply: (endpoint, now) => {
        endpoint.disabledAt ??= now;
        endpoint.disabledReason ??= 'manual';
      },
    });
  }

  async enable(actor: Principal, id: string): Promise<WebhookEndpointEntity> {
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

  async delete(actor: Principal, id: string): Promise<WebhookEndpointEntity> {
    const before = await this.load(actor, id, 'manage');
    return this.change(actor, before, 'webhookEndpoint.delete', {
      first: (deliveries) => deliveries.cancelPending(before.id, 'endpoint deleted'),
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
  async rotateSecret(actor: Principal, id: string, graceSeconds = 0): Promise<{ endpoint: WebhookEndpointEntity; secret: string }> {
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

  /** A page of the endpoint's delivery log, each delivery with its latest attempts. */
  async deliveries(actor: Principal, endpointId: string, first?: number | null, after?: string | null): Promise<Page<WebhookDelivery>> {
    const endpoint = await this.load(actor, endpointId, 'read');
    const n = pageSize(first);
    const page = toPage(await this.deliveriesRepository().pageOf(endpoint.id, decodeCursor(after), n + 1), n);
    const attempts = await this.attempts(page.items.map((d) => d.id));
    for (const d of page.items) d.attemptLog = attempts.get(d.id) ?? [];
    return page;
  }

  async countDeliveries(endpointId: string): Promise<number> {
    return this.deliveriesRepository().countOf(endpointId);
  }

  private async attempts(deliveryIds: readonly string[]): Promise<Map<string, NotificationAttemptEntity[]>> {
    return currentEm(this.em).getRepository(NotificationAttemptEntity).latestOf(deliveryIds);
  }

  /**
   * Sends an event to an endpoint again (or for the first time, for an event from before the
   * endpoint existed), now, with the same event id. The endpoint must be enabled.
   */
  async redeliver(actor: Principal, endpointId: string, eventId: string): Promise<string> {
    const endpoint = await this.load(actor, endpointId, 'manage');
    if (endpoint.disabledAt) throw badInput('The endpoint is disabled: enable it before redelivering', { field: 'endpointId' });
    const deliveryId = await this.em.transactional(async (em) => {
      const event = await em.getRepository(OutboxEventEntity).accountOf(eventId);
      if (!event || (endpoint.accountId !== null && event.accountId !== endpoint.accountId))
        throw notFound(`Event ${eventId} not found for this endpoint`);
      const id = await em.getRepository(NotificationDeliveryEntity).queueAgain(eventId, endpoint.id);
      await writeAudit(em, {
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

  private deliveriesRepository() {
    return currentEm(this.em).getRepository(NotificationDeliveryEntity);
  }

  private async load(actor: Principal, id: string, mode: EndpointAccess): Promise<WebhookEndpointEntity> {
    const endpoint = await currentEm(this.em).getRepository(WebhookEndpointEntity).findLive(id);
    if (!endpoint) throw notFound(`Webhook endpoint ${id} not found`);
    checkEndpointAccess(actor, id, endpoint.accountId, mode);
    return endpoint;
  }

  /**
   * One audited change of an endpoint, in one transaction: `first` (the queue's side, before the
   * endpoint row's lock, in the order the delivery worker takes them), then `apply` on the locked row.
   */
  private async change(
    actor: Principal,
    before: WebhookEndpointEntity,
    action: string,
    step: {
      first?: (deliveries: NotificationDeliveriesRepository) => Promise<void>;
      apply: (endpoint: WebhookEndpointEntity, now: Date) => void;
      withSecret?: boolean;
    },
  ): Promise<WebhookEndpointEntity> {
    // Read now: inside the transaction the locked row may be this very instance, changed by `apply`.
    const audited = { disabledAt: before.disabledAt, url: before.url };
    return this.em.transactional(async (em) => {
      await step.first?.(em.getRepository(NotificationDeliveryEntity));
      const endpoints = em.getRepository(WebhookEndpointEntity);
      const endpoint = await endpoints.lock(before.id, step.withSecret);
      if (!endpoint) throw new DomainError('CONFLICT', `Webhook endpoint ${before.id} changed meanwhile; try again`);
      step.apply(endpoint, await endpoints.transactionNow());
      await em.flush();
      await writeAudit(em, {
        actor,
        action,
        targetType: 'webhook_endpoint',
        targetId: before.id,
        before: audited,
        after: { disabledAt: endpoint.disabledAt },
      });
      return endpoint;
    });
  }
}
