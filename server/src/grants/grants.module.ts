import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { LedgerService } from '../ledger/ledger.service.js';
import { PromotionsService } from '../promotions/promotions.service.js';
import { GrantsService } from './grants.service.js';

/** Intro bonus: INTRO_BONUS_MILLICREDITS, else 1,000 credits (0 under NODE_ENV=test). */
export const introBonusMillicredits = (config: Config): bigint =>
  config.INTRO_BONUS_MILLICREDITS !== undefined ? BigInt(config.INTRO_BONUS_MILLICREDITS) : config.NODE_ENV === 'test' ? 0n : 1_000_000n;

/** Grant expiry interval: GRANT_EXPIRY_INTERVAL_MS, else a minute (off under NODE_ENV=test); 0 = off. */
export const grantExpiryIntervalMs = (config: Config): number =>
  config.GRANT_EXPIRY_INTERVAL_MS !== undefined ? config.GRANT_EXPIRY_INTERVAL_MS : config.NODE_ENV === 'test' ? 0 : 60_000;

/**
 * Grants and promotions. Grants follow every movement through the ledger engine's posting hook
 * (`creditmeter_grants_on_movement`, in the database, in each movement's own transaction).
 */
export function createGrantsAndPromotions(em: EntityManager, config: Config, ledger: LedgerService, log: Logger) {
  const grants = new GrantsService(em, ledger, log.child({ module: 'grants' }));
  return { grants, promotions: new PromotionsService(em, ledger, grants, introBonusMillicredits(config)) };
}
