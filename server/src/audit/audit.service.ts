import type { Principal } from '../auth/roles.js';
import type { Sql } from '../db/sql.js';
import { AuditEntryEntity, AuditEntryRepository } from './audit.repository.js';

export interface AuditRecord {
  actor: Principal | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** JSON text with bigint amounts as strings. */
const jsonText = (value: unknown) =>
  value === undefined ? null : JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));

/** The same, as the JSON value the entity's json columns take. */
const jsonValue = (value: unknown): unknown => {
  const text = jsonText(value);
  return text === null ? null : JSON.parse(text);
};

/**
 * Writes an audit row on `sql`, which must be the change's own transaction: through its
 * EntityManager when it has one, else (the ledger engine's own connection, in a posting hook) in SQL.
 * The hash chain columns are the insert trigger's.
 */
export async function writeAudit(sql: Sql, record: AuditRecord): Promise<void> {
  const actor = {
    actorKeyId: record.actor?.keyId ?? null,
    actorAccountId: record.actor?.accountId ?? null,
    actorStaffUserId: record.actor?.staffUserId ?? null,
    actorRole: record.actor?.role ?? null,
  };
  const { action, targetType, targetId } = record;
  const reason = record.reason ?? null;
  if (sql.em) {
    await sql.em.insert(AuditEntryEntity, {
      ...actor,
      action,
      targetType,
      targetId,
      before: jsonValue(record.before),
      after: jsonValue(record.after),
      reason,
    });
    return;
  }
  await AuditEntryRepository.insertOn(sql, {
    ...actor,
    action,
    targetType,
    targetId,
    before: jsonText(record.before),
    after: jsonText(record.after),
    reason,
  });
}
