import type { Sql } from '../db/sql.js';
import { insertEvent } from './outbox.repository.js';

/**
 * The one way application code emits an event: an outbox row written on `sql`, which must be the
 * transaction of the change itself (rolled back with it, committed with it). The insert NOTIFYs
 * the delivery workers when the transaction commits. bigint values become decimal strings.
 */
export async function emitEvent(
  sql: Sql,
  event: { type: string; accountId: string | null; data: Record<string, unknown> },
): Promise<string> {
  return insertEvent(sql, event);
}
