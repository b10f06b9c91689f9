import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { writeAudit } from '../audit/audit.service.js';
import type { Principal } from '../auth/roles.js';
import { DomainError, forbidden } from '../shared/errors.js';
import { verifyPassword } from '../staff/passwords.js';
import { PASSWORD_MAX } from '../staff/staff.rules.js';
import type { StaffService } from '../staff/staff.service.js';
import { revokeStaffSessions, type IssuedSession, type SessionsService } from './sessions.service.js';
import type { SignInLimiter } from './sign-in-limiter.js';

/** One message for every failed sign-in, so it tells an attacker nothing about which part was wrong. */
export const SIGN_IN_FAILED = 'Sign-in failed: wrong email or password, or too many attempts (wait a few minutes before trying again)';

const failed = () => new DomainError('UNAUTHENTICATED', SIGN_IN_FAILED);

/** "ad***@example.com": enough to follow an incident in the logs, not enough to harvest addresses. */
export const maskEmail = (email: string) =>
  email.replace(/^(.{0,2})[^@]*(@.*)?$/, (_m, head: string, domain = '') => `${head}***${domain}`);

export class SignInService {
  constructor(
    private readonly em: EntityManager,
    private readonly staff: StaffService,
    private readonly sessions: SessionsService,
    private readonly limiter: SignInLimiter,
    private readonly log: Logger,
  ) {}

  async signIn(emailInput: string, password: string, address: string): Promise<IssuedSession & { staffUserId: string }> {
    const email = typeof emailInput === 'string' ? emailInput.trim().slice(0, 320) : '';
    if (!email || typeof password !== 'string' || password.length > PASSWORD_MAX) throw failed();
    if (!(await this.limiter.attempt(email, address))) {
      this.log.warn({ email: maskEmail(email), address }, 'staff sign-in refused: too many attempts');
      throw failed();
    }
    const user = await this.staff.credentials(email);
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !ok || user.disabled) {
      this.log.info(
        { email: maskEmail(email), address, reason: !user ? 'unknown' : !ok ? 'password' : 'disabled' },
        'staff sign-in failed',
      );
      throw failed();
    }
    await this.limiter.succeeded(email, address);
    return this.em.transactional(async (em) => {
      const session = await this.sessions.start(em, { staffUserId: user.id });
      await this.staff.recordSignIn(em, user.id);
      await writeAudit(em, {
        actor: { keyId: null, accountId: null, role: user.role, staffUserId: user.id },
        action: 'staff.signIn',
        targetType: 'staffUser',
        targetId: user.id,
        after: { address },
      });
      return { ...session, staffUserId: user.id };
    });
  }

  /** Ends the cookie's session; staff sign-outs are audited with the signed-in user as actor. */
  async signOut(token: string | undefined, actor: Principal | null): Promise<boolean> {
    const ended = await this.em.transactional(async (em) => {
      const ended = await this.sessions.revoke(em, token);
      if (ended?.staffUserId) {
        await writeAudit(em, { actor, action: 'staff.signOut', targetType: 'staffUser', targetId: ended.staffUserId });
      }
      return Boolean(ended);
    });
    if (ended) this.sessions.sessionsChanged();
    return ended;
  }

  /** "Sign out everywhere": ends every live session of the calling staff user, audited; how many. */
  async signOutEverywhere(actor: Principal): Promise<number> {
    const staffUserId = actor.staffUserId;
    if (!staffUserId) throw forbidden('Signing out everywhere is for staff sessions: an API key is revoked instead (revokeApiKey)');
    const ended = await this.em.transactional(async (em) => {
      const count = await revokeStaffSessions(em, staffUserId, this.sessions.now());
      await writeAudit(em, {
        actor,
        action: 'staff.signOutEverywhere',
        targetType: 'staffUser',
        targetId: staffUserId,
        after: { sessionsRevoked: count },
      });
      return count;
    });
    if (ended) this.sessions.sessionsChanged();
    return ended;
  }
}
