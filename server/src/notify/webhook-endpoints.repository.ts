import { EntityRepository, LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { WebhookEndpointEntity } from './webhook-endpoint.entity.js';

/** Queries on `webhook_endpoints` (deleted endpoints stay as rows, for the delivery log). */
export class WebhookEndpointRepository extends EntityRepository<WebhookEndpointEntity> {
  /** Not deleted. */
  findLive(id: string): Promise<WebhookEndpointEntity | null> {
    return this.findOne({ id, deletedAt: null });
  }

  /** The live endpoints of an account (null: the operator's), newest first. */
  listOf(accountId: string | null): Promise<WebhookEndpointEntity[]> {
    return this.find({ accountId, deletedAt: null }, { orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
  }

  countOf(accountId: string | null): Promise<number> {
    return this.count({ accountId, deletedAt: null });
  }

  /** Locked for the caller's transaction and read afresh; with the current secret when it is to be rotated. */
  lock(id: string, withSecret = false): Promise<WebhookEndpointEntity | null> {
    return this.findOne({ id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, populate: withSecret ? ['secretEnc'] : [] });
  }
}

export const webhookEndpoints = (em: EntityManager) => new WebhookEndpointRepository(em, WebhookEndpointEntity);
