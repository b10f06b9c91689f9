import { ArrayType, Entity, EntityRepositoryType, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { withXactLock } from '../db/locks.js';
import { EntityRepository, LockMode } from '@mikro-orm/postgresql';

/**
 * A webhook endpoint (`webhook_endpoints`): an account's own, or the operator's (account null) for
 * every account. The same class is its GraphQL type: only the fields marked @Field are shown. The
 * signing secrets are sealed, lazy and hidden: loaded only when asked for, never serialised.
 */
@ObjectType('WebhookEndpoint')
@Entity({ tableName: 'webhook_endpoints', repository: () => WebhookEndpointsRepository })
export class WebhookEndpointEntity {
  [EntityRepositoryType]?: WebhookEndpointsRepository;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  url!: string;

  @Field(() => [String], { description: 'Event types sent to this endpoint ("*" = all)' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  events!: string[];

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null = null;

  @Field(() => ID, {
    nullable: true,
    description: "The account whose events it receives; null = the operator's endpoint for every account",
  })
  @Property({ type: 'uuid', nullable: true })
  accountId: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => String, { nullable: true, description: 'manual, or failing (disabled after failing continuously)' })
  @Property({ type: 'text', nullable: true })
  disabledReason: string | null = null;

  /** The health columns are the delivery worker's (WebhookEndpointsRepository.recordSuccess / recordFailure). */
  @Field(() => Date, { nullable: true, description: 'Failing without a success since then' })
  @Property({ type: 'timestamptz', nullable: true })
  failingSince: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastFailureAt: Date | null = null;

  @Property({ type: 'text', lazy: true, hidden: true })
  secretEnc!: string;

  @Property({ type: 'text', nullable: true, lazy: true, hidden: true })
  previousSecretEnc: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  previousSecretExpiresAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  createdByKeyId: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null = null;
}

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
