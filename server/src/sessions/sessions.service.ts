import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/roles.js';
import { apiKeyRecords } from '../auth/auth.service.js';
import { currentEm } from '../db/unit-of-work.js';
import type { EventBus } from '../shared/events/bus.js';
import { staffDirectory } from '../staff/staff-directory.js';
import { SessionEntity } from './sessions.repository.js';
import type { SessionKind } from './session.types.js';
import { hashToken, looksLikeToken, newToken, type Clock } from './tokens.js';

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

/** Revokes every live session of a staff user, in the caller's transaction `em` (disable, password change, sign out everywhere). */
export async function revokeStaffSessions(em: EntityManager, staffUserId: string, at: Date): Promise<number> {
  return em.nativeUpdate(SessionEntity, { staffUserId, revokedAt: null, expiresAt: { $gt: at } }, { revokedAt: at });
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
    private readonly events: Pick<EventBus, 'publish'> | null = null,
  ) {}

  now(): Date {
    return this.clock();
  }

  /**
   * After a committed change that ends sessions or changes their principal (sign-out, disable,
   * password or role change): every instance re-checks its cached sessions and open sockets.
   */
  sessionsChanged(): void {
    this.events?.publish('cacheInvalidated', 'sessions');
  }

  /** A new session, written in the caller's transaction `em`. */
  async start(
    em: EntityManager,
    owner: { staffUserId: string } | { accountId: string; openedByKeyId: string | null },
  ): Promise<IssuedSession> {
    const token = newToken();
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + this.limits.maxMs);
    const staffUserId = 'staffUserId' in owner ? owner.staffUserId : null;
    em.create(SessionEntity, {
      tokenHash: hashToken(token),
      kind: staffUserId ? 'STAFF' : 'PORTAL',
      staffUserId,
      accountId: 'accountId' in owner ? owner.accountId : null,
      openedByKeyId: 'openedByKeyId' in owner ? owner.openedByKeyId : null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    } as SessionEntity);
    await em.flush();
    return { token, expiresAt };
  }

  /** The live session of a cookie value, or null (unknown, revoked, idle too long, past its lifetime, user disabled, key revoked). */
  async resolve(token: string | undefined, kind: SessionKind): Promise<ActiveSession | null> {
    if (!looksLikeToken(token)) return null;
    return this.live({ tokenHash: hashToken(token), kind });
  }

  /** The same checks by id: a WebSocket operation re-checking the session its socket opened with. */
  async current(sessionId: string): Promise<ActiveSession | null> {
    return this.live({ id: sessionId });
  }

  private async live(where: { tokenHash: string; kind: SessionKind } | { id: string }): Promise<ActiveSession | null> {
    const now = this.clock();
    const em = currentEm(this.em);
    const session = await em.findOne(
      SessionEntity,
      { ...where, revokedAt: null, expiresAt: { $gt: now }, lastSeenAt: { $gt: new Date(now.getTime() - this.limits.idleMs) } },
      { refresh: true },
    );
    if (!session) return null;
    const staffUser = session.staffUserId ? await staffDirectory.standing(em, session.staffUserId) : null;
    if (session.kind === 'STAFF' && (!staffUser || staffUser.disabled)) return null;
    if (session.openedByKeyId && !(await apiKeyRecords.isValid(em, session.openedByKeyId))) return null;
    if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
      await em.nativeUpdate(SessionEntity, { id: session.id, lastSeenAt: { $lt: now } }, { lastSeenAt: now });
    }
    const principal: Principal = staffUser
      ? { keyId: null, accountId: null, role: staffUser.role, staffUserId: session.staffUserId, sessionId: session.id }
      : { keyId: null, accountId: session.accountId, role: 'USER', sessionId: session.id };
    return { id: session.id, kind: session.kind, expiresAt: session.expiresAt, principal };
  }

  /**
   * Which of `ids` have not ended (revoked, past their lifetime, staff user disabled, opening key
   * revoked): for closing the sockets of ended sessions. Idleness is left to the next operation.
   */
  async liveIds(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    return currentEm(this.em).getRepository(SessionEntity).liveIds(ids, this.clock());
  }

  /** Ends the session of `token` (sign-out) in the caller's transaction `em`; the session when one was live. */
  async revoke(
    em: EntityManager,
    token: string | undefined,
  ): Promise<{ id: string; staffUserId: string | null; accountId: string | null } | null> {
    if (!looksLikeToken(token)) return null;
    const session = await em.findOne(
      SessionEntity,
      { tokenHash: hashToken(token), revokedAt: null },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!session) return null;
    session.revokedAt = this.clock();
    await em.flush();
    return { id: session.id, staffUserId: session.staffUserId, accountId: session.accountId };
  }
}
