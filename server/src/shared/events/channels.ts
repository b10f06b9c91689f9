import type { BalanceSnapshot } from '../../ledger/ledger.types.js';

/**
 * What a cache invalidation names: every instance drops its cached copy of it at once.
 * `sessions`: a console or Credits page session ended (sign-out, disable, password change, role).
 */
export type CacheScope = 'apiKeys' | 'rateCards' | 'proxySettings' | 'sessions';
export const CACHE_SCOPES: readonly CacheScope[] = ['apiKeys', 'rateCards', 'proxySettings', 'sessions'];

/** A charge refused for want of credits (`credits.exhausted` alerts). */
export interface CreditsRefused {
  accountId: string;
  requiredMillicredits: bigint;
}

/**
 * Every channel of the bus and what it carries. Publish only after the commit that caused it.
 * Whose publishes an `on` listener hears is the channel's reach, written beside it.
 */
export interface Channels {
  /**
   * A committed balance change. `on`: this instance's only (after-commit work that must run
   * once, e.g. auto-recharge); every instance's per account through `balancesOf`/`onBalanceOf`.
   */
  balance: BalanceSnapshot;
  /** A cache every instance drops (an API key, rate card, proxy settings or session changed). `on`: every instance's. */
  cacheInvalidated: CacheScope;
  /** A charge was refused for credits, after the refusal. `on`: this instance's only. */
  creditsRefused: CreditsRefused;
}
export type Channel = keyof Channels;

/** A balance event as it crosses the wire (and Redis): strings only, so nothing bigint is lost in JSON. */
export interface BalanceEventPayload {
  accountId: string;
  posted: string;
  pending: string;
  updatedAt: string;
}

export const toPayload = (s: BalanceSnapshot): BalanceEventPayload => ({
  accountId: s.accountId,
  posted: s.posted.toString(),
  pending: s.pending.toString(),
  updatedAt: s.updatedAt.toISOString(),
});

export const fromPayload = (p: BalanceEventPayload): BalanceSnapshot => ({
  accountId: p.accountId,
  posted: BigInt(p.posted),
  pending: BigInt(p.pending),
  updatedAt: new Date(p.updatedAt),
});
