import { withXactLock } from '../db/locks.js';
import { EntityRepository, type EntityManager, LockMode } from '@mikro-orm/postgresql';
import { WebhookEndpointEntity } from './webhook-endpoint.entity.js';

/** What the worker's failure bookkeeping did to the endpoint. */
interface EndpointFailure {
  endpoint: WebhookEndpointEntity;
  /** Disabled by this failure: it had been failing since at least the cut-off. */
  disabled: boolean;
}

/**
 * The one door to `webhook_endpoints` (deleted endpoints stay as rows, for the delivery log):
 * the console's changes and the delivery worker's health columns alike.
 */
export class WebhookEndpointsRepository extends EntityRepository<WebhookEndpointEntity> {
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

  /**
   * Serialises endpoint creation per owner so the cap holds under races: the owner's account row
   * locked (NOT_FOUND: false when there is no such customer account), or for the operator's
   * endpoints a transaction-scoped advisory lock (SQL: neither is an entity change).
   */
  async lockOwner(accountId: string | null): Promise<boolean> {
    const em = this.getEntityManager();
    if (accountId === null) {
      await withXactLock(em, 'webhook_endpoints:operator');
      return true;
    }
    const rows = await em.execute(`select 1 from accounts where id = ?::uuid and kind <> 'SYSTEM' for update`, [accountId]);
    return rows.length > 0;
  }

  /** The database's clock: the transaction's now(), as every other endpoint and delivery time. */
  async transactionNow(): Promise<Date> {
    const [{ now }] = await this.getEntityManager().execute<{ now: Date }[]>(`select now() as now`);
    return new Date(now);
  }

  /** Locked for the caller's transaction and read afresh; with the current secret when it is to be rotated. */
  lock(id: string, withSecret = false): Promise<WebhookEndpointEntity | null> {
    return this.findOne({ id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, populate: withSecret ? ['secretEnc'] : [] });
  }

  /** Enabled, not deleted endpoints that may receive events of these accounts: their own and the operator's. */
  subscribersOf(accountIds: readonly string[]): Promise<WebhookEndpointEntity[]> {
    return this.find(
      { disabledAt: null, deletedAt: null, $or: [{ accountId: null }, { accountId: { $in: [...accountIds] } }] },
      { disableIdentityMap: true },
    );
  }

  /** The endpoints with their sealed secrets, for signing (read-only). */
  withSecrets(ids: readonly string[]): Promise<WebhookEndpointEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.find({ id: { $in: [...ids] } }, { populate: ['secretEnc', 'previousSecretEnc'], disableIdentityMap: true, refresh: true });
  }

  /** A delivery succeeded: the endpoint is healthy again. */
  async recordSuccess(id: string, now: Date): Promise<void> {
    await this.nativeUpdate({ id }, { lastSuccessAt: now, failingSince: null });
  }

  /**
   * A delivery failed: failing since its first failure in a row, and disabled ('failing') once that
   * is at or before `disableBefore`. The row is locked for the caller's transaction.
   */
  async recordFailure(id: string, now: Date, disableBefore: Date): Promise<EndpointFailure | null> {
    const endpoint = await this.findOne({ id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!endpoint) return null;
    endpoint.lastFailureAt = now;
    endpoint.failingSince ??= now;
    const disabled = endpoint.disabledAt === null && endpoint.failingSince <= disableBefore;
    if (disabled) {
      endpoint.disabledAt = now;
      endpoint.disabledReason = 'failing';
    }
    await this.getEntityManager().flush();
    return { endpoint, disabled };
  }
}

/** The repository on `em` (the caller's unit of work or transaction). */
export const endpointsOf = (em: EntityManager) => new WebhookEndpointsRepository(em, WebhookEndpointEntity);
