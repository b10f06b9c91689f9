import type { TieredPrices, TokenCounts } from '../money/money.js';

export const LEDGER_ENTRY_TYPES = ['PURCHASE', 'USAGE', 'REFUND', 'ADJUSTMENT', 'BONUS', 'PROMO', 'REVERSAL', 'EXPIRY'] as const;
export type LedgerEntryType = (typeof LEDGER_ENTRY_TYPES)[number];

export const SYSTEM_ACCOUNTS = ['sales', 'consumption', 'promotions', 'adjustments', 'refunds', 'expiry'] as const;
export type SystemAccountCode = (typeof SYSTEM_ACCOUNTS)[number];

export interface BalanceSnapshot {
  accountId: string;
  posted: bigint;
  pending: bigint;
  updatedAt: Date;
}

/**
 * The prices a usage row is charged at (a `ModelRate` of the active card fits): the row stores
 * the rates that applied to its tokens, after fallback and tier.
 */
export interface RateSnapshot extends TieredPrices {
  rateCardId: string;
  model: string;
}

/** One usage charge, priced by the caller: the engine decides it and writes it. */
export interface UsageCharge {
  accountId: string;
  rate: RateSnapshot;
  tokens: TokenCounts;
  charged: bigint;
  costMicroUsd: bigint;
  idempotencyKey: string;
  requestHash: string;
  actorKeyId: string | null;
  source?: string;
  requestId?: string | null;
  latencyMs?: number | null;
  /**
   * A charge against a team (`accountId` is the team's): the member who spends, checked against
   * their allocation in the same call, and the clock's now, which picks the allocation period.
   */
  member?: { memberAccountId: string; at: Date } | null;
  /** The clock's now for a charge outside a team: it picks the period of the calling key's budget. */
  at?: Date | null;
}
