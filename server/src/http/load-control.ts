import type { Principal } from '../auth/roles.js';
import type { Config } from '../config.js';
import type { ProxySettingsService } from '../proxy/proxy-settings.service.js';
import { AdmissionGate } from './admission.js';
import { watchSaturation } from './saturation.js';
import { KeyRateLimiter } from './rate-limit.js';

/**
 * What keeps latency bounded past capacity on one instance: admission gates for proxy calls and
 * GraphQL mutations (503 + Retry-After when full) and per-key requests-per-minute limits (429).
 */
export function createLoadControl(config: Config, proxySettings: Pick<ProxySettingsService, 'cached'>) {
  const queueTimeoutMs = config.ADMISSION_QUEUE_TIMEOUT_MS;
  const adaptive = config.admissionAdaptive;
  const limiter = new KeyRateLimiter(config.REDIS_URL);
  const proxyGate = new AdmissionGate('proxy', {
    maxInFlight: config.PROXY_MAX_IN_FLIGHT,
    maxQueue: config.PROXY_MAX_QUEUE,
    queueTimeoutMs,
    adaptive,
  });
  const mutationGate = new AdmissionGate('mutations', {
    maxInFlight: config.MUTATIONS_MAX_IN_FLIGHT,
    maxQueue: config.MUTATIONS_MAX_QUEUE,
    queueTimeoutMs,
    adaptive,
  });
  const saturation = adaptive ? watchSaturation((saturated) => [proxyGate, mutationGate].forEach((g) => g.adapt(saturated))) : null;
  return {
    proxyGate,
    mutationGate,
    /** Spends one request of an API key's minute (its account's limit, else the default); throws RateLimited. */
    async checkRate(principal: Principal | null, surface: 'proxy' | 'graphql'): Promise<void> {
      const bucket = rateBucket(principal);
      if (!bucket || !principal?.accountId) return;
      const own = (await proxySettings.cached(principal.accountId)).requestsPerMinute;
      await limiter.consume(bucket, own ?? config.rateLimitPerMinute, surface);
    },
    close: () => {
      saturation?.stop();
      return limiter.close();
    },
  };
}

export type LoadControl = ReturnType<typeof createLoadControl>;

/**
 * Whose per-minute budget an operation spends: an API key's own; a team key's member's in that
 * team, shared by all their keys for it (more keys are not more budget); or, for the Credits page
 * (a cookie session of one account, which can charge too), its account's under the same limit.
 * Staff console sessions are not limited.
 */
function rateBucket(principal: Principal | null): string | null {
  if (principal?.keyId && principal.teamId && principal.accountId) return `team:${principal.teamId}:${principal.accountId}`;
  if (principal?.keyId) return principal.keyId;
  if (principal?.sessionId && principal.accountId && principal.role === 'USER') return `portal:${principal.accountId}`;
  return null;
}
