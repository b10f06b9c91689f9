import { BigIntType, Entity, EntityRepositoryType, JsonType, PrimaryKey, Property } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';

/**
 * An outbox event (`outbox_events`), written in the transaction of the change that caused it;
 * account null = operator-wide. `seq` is the table's identity: the order of dispatch.
 */
@Entity({ tableName: 'outbox_events', repository: () => OutboxEventsRepository })
export class OutboxEventEntity {
  [EntityRepositoryType]?: OutboxEventsRepository;

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

const jsonSafe = (value: unknown) => JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));

/** An event not yet fanned out to deliveries. */
export interface UndispatchedEvent {
  id: string;
  accountId: string | null;
  type: string;
}

/** The outbox (`outbox_events`): written with the change that causes an event, read by the delivery worker. */
export class OutboxEventsRepository extends EntityRepository<OutboxEventEntity> {
  /**
   * Writes the event in this EntityManager's transaction, the change's own (rolled back with it,
   * committed with it); bigint values become decimal strings. Returns its id. SQL: the id and seq
   * are the database's, and the row is never read back into the identity map.
   */
  async emit(event: { type: string; accountId: string | null; data: Record<string, unknown> }): Promise<string> {
    const [row] = await this.getEntityManager().execute<{ id: string }[]>(
      `insert into outbox_events (account_id, type, data) values (?::uuid, ?, ?::jsonb) returning id`,
      [event.accountId, event.type, jsonSafe(event.data)],
    );
    return row.id;
  }

  /**
   * The oldest `limit` events not yet dispatched, locked for this transaction; rows another
   * worker holds are skipped (SQL: SKIP LOCKED), so instances share the work.
   */
  async lockUndispatched(limit: number): Promise<UndispatchedEvent[]> {
    const rows = await this.getEntityManager().execute<{ id: string; account_id: string | null; type: string }[]>(
      `select id, account_id, type from outbox_events where dispatched_at is null order by seq limit ?::int for update skip locked`,
      [limit],
    );
    return rows.map((r) => ({ id: r.id, accountId: r.account_id, type: r.type }));
  }

  async markDispatched(ids: readonly string[], at: Date): Promise<void> {
    await this.nativeUpdate({ id: { $in: [...ids] } }, { dispatchedAt: at });
  }

  /** The account an event is about (null: operator-wide); undefined when there is no such event. */
  async accountOf(eventId: string): Promise<{ accountId: string | null } | undefined> {
    const event = await this.findOne({ id: eventId }, { fields: ['accountId'], disableIdentityMap: true });
    return event ? { accountId: event.accountId } : undefined;
  }
}
