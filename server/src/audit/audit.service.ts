import type { Principal } from '../auth/roles.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntryEntity } from './audit.repository.js';

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

/** Writes an audit row in `em`, which must be the change's own transaction. The hash chain columns are the insert trigger's. */
export async function writeAudit(em: EntityManager, record: AuditRecord): Promise<void> {
  await em.insert(AuditEntryEntity, {
    actorKeyId: record.actor?.keyId ?? null,
    actorAccountId: record.actor?.accountId ?? null,
    actorStaffUserId: record.actor?.staffUserId ?? null,
    actorRole: record.actor?.role ?? null,
    action: record.action,
    targetType: record.targetType,
    targetId: record.targetId,
    before: jsonValue(record.before),
    after: jsonValue(record.after),
    reason: record.reason ?? null,
  });
}
