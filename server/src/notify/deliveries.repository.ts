import { Field, ID, Int, ObjectType } from 'type-graphql';
import { NotificationAttemptEntity } from './attempts.repository.js';
import { BigIntType, Entity, EntityRepositoryType, PrimaryKey, Property } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';

/** One event for one endpoint (WEBHOOK) or one mailbox (EMAIL): the delivery worker's queue (`notification_deliveries`). */
@Entity({ tableName: 'notification_deliveries', repository: () => NotificationDeliveriesRepository })
export class NotificationDeliveryEntity {
  [EntityRepositoryType]?: NotificationDeliveriesRepository;

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: new BigIntType('bigint'), persist: false })
  seq!: bigint;

  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'text' })
  channel!: 'WEBHOOK' | 'EMAIL';

  @Property({ type: 'uuid', nullable: true })
  endpointId: string | null = null;

  @Property({ type: 'text', nullable: true })
  recipient: string | null = null;

  @Property({ type: 'text', defaultRaw: `'PENDING'` })
  status!: string;

  @Property({ type: 'int', defaultRaw: '0' })
  attempts!: number;

  @Property({ type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null = null;

  @Property({ type: 'int', nullable: true })
  lastStatusCode: number | null = null;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  /** In flight until then: claimed by a worker, outcome not yet recorded. */
  @Property({ type: 'timestamptz', nullable: true })
  claimedUntil: Date | null = null;
}

const dateOrNull = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

/** One line of an endpoint's delivery log (a delivery and its event), as the log query returns it and GraphQL shows it. */
@ObjectType('WebhookDelivery')
export class WebhookDelivery {
  /** The log's order and cursor. */
  seq!: bigint;
  @Field(() => ID) id!: string;
  @Field(() => ID) eventId!: string;
  @Field(() => String) eventType!: string;
  @Field(() => Date) eventCreatedAt!: Date;
  @Field(() => String, { description: "The event's data as JSON" }) payload!: string;
  @Field(() => String, { description: 'PENDING, DELIVERED, FAILED (gave up after three days) or CANCELLED (endpoint disabled or deleted)' })
  status!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => Date, { nullable: true }) nextAttemptAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastAttemptAt!: Date | null;
  @Field(() => Int, { nullable: true }) lastStatusCode!: number | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => [NotificationAttemptEntity], { description: 'Newest first, up to 50' }) attemptLog!: NotificationAttemptEntity[];
}

/** A due delivery claimed by a worker, with its event. */
export interface ClaimedDelivery {
  id: string;
  channel: 'WEBHOOK' | 'EMAIL';
  attempts: number;
  recipient: string | null;
  endpoint_id: string | null;
  event_id: string;
  event_type: string;
  event_account_id: string | null;
  event_data: Record<string, unknown>;
  event_created_at: Date;
  /** next_attempt_at as the claim set it: the claim stands while it is unchanged. */
  lease_until: Date;
}

/** What one attempt ended in. */
export interface DeliveryOutcome {
  status: 'DELIVERED' | 'FAILED' | 'PENDING';
  nextAttemptAt: Date;
  statusCode: number | null;
  error: string | null;
  deliveredAt: Date | null;
}

/**
 * The delivery queue (`notification_deliveries`). Fan-out, claiming and the log page are set-wise
 * SQL (one statement each, SKIP LOCKED where instances compete); single-row changes go through the ORM.
 */
export class NotificationDeliveriesRepository extends EntityRepository<NotificationDeliveryEntity> {
  /** A disabled or deleted endpoint's pending deliveries will not be attempted. */
  async cancelPending(endpointId: string, reason: 'endpoint disabled' | 'endpoint deleted'): Promise<void> {
    await this.nativeUpdate({ endpointId, status: 'PENDING' }, { status: 'CANCELLED', lastError: reason });
  }

  /** A claimed delivery whose endpoint went away meanwhile: cancelled, its place freed. */
  async cancelClaimed(id: string): Promise<void> {
    await this.nativeUpdate(
      { id, status: 'PENDING' },
      { status: 'CANCELLED', lastError: 'endpoint disabled or deleted', claimedUntil: null },
    );
  }

  /** The earliest pending delivery due after `after`, if any. */
  async nextDueAfter(after: Date): Promise<Date | null> {
    const next = await this.findOne(
      { status: 'PENDING', nextAttemptAt: { $gt: after } },
      { orderBy: { nextAttemptAt: 'asc' }, fields: ['nextAttemptAt'], disableIdentityMap: true },
    );
    return next?.nextAttemptAt ?? null;
  }

  /** One delivery per (event, endpoint) pair given, due at `at`; pairs already queued are left as they are. */
  async queueWebhooks(pairs: readonly { eventId: string; endpointId: string }[], at: Date): Promise<void> {
    if (!pairs.length) return;
    await this.getEntityManager().execute(
      `insert into notification_deliveries (event_id, channel, endpoint_id, next_attempt_at)
       select unnest(?::uuid[]), 'WEBHOOK', unnest(?::uuid[]), ?::timestamptz
       on conflict do nothing`,
      [`{${pairs.map((p) => p.eventId).join(',')}}`, `{${pairs.map((p) => p.endpointId).join(',')}}`, at.toISOString()],
    );
  }

