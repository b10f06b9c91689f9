import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { counters } from '../metrics/metrics.js';
import { DomainError } from '../shared/errors.js';

/** A key over its requests-per-minute limit. */
export class RateLimited extends DomainError {
  constructor(
    readonly limitPerMinute: number,
    readonly retryAfterSeconds: number,
  ) {
    super(
      'RATE_LIMIT_EXCEEDED',
      `Rate limit of ${limitPerMinute} requests per minute exceeded for this key or Credits page session; retry after ${retryAfterSeconds} s`,
    );
    this.name = 'RateLimited';
  }
}

/**
 * Requests per minute per API key (rate-limiter-flexible): in Redis when REDIS_URL is set, so
 * every instance counts against one budget (in memory meanwhile if Redis is away), else in
 * memory. The limit is the account's own setting or the configured default; 0 = unlimited.
 */
export class KeyRateLimiter {
  private readonly limiters = new Map<number, RateLimiterAbstract>();
  private readonly redis: Redis | null;

  constructor(redisUrl?: string) {
    this.redis = redisUrl ? new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : null;
    this.redis?.on('error', () => undefined); // the insurance limiter counts while Redis is away
  }

  private limiter(perMinute: number): RateLimiterAbstract {
    let limiter = this.limiters.get(perMinute);
    if (!limiter) {
      const opts = { keyPrefix: `cm-rpm-${perMinute}`, points: perMinute, duration: 60 };
      limiter = this.redis
        ? new RateLimiterRedis({ ...opts, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(opts) })
        : new RateLimiterMemory(opts);
      this.limiters.set(perMinute, limiter);
    }
    return limiter;
  }

  /** Spends one request of `keyId`'s minute; throws RateLimited when none is left. */
  async consume(keyId: string, perMinute: number, surface: 'proxy' | 'graphql'): Promise<void> {
    if (perMinute <= 0) return;
    try {
      await this.limiter(perMinute).consume(keyId);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      counters.rateLimited.inc({ surface });
      throw new RateLimited(perMinute, Math.max(1, Math.ceil(err.msBeforeNext / 1000)));
    }
  }

  async close(): Promise<void> {
    this.redis?.disconnect();
  }
}
