import { swallowed } from '../shared/errors.js';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface SignInLimits {
  perEmail: number;
  perAddress: number;
  windowSeconds: number;
}

/**
 * Staff sign-in attempts, counted in three steps, each only when the one before let the attempt
 * through (docs/runbook.md, "Staff sign-in limits"):
 * 1. per client address, over every email: one address guessing at many accounts;
 * 2. per email from that one address, at most `perEmail - 1`: so one address alone can never use
 *    up an email's count and lock its user out;
 * 3. per email over every address: the lockout against guessing from many addresses.
 * Every attempt spends before the password is checked (so parallel guesses cannot slip past the
 * count); a success gives the email its points back. With REDIS_URL the counts are shared by every
 * instance.
 */
export class SignInLimiter {
  private readonly byAddress: RateLimiterAbstract;
  private readonly byEmailFromAddress: RateLimiterAbstract;
  private readonly byEmail: RateLimiterAbstract;
  private readonly redis: Redis | null;

  constructor(limits: SignInLimits, redisUrl?: string) {
    const duration = limits.windowSeconds;
    const address = { keyPrefix: 'cm-signin-addr', points: limits.perAddress, duration };
    const pair = { keyPrefix: 'cm-signin-email-addr', points: Math.max(1, limits.perEmail - 1), duration };
    const email = { keyPrefix: 'cm-signin-email', points: limits.perEmail, duration };
    this.redis = redisUrl ? new Redis(redisUrl, { enableOfflineQueue: false, lazyConnect: false, maxRetriesPerRequest: 1 }) : null;
    this.redis?.on('error', () => undefined); // the insurance limiter takes over while Redis is away
    const limiter = (opts: { keyPrefix: string; points: number; duration: number }) =>
      this.redis
        ? new RateLimiterRedis({ ...opts, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(opts) })
        : new RateLimiterMemory(opts);
    this.byAddress = limiter(address);
    this.byEmailFromAddress = limiter(pair);
    this.byEmail = limiter(email);
  }

  /** Spends one attempt at each step in turn; false (and nothing further spent) when one is used up. */
  async attempt(email: string, address: string): Promise<boolean> {
    const id = email.toLowerCase();
    return (
      (await spend(this.byAddress, address)) &&
      (await spend(this.byEmailFromAddress, `${id} ${address}`)) &&
      (await spend(this.byEmail, id))
    );
  }

  async succeeded(email: string, address: string): Promise<void> {
    const id = email.toLowerCase();
    await Promise.all([this.byEmail.delete(id), this.byEmailFromAddress.delete(`${id} ${address}`)]).catch((err: unknown) =>
      swallowed(err, 'signInLimiter.succeeded'),
    );
  }

  async close(): Promise<void> {
    this.redis?.disconnect();
  }
}

const spend = (limiter: RateLimiterAbstract, key: string) =>
  limiter.consume(key).then(
    () => true,
    () => false,
  );
