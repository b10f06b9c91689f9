import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlOf } from '../db/sql.js';
import { windowOf, type OffsetPage } from '../shared/paging.js';
import { badInput } from '../shared/errors.js';
import { isUuid, optionalText } from '../shared/validate.js';

export interface AuditFilter {
  /** A staff user's, key's or account's id, or a staff user's or account's email. */
  actor?: string | null;
  action?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export interface AuditEntry {
  id: string;
  createdAt: Date;
  action: string;
  targetType: string;
  targetId: string | null;
  actorKind: 'STAFF' | 'API_KEY' | 'ACCOUNT' | 'SYSTEM';
  actorStaffUserId: string | null;
  actorKeyId: string | null;
  actorAccountId: string | null;
  actorRole: string | null;
  /** The staff user's email, or the key's account email. */
  actorLabel: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

type Row = {
  id: string;
  created_at: Date;
  action: string;
  target_type: string;
  target_id: string | null;
  actor_staff_user_id: string | null;
  actor_key_id: string | null;
  actor_account_id: string | null;
  actor_role: string | null;
  actor_label: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
};

const SELECT = `select a.id::text id, a.created_at, a.action, a.target_type, a.target_id, a.actor_staff_user_id, a.actor_key_id,
       a.actor_account_id, a.actor_role, coalesce(su.email, ac.email) actor_label, a.before, a.after, a.reason
  from audit_log a
  left join staff_users su on su.id = a.actor_staff_user_id
  left join accounts ac on ac.id = a.actor_account_id`;

/** An account without a key acted through its own portal session (the Credits page). */
const actorKind = (r: Row): AuditEntry['actorKind'] =>
  r.actor_staff_user_id ? 'STAFF' : r.actor_key_id ? 'API_KEY' : r.actor_account_id ? 'ACCOUNT' : 'SYSTEM';

const toEntry = (r: Row): AuditEntry => ({
  id: r.id,
  createdAt: new Date(r.created_at),
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  actorKind: actorKind(r),
  actorStaffUserId: r.actor_staff_user_id,
  actorKeyId: r.actor_key_id,
  actorAccountId: r.actor_account_id,
  actorRole: r.actor_role,
  actorLabel: r.actor_label,
  before: r.before,
  after: r.after,
  reason: r.reason,
});

function where(f: AuditFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const actor = optionalText(f.actor, 'actor', 320);
  if (actor) {
    if (isUuid(actor)) {
      parts.push(`(a.actor_staff_user_id = ?::uuid or a.actor_key_id = ?::uuid or a.actor_account_id = ?::uuid)`);
      params.push(actor, actor, actor);
    } else {
      parts.push(`(lower(su.email) = lower(?) or lower(ac.email) = lower(?))`);
      params.push(actor, actor);
    }
  }
  for (const [column, value, max] of [
    ['a.action', f.action, 100],
    ['a.target_type', f.targetType, 100],
    ['a.target_id', f.targetId, 200],
  ] as const) {
    const text = optionalText(value, column.slice(2), max);
    if (text) {
      parts.push(`${column} = ?`);
      params.push(text);
    }
  }
  if (f.from && f.to && f.to.getTime() <= f.from.getTime()) throw badInput('to must be after from', { field: 'to' });
  if (f.from) {
    parts.push(`a.created_at >= ?::timestamptz`);
    params.push(f.from.toISOString());
  }
  if (f.to) {
    parts.push(`a.created_at < ?::timestamptz`);
    params.push(f.to.toISOString());
  }
  return { sql: parts.length ? `where ${parts.join(' and ')}` : '', params };
}

/** The audit log as staff read it: filtered, newest first (or oldest first), with the actor's email. */
export class AuditLogService {
  constructor(private readonly em: EntityManager) {}

  async list(filter: AuditFilter, window: { limit: number; offset: number }, direction: 'ASC' | 'DESC'): Promise<OffsetPage<AuditEntry>> {
    const sql = sqlOf(this.em.fork());
    const w = where(filter);
    const dir = direction === 'ASC' ? 'asc' : 'desc';
    const rows = await sql.query<Row>(`${SELECT} ${w.sql} order by a.id ${dir} limit ? offset ?`, [
      ...w.params,
      window.limit + 1,
      window.offset,
    ]);
    const count = async () =>
      Number(
        (
          await sql.query<{ n: string }>(
            `select count(*) n from audit_log a left join staff_users su on su.id = a.actor_staff_user_id left join accounts ac on ac.id = a.actor_account_id ${w.sql}`,
            w.params,
          )
        )[0].n,
      );
    return windowOf(rows.map(toEntry), window, count);
  }

  async get(id: string): Promise<AuditEntry | null> {
    if (!/^\d{1,18}$/.test(id)) throw badInput('id must be an audit entry id', { field: 'id' });
    const [row] = await sqlOf(this.em.fork()).query<Row>(`${SELECT} where a.id = ?::bigint`, [id]);
    return row ? toEntry(row) : null;
  }

  async actions(): Promise<string[]> {
    const rows = await sqlOf(this.em.fork()).query<{ action: string }>(`select distinct action from audit_log order by action`);
    return rows.map((r) => r.action);
  }

  /** Every matching entry, newest first, in batches (keyset on id): for the CSV export of any size. */
  async *stream(filter: AuditFilter, batch = 1000): AsyncGenerator<AuditEntry[]> {
    const sql = sqlOf(this.em.fork());
    const w = where(filter);
    let below: string | null = null;
    for (;;) {
      const keyset = below === null ? '' : `${w.sql ? ' and' : 'where'} a.id < ?::bigint`;
      const rows: Row[] = await sql.query<Row>(`${SELECT} ${w.sql}${keyset} order by a.id desc limit ?`, [
        ...w.params,
        ...(below === null ? [] : [below]),
        batch,
      ]);
      if (!rows.length) return;
      yield rows.map(toEntry);
      if (rows.length < batch) return;
      below = rows[rows.length - 1].id;
    }
  }
}
