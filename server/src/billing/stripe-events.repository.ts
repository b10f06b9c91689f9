import { Entity, EntityRepositoryType, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { EventSource, EventStatus, StoredEvent, WebhookEvent } from './billing.types.js';

/** The webhook inbox's row, and the GraphQL `StripeEvent` (the payload is not exposed). */
@ObjectType('StripeEvent', { description: 'A stored webhook event (the inbox); the payload is not exposed' })
@Entity({ tableName: 'stripe_events', repository: () => StripeEventsRepository })
export class StripeEventEntity implements StoredEvent {
  [EntityRepositoryType]?: StripeEventsRepository;

  @Field(() => ID)
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  type!: string;

  @Field(() => String, { description: 'RECEIVED, PROCESSED, FAILED or IGNORED' })
  @Property({ type: 'text', defaultRaw: `'RECEIVED'` })
  status!: EventStatus;

  @Field(() => String, { description: 'STRIPE, TEST_MODE or STAFF' })
  @Property({ type: 'text', defaultRaw: `'STRIPE'` })
  source!: EventSource;

  @Property({ type: 'boolean', defaultRaw: 'false' })
  livemode!: boolean;

  @Property({ type: 'json' })
  payload!: WebhookEvent;

  @Field(() => Int)
  @Property({ type: 'int', defaultRaw: '0' })
  attempts!: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  lastError!: string | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  purchaseId!: string | null;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  receivedAt!: Opt<Date>;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  processedAt!: Date | null;
}

/** `stripe_events`, the webhook inbox: every verified event is stored (once, by its id) before it is processed. */
export class StripeEventsRepository extends EntityRepository<StripeEventEntity> {
  /** Stores the event once (its id is the key); the stored row and whether it was new. */
  async store(event: WebhookEvent, source: EventSource): Promise<{ event: StripeEventEntity; inserted: boolean }> {
    // One statement, so concurrent deliveries of one event never both count as new.
    const inserted = await this.em.execute(
      `insert into stripe_events (id, type, source, livemode, payload) values (?, ?, ?, ?::boolean, ?::jsonb)
       on conflict (id) do nothing returning *`,
      [event.id, event.type, source, event.livemode ?? false, JSON.stringify(event)],
    );
    if (inserted[0]) return { event: this.map(inserted[0]), inserted: true };
    return { event: (await this.byId(event.id))!, inserted: false };
  }

  byId(id: string): Promise<StripeEventEntity | null> {
    return this.findOne({ id }, { disableIdentityMap: true });
  }

  async mark(id: string, status: EventStatus, error: string | null, purchaseId: string | null): Promise<void> {
    await this.em.execute(
      `update stripe_events set status = ?, last_error = ?, attempts = attempts + 1,
              purchase_id = coalesce(?::uuid, purchase_id),
              processed_at = case when ? in ('PROCESSED', 'IGNORED') then now() else processed_at end
        where id = ?`,
      [status, error ? error.slice(0, 500) : null, purchaseId, status, id],
    );
  }

  /** Events that did not go through: FAILED, or RECEIVED and never finished (a crash mid-way); newest first. */
  unprocessed(limit: number): Promise<StripeEventEntity[]> {
    return this.find({ status: { $in: ['FAILED', 'RECEIVED'] } }, { orderBy: { receivedAt: 'desc' }, limit, disableIdentityMap: true });
  }
}
