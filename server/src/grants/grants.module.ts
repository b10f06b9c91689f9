import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { AdvisoryLocks } from '../jobs/advisory-lock.js';
import type { BalanceEvents } from '../ledger/balance-events.js';
import type { PostingHooks } from '../ledger/ledger.hooks.js';
import type { LedgerService } from '../ledger/ledger.service.js';
import { PromotionsService } from '../promotions/promotions.service.js';
import { grantsPostingHook } from './grants.hook.js';
import { GrantsService } from './grants.service.js';

/** Intro bonus: INTRO_BONUS_MILLICREDITS, else 1,000 credits (0 under NODE_ENV=test). */
export const introBonusMillicredits = (config: Config): bigint =>
  config.INTRO_BONUS_MILLICREDITS !== undefined ? BigInt(config.INTRO_BONUS_MILLICREDITS) : config.NODE_ENV === 'test' ? 0n : 1_000_000n;

/** Grant expiry interval: GRANT_EXPIRY_INTERVAL_MS, else a minute (off under NODE_ENV=test); 0 = off. */
export const grantExpiryIntervalMs = (config: Config): number =>
  config.GRANT_EXPIRY_INTERVAL_MS !== undefined ? config.GRANT_EXPIRY_INTERVAL_MS : config.NODE_ENV === 'test' ? 0 : 60_000;

/**
 * Grants and promotions: registers the grant posting hook (every movement from now on keeps
 * grants in step) and builds both services.
 */
export function createGrantsAndPromotions(em: EntityManager, config: Config, events: BalanceEvents, hooks: PostingHooks, ledger: LedgerService, log: Logger, locks: AdvisoryLocks) {
  hooks.register(grantsPostingHook);
  return {
    grants: new GrantsService(em, events, hooks, ledger, log.child({ module: 'grants' }), locks),
    promotions: new PromotionsService(em, ledger, hooks, introBonusMillicredits(config)),
  };
}
