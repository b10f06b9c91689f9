import { BigIntType, Entity, JsonType, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An outbox event (`outbox_events`), written in the transaction of the change that caused it;
 * account null = operator-wide. `seq` is the table's identity: the order of dispatch.
 */
@Entity({ tableName: 'outbox_events' })
export class OutboxEventEntity {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: new BigIntType('bigint'), persist: false })
  seq!: bigint;

  @Property({ type: 'uuid', nullable: true })
  accountId: string | null = null;

  @Property({ type: 'text' })
  type!: string;

  @Property({ type: JsonType, columnType: 'jsonb' })
  data!: Record<string, unknown>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null = null;
}
