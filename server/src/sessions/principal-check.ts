import type { AuthService } from '../auth/auth.service.js';
import { principalRef, type PrincipalChecker } from '../auth/principal-sockets.js';
import type { Principal } from '../auth/roles.js';
import type { EventBus } from '../shared/events/bus.js';
import type { CacheScope } from '../shared/events/channels.js';
import { ExpiringCache, type CacheTtl } from '../shared/cache.js';
import type { SessionsService } from './sessions.service.js';

/** The invalidations that can end a principal: a key revoked, a session ended or its staff user changed. */
export const PRINCIPAL_SCOPES: readonly CacheScope[] = ['apiKeys', 'sessions'];

/**
 * Re-checks a principal that was authenticated earlier (a WebSocket's, at connect) on each
 * operation. A key lives until it is revoked; a session until sign-out, its lifetime or idle
 * timeout, its staff user's disabling or password change, or the revocation of the key that
 * opened it. Answers come from a short cache that the `apiKeys` and `sessions` invalidations clear
 * on every instance, so an ended principal is refused at once, and within the TTL should Redis
 * lose the invalidation.
 */
export class PrincipalCheck implements PrincipalChecker {
  private readonly cache: ExpiringCache<string, Principal | null>;

  constructor(
    private readonly auth: Pick<AuthService, 'validKeyIds'>,
    private readonly sessions: Pick<SessionsService, 'current' | 'liveIds'>,
    events: Pick<EventBus, 'on'> | null,
    ttl: CacheTtl,
  ) {
    this.cache = new ExpiringCache(ttl);
    events?.on('cacheInvalidated', (scope) => {
      if (PRINCIPAL_SCOPES.includes(scope)) this.cache.clear();
    });
  }

  /** The principal as it stands now (a staff user's role may have changed), or null once it has ended. */
  async current(principal: Principal): Promise<Principal | null> {
    const ref = principalRef(principal);
    if (!ref) return null;
    return this.cache.get(ref, async () => {
      if (principal.sessionId) return (await this.sessions.current(principal.sessionId))?.principal ?? null;
      return (await this.auth.validKeyIds([principal.keyId!])).has(principal.keyId!) ? principal : null;
    });
  }

  /** The refs of those of `principals` that have ended, from the database (two queries, no cache). */
  async ended(principals: Principal[]): Promise<Set<string>> {
    const sessionIds = principals.flatMap((p) => (p.sessionId ? [p.sessionId] : []));
    const keyIds = principals.flatMap((p) => (!p.sessionId && p.keyId ? [p.keyId] : []));
    const [sessions, keys] = await Promise.all([this.sessions.liveIds(sessionIds), this.auth.validKeyIds(keyIds)]);
    const live = (p: Principal) => (p.sessionId ? sessions.has(p.sessionId) : Boolean(p.keyId && keys.has(p.keyId)));
    return new Set(principals.filter((p) => !live(p)).map((p) => principalRef(p) ?? ''));
  }
}
