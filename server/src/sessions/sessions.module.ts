import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { AuditLogService } from '../audit/audit-log.service.js';
import type { AuthService } from '../auth/auth.service.js';
import { StaffService } from '../staff/staff.service.js';
import { CookieSessionsService } from './cookie-sessions.service.js';
import { PortalService } from './portal.service.js';
import { SessionsService } from './sessions.service.js';
import { SignInLimiter } from './sign-in-limiter.js';
import { SignInService } from './sign-in.service.js';
import type { Clock } from './tokens.js';
import type { EventBus } from '../shared/events/bus.js';
import { PrincipalCheck } from './principal-check.js';

/** The console's services: staff users, cookie sessions, sign-in, portal links and the audit log reader. */
export function createSessionServices(
  em: EntityManager,
  auth: AuthService,
  config: Config,
  log: Logger,
  clock: Clock,
  events: Pick<EventBus, 'publish' | 'on'> | null = null,
) {
  const sessions = new SessionsService(
    em,
    { idleMs: config.SESSION_IDLE_MINUTES * 60_000, maxMs: config.SESSION_MAX_HOURS * 3_600_000 },
    clock,
    events,
  );
  const staff = new StaffService(em, clock, () => sessions.sessionsChanged());
  const signInLimiter = new SignInLimiter(
    {
      perEmail: config.SIGNIN_MAX_FAILURES_PER_EMAIL,
      perAddress: config.SIGNIN_MAX_FAILURES_PER_ADDRESS,
      windowSeconds: config.SIGNIN_WINDOW_SECONDS,
    },
    config.REDIS_URL,
  );
  const signIn = new SignInService(em, staff, sessions, signInLimiter, log);
  const portal = new PortalService(
    em,
    sessions,
    { publicAppUrl: config.PUBLIC_APP_URL, linkTtlMs: config.PORTAL_LINK_TTL_SECONDS * 1000 },
    clock,
  );
  return {
    staff,
    auditLog: new AuditLogService(em),
    sessions,
    signInLimiter,
    signIn,
    portal,
    cookieSessions: new CookieSessionsService(signIn, portal, auth, config.isProduction),
    principals: new PrincipalCheck(auth, sessions, events, config.CACHE_TTL_MS),
  };
}
