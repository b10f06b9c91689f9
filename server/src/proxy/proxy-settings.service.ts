import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../shared/events/bus.js';
import { ExpiringCache, type CacheTtl } from '../shared/cache.js';
import { writeAudit } from '../audit/audit.service.js';
import { currentEm } from '../db/unit-of-work.js';
import { parseMillicredits } from '../money/money.js';
import { badInput, notFound } from '../shared/errors.js';
import { authorize } from '../auth/policy.js';
import type { Principal } from '../auth/roles.js';
import { ProxySettingsEntity, type ProxySettings } from './proxy-settings.repository.js';

export interface ProxySettingsInput {
  requestCapMillicredits?: string | null;
  sessionCapMillicredits?: string | null;
  sessionWindowSeconds?: number | null;
  streamingHolds?: boolean | null;
  shrinkHolds?: boolean | null;
  minOutputTokens?: number | null;
  /** ADMIN only. */
  requestsPerMinute?: number | null;
}

function positiveCap(value: string | null | undefined, field: string, current: bigint | null): bigint | null {
  if (value === undefined) return current;
  if (value === null || value.trim() === '') return null;
  const cap = parseMillicredits(value, field);
  if (cap <= 0n) throw badInput(`${field} must be positive (or null for no cap)`, { field });
  return cap;
}

function intInRange(value: number | null | undefined, field: string, current: number, min: number, max: number): number {
  if (value === undefined || value === null) return current;
  if (!Number.isInteger(value) || value < min || value > max)
    throw badInput(`${field} must be a whole number from ${min} to ${max}`, { field });
  return value;
}

export class ProxySettingsService {
  /** Per-account settings as the proxy reads them on every call (so a call costs only its hold and settle). */
  private readonly cache: ExpiringCache<string, ProxySettings>;

  constructor(
    private readonly em: EntityManager,
    private readonly events: Pick<EventBus, 'publish' | 'on'> | null = null,
    cacheTtlMs: CacheTtl = 5_000,
  ) {
    this.cache = new ExpiringCache(cacheTtlMs);
    events?.on('cacheInvalidated', (scope) => {
      if (scope === 'proxySettings') this.cache.clear();
    });
  }

  /** The settings from memory; a change on any instance clears every instance's copy at once. */
  async cached(accountId: string): Promise<ProxySettings> {
    return this.cache.get(accountId, () => this.get(accountId));
  }

  async get(accountId: string, em: EntityManager = currentEm(this.em)): Promise<ProxySettings> {
    return em.getRepository(ProxySettingsEntity).settingsOf(accountId);
  }

  /** Changes only the fields given (null clears a cap); audited in the same transaction. */
  async set(actor: Principal, accountId: string, input: ProxySettingsInput): Promise<ProxySettings> {
    if (input.requestsPerMinute !== undefined) authorize(actor, 'proxy.rateLimit');
    const saved = await currentEm(this.em).transactional(async (em) => {
      if (!(await em.getRepository(ProxySettingsEntity).lockCustomer(accountId))) throw notFound(`Account ${accountId} not found`);
      const before = await this.get(accountId, em);
      const next: ProxySettings = {
        accountId,
        requestCap: positiveCap(input.requestCapMillicredits, 'requestCapMillicredits', before.requestCap),
        sessionCap: positiveCap(input.sessionCapMillicredits, 'sessionCapMillicredits', before.sessionCap),
        sessionWindowSeconds: intInRange(
          input.sessionWindowSeconds,
          'sessionWindowSeconds',
          before.sessionWindowSeconds,
          1,
          31 * 24 * 3600,
        ),
        streamingHolds: input.streamingHolds ?? before.streamingHolds,
        shrinkHolds: input.shrinkHolds ?? before.shrinkHolds,
        minOutputTokens: intInRange(input.minOutputTokens, 'minOutputTokens', before.minOutputTokens, 1, 1_000_000),
        requestsPerMinute:
          input.requestsPerMinute === undefined
            ? before.requestsPerMinute
            : input.requestsPerMinute === null
              ? null
              : intInRange(input.requestsPerMinute, 'requestsPerMinute', 0, 0, 1_000_000),
      };
      await em.getRepository(ProxySettingsEntity).save(next);
      await writeAudit(em, {
        actor,
        action: 'proxy.setSettings',
        targetType: 'account',
        targetId: accountId,
        before: { ...before },
        after: { ...next },
      });
      return next;
    });
    if (this.events) this.events.publish('cacheInvalidated', 'proxySettings');
    else this.cache.clear();
    return saved;
  }
}