  /**
   * One mail per event of a mailed type: to the account's email, or to `operatorEmail` for an
   * operator-wide event (none when it is null), due at `at`; mails already queued are left as they are.
   */
  async queueMails(eventIds: readonly string[], mailTypes: readonly string[], operatorEmail: string | null, at: Date): Promise<void> {
    if (!eventIds.length || !mailTypes.length) return;
    await this.getEntityManager().execute(
      `insert into notification_deliveries (event_id, channel, recipient, next_attempt_at)
       select ev.id, 'EMAIL', r.recipient, ?::timestamptz
         from outbox_events ev left join accounts a on a.id = ev.account_id
         cross join lateral (select case when ev.account_id is null then ?::text else a.email end as recipient) r
        where ev.id = any(?::uuid[]) and ev.type = any(?::text[]) and r.recipient is not null
       on conflict do nothing`,
      [at.toISOString(), operatorEmail, `{${eventIds.join(',')}}`, `{${mailTypes.join(',')}}`],
    );
  }

  /**
   * Claims up to `limit` due deliveries, each endpoint's oldest first and no more per endpoint than
   * its free places (`perEndpoint`, less those in flight = claimed and not yet recorded, by any
   * instance). Mail is one lane. Instances claiming at once cannot exceed the bound: places are
   * counted in one snapshot, and a row another claim holds is skipped, never replaced by the next
   * one in its endpoint's line. One statement: the count, the ranking and the claim must see one snapshot.
   */
  claimDue(now: Date, leaseUntil: Date, limit: number, perEndpoint: number): Promise<ClaimedDelivery[]> {
    const at = now.toISOString();
    const lease = leaseUntil.toISOString();
    return this.getEntityManager().execute(
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
                ev.created_at as event_created_at
           from ranked r
           join notification_deliveries d on d.id = r.id
           join outbox_events ev on ev.id = d.event_id
          where r.place <= ?::int and d.status = 'PENDING' and d.next_attempt_at <= ?::timestamptz
          order by d.next_attempt_at
          limit ?::int
          for update of d skip locked
       )
       update notification_deliveries d
          set attempts = d.attempts + 1, last_attempt_at = ?::timestamptz, next_attempt_at = ?::timestamptz, claimed_until = ?::timestamptz
         from due where d.id = due.id
       returning d.id, d.channel, d.attempts, d.recipient, d.endpoint_id, d.next_attempt_at as lease_until, due.*`,
      [at, at, perEndpoint, at, limit, at, lease, lease],
    );
  }

  /** Our place on the endpoint is free again, whatever happened to the delivery meanwhile. */
  async releaseClaim(id: string, leaseUntil: Date): Promise<void> {
    await this.nativeUpdate({ id, claimedUntil: leaseUntil }, { claimedUntil: null });
  }

  /**
   * Only while our claim stands: a lease that expired was claimed again by someone else, and a
   * redelivery requested meanwhile moved next_attempt_at (it must still happen).
   */
  async recordOutcome(claimed: { id: string; attempts: number; leaseUntil: Date }, outcome: DeliveryOutcome): Promise<void> {
    await this.nativeUpdate(
      { id: claimed.id, status: 'PENDING', attempts: claimed.attempts, nextAttemptAt: claimed.leaseUntil },
      {
        status: outcome.status,
        nextAttemptAt: outcome.nextAttemptAt,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error,
        ...(outcome.deliveredAt ? { deliveredAt: outcome.deliveredAt } : {}),
      },
    );
  }

  /**
   * An endpoint's deliveries with their events, newest first, below the cursor `before` (a seq);
   * `limit` rows, in the log's shape (`attemptLog` empty: the caller adds it).
   */
  async pageOf(endpointId: string, before: bigint | null, limit: number): Promise<WebhookDelivery[]> {
    const rows = await this.getEntityManager().execute<(Omit<WebhookDelivery, 'seq' | 'payload'> & { seq: string; data: unknown })[]>(
      `select d.id, d.seq, ev.id as "eventId", ev.type as "eventType", ev.created_at as "eventCreatedAt", ev.data, d.status,
              d.attempts, case when d.status = 'PENDING' then d.next_attempt_at end as "nextAttemptAt", d.last_attempt_at as "lastAttemptAt",
              d.last_status_code as "lastStatusCode", d.last_error as "lastError", d.delivered_at as "deliveredAt", d.created_at as "createdAt"
         from notification_deliveries d join outbox_events ev on ev.id = d.event_id
        where d.endpoint_id = ?::uuid and (?::bigint is null or d.seq < ?::bigint)
        order by d.seq desc limit ?::int`,
      [endpointId, before?.toString() ?? null, before?.toString() ?? null, limit],
    );
    // The cursor is a bigint, the payload is the event's data as the JSON the API has always sent,
    // and timestamps come from raw SQL as text (MikroORM leaves them to entity mapping).
    return rows.map(({ data, ...r }) => ({
      ...r,
      seq: BigInt(r.seq),
      payload: JSON.stringify(data),
      eventCreatedAt: new Date(r.eventCreatedAt),
      createdAt: new Date(r.createdAt),
      nextAttemptAt: dateOrNull(r.nextAttemptAt),
      lastAttemptAt: dateOrNull(r.lastAttemptAt),
      deliveredAt: dateOrNull(r.deliveredAt),
      attemptLog: [],
    }));
  }

  countOf(endpointId: string): Promise<number> {
    return this.count({ endpointId });
  }

  /** Queues the event for the endpoint now: a new delivery, or the existing one pending again. */
  async queueAgain(eventId: string, endpointId: string): Promise<string> {
    const [row] = await this.getEntityManager().execute<{ id: string }[]>(
      `insert into notification_deliveries (event_id, channel, endpoint_id, next_attempt_at) values (?::uuid, 'WEBHOOK', ?::uuid, now())
       on conflict (event_id, endpoint_id) where endpoint_id is not null
       do update set status = 'PENDING', next_attempt_at = now()
       returning id`,
      [eventId, endpointId],
    );
    return row.id;
  }
}
