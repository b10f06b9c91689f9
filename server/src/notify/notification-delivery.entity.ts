import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** One event for one endpoint (WEBHOOK) or one mailbox (EMAIL): the delivery worker's queue (`notification_deliveries`). */
@Entity({ tableName: 'notification_deliveries' })
export class NotificationDeliveryEntity {
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
