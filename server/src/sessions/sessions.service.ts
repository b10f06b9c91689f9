import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal, StaffRole } from '../auth/roles.js';
import { sqlOf, type Sql } from '../db/sql.js';
import { hashToken, looksLikeToken, newToken, type Clock } from './tokens.js';

export type SessionKind = 'STAFF' | 'PORTAL';

export interface SessionLimits {
  idleMs: number;
  maxMs: number;
}

export interface ActiveSession {
  id: string;
  kind: SessionKind;
  expiresAt: Date;
  principal: Principal;
}

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

/** last_seen_at is written at most this often, so a busy console does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

/** Revokes every live session of a staff user, in the caller's transaction (disable, password change). */
export async function revokeStaffSessions(sql: Sql, staffUserId: string, at: Date): Promise<number> {
  const rows = await sql.query(
    `update sessions set revoked_at = ?::timestamptz where staff_user_id = ?::uuid and revoked_at is null returning id`,
    [at.toISOString(), staffUserId],
  );
  return rows.length;
}

/**
 * Cookie sessions of the console (a staff user) and of the Credits page (one account, as USER).
 * A session ends at the first of: sign-out, idle timeout, absolute lifetime, its staff user
 * being disabled. Every time comes from `clock`, so tests move time instead of sleeping.
 */
export class SessionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly limits: SessionLimits,
    private readonly clock: Clock,
  ) {}

  now(): Date {
    return this.clock();
  }

  async start(sql: Sql, owner: { staffUserId: string } | { accountId: string }): Promise<IssuedSession> {
    const token = newToken();
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + this.limits.maxMs);
    const staffUserId = 'staffUserId' in owner ? owner.staffUserId : null;
    const accountId = 'accountId' in owner ? owner.accountId : null;
    await sql.query(
      `insert into sessions (token_hash, kind, staff_user_id, account_id, created_at, last_seen_at, expires_at)
       values (?, ?, ?::uuid, ?::uuid, ?::timestamptz, ?::timestamptz, ?::timestamptz)`,
      [hashToken(token), staffUserId ? 'STAFF' : 'PORTAL', staffUserId, accountId, now.toISOString(), now.toISOString(), expiresAt.toISOString()],
    );
    return { token, expiresAt };
  }

  /** The live session of a cookie value, or null (unknown, revoked, idle too long, past its lifetime, user disabled). */
  async resolve(token: string | undefined, kind: SessionKind): Promise<ActiveSession | null> {
    if (!looksLikeToken(token)) return null;
    const now = this.clock();
    const sql = sqlOf(this.em.fork());
    const [row] = await sql.query<{ id: string; staff_user_id: string | null; account_id: string | null; role: StaffRole | null; last_seen_at: Date; expires_at: Date }>(
      `select s.id, s.staff_user_id, s.account_id, u.role, s.last_seen_at, s.expires_at
         from sessions s left join staff_users u on u.id = s.staff_user_id
        where s.token_hash = ? and s.kind = ? and s.revoked_at is null
          and s.expires_at > ?::timestamptz and s.last_seen_at > ?::timestamptz
          and (s.kind = 'PORTAL' or u.disabled = false)`,
      [hashToken(token), kind, now.toISOString(), new Date(now.getTime() - this.limits.idleMs).toISOString()],
    );
    if (!row) return null;
    if (now.getTime() - new Date(row.last_seen_at).getTime() >= TOUCH_EVERY_MS) {
      await sql.query(`update sessions set last_seen_at = ?::timestamptz where id = ?::uuid and last_seen_at < ?::timestamptz`, [now.toISOString(), row.id, now.toISOString()]);
    }
    const principal: Principal = row.staff_user_id
      ? { keyId: null, accountId: null, role: row.role!, staffUserId: row.staff_user_id, sessionId: row.id }
      : { keyId: null, accountId: row.account_id, role: 'USER', sessionId: row.id };
    return { id: row.id, kind, expiresAt: new Date(row.expires_at), principal };
  }

  /** Ends the session of `token` (sign-out); true when one was live. */
  async revoke(sql: Sql, token: string | undefined): Promise<{ id: string; staffUserId: string | null; accountId: string | null } | null> {
    if (!looksLikeToken(token)) return null;
    const [row] = await sql.query<{ id: string; staff_user_id: string | null; account_id: string | null }>(
      `update sessions set revoked_at = ?::timestamptz where token_hash = ? and revoked_at is null returning id, staff_user_id, account_id`,
      [this.clock().toISOString(), hashToken(token)],
    );
    return row ? { id: row.id, staffUserId: row.staff_user_id, accountId: row.account_id } : null;
  }
}
