import type { Principal } from '../auth/roles.js';
import type { Sql } from '../db/sql.js';

export interface AuditRecord {
  actor: Principal | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** JSON-safe copy: bigint amounts become strings. */
const jsonSafe = (value: unknown) =>
  value === undefined ? null : JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));

/** Writes an audit row on `sql`, which must be the change's own transaction. */
export async function writeAudit(sql: Sql, record: AuditRecord): Promise<void> {
  await sql.query(
    `insert into audit_log (actor_key_id, actor_account_id, actor_staff_user_id, actor_role, action, target_type, target_id, before, after, reason)
     values (?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)`,
    [
      record.actor?.keyId ?? null,
      record.actor?.accountId ?? null,
      record.actor?.staffUserId ?? null,
      record.actor?.role ?? null,
      record.action,
      record.targetType,
      record.targetId,
      jsonSafe(record.before),
      jsonSafe(record.after),
      record.reason ?? null,
    ],
  );
}
