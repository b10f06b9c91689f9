import type { EntityManager } from '@mikro-orm/postgresql';
import { OutboxEventEntity } from './outbox.repository.js';

/**
 * The one way application code emits an event: an outbox row written on `em`, which must be the
 * transaction of the change itself (`tem`: rolled back with it, committed with it). The insert
 * NOTIFYs the delivery workers when the transaction commits. bigint values become decimal strings.
 */
export async function emitEvent(
  em: EntityManager,
  event: { type: string; accountId: string | null; data: Record<string, unknown> },
): Promise<string> {
  return em.getRepository(OutboxEventEntity).emit(event);
}
