import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface SignInLimits {
  perEmail: number;
  perAddress: number;
  windowSeconds: number;
}

/**
 * Staff sign-in attempts per email and per client address. Every attempt spends a point before
 * the password is checked (so parallel guesses cannot slip past the count); a success gives the
 * email its points back. With REDIS_URL the counts are shared by every instance.
 */
export class SignInLimiter {
  private readonly byEmail: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;
  private readonly redis: Redis | null;

  constructor(limits: SignInLimits, redisUrl?: string) {
    const email = { keyPrefix: 'cm-signin-email', points: limits.perEmail, duration: limits.windowSeconds };
    const address = { keyPrefix: 'cm-signin-addr', points: limits.perAddress, duration: limits.windowSeconds };
    if (redisUrl) {
      this.redis = new Redis(redisUrl, { enableOfflineQueue: false, lazyConnect: false, maxRetriesPerRequest: 1 });
      this.redis.on('error', () => undefined); // the insurance limiter takes over while Redis is away
      this.byEmail = new RateLimiterRedis({ ...email, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(email) });
      this.byAddress = new RateLimiterRedis({ ...address, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(address) });
    } else {
      this.redis = null;
      this.byEmail = new RateLimiterMemory(email);
      this.byAddress = new RateLimiterMemory(address);
    }
  }

  /** Spends one attempt of each; false when either is used up. */
  async attempt(email: string, address: string): Promise<boolean> {
    const results = await Promise.allSettled([this.byEmail.consume(email.toLowerCase()), this.byAddress.consume(address)]);
    return results.every((r) => r.status === 'fulfilled');
  }

  async succeeded(email: string): Promise<void> {
    await this.byEmail.delete(email.toLowerCase()).catch(() => undefined);
  }

  async close(): Promise<void> {
    this.redis?.disconnect();
  }
}
