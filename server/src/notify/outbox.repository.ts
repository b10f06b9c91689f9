import { EntityRepository, type EntityManager } from '@mikro-orm/postgresql';
import { sqlOf, type Sql } from '../db/sql.js';
import { OutboxEventEntity } from './outbox-event.entity.js';

const jsonSafe = (value: unknown) => JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));

/**
 * Writes an event on `sql`, the transaction of the change itself: an ORM one or the ledger
 * engine's own connection (a purchase's events commit with its posting). Returns its id.
 */
export async function insertEvent(
  sql: Sql,
  event: { type: string; accountId: string | null; data: Record<string, unknown> },
): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    `insert into outbox_events (account_id, type, data) values (?::uuid, ?, ?::jsonb) returning id`,
    [event.accountId, event.type, jsonSafe(event.data)],
  );
  return row.id;
}

/** An event not yet fanned out to deliveries. */
export interface UndispatchedEvent {
  id: string;
  accountId: string | null;
  type: string;
}

/** The outbox (`outbox_events`): written with the change that causes an event, read by the delivery worker. */
export class OutboxEventsRepository extends EntityRepository<OutboxEventEntity> {
  /** Writes the event in this EntityManager's transaction; bigint values become decimal strings. */
  emit(event: { type: string; accountId: string | null; data: Record<string, unknown> }): Promise<string> {
    return insertEvent(sqlOf(this.getEntityManager()), event);
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

/** The repository on `em` (the caller's unit of work or transaction). */
export const outboxOf = (em: EntityManager) => new OutboxEventsRepository(em, OutboxEventEntity);
