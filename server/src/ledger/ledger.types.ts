import type { TieredPrices, TokenCounts } from '../money/money.js';

export const LEDGER_ENTRY_TYPES = ['PURCHASE', 'USAGE', 'REFUND', 'ADJUSTMENT', 'BONUS', 'PROMO', 'REVERSAL', 'EXPIRY'] as const;
export type LedgerEntryType = (typeof LEDGER_ENTRY_TYPES)[number];

export const SYSTEM_ACCOUNTS = ['sales', 'consumption', 'promotions', 'adjustments', 'refunds', 'expiry'] as const;
export type SystemAccountCode = (typeof SYSTEM_ACCOUNTS)[number];

/** One customer account's view of a ledger transaction. */
export interface LedgerEntry {
  id: string;
  seq: bigint;
  accountId: string;
  type: LedgerEntryType;
  amountMillicredits: bigint;
  balanceAfterMillicredits: bigint;
  reversalOfId: string | null;
  referenceId: string | null;
  reason: string | null;
  createdAt: Date;
}

export interface BalanceSnapshot {
  accountId: string;
  posted: bigint;
  pending: bigint;
  updatedAt: Date;
}

/** A usage row: one metered call, with the rates it was charged at (written only by the engine). */
export interface UsageRecord {
  id: string;
  seq: bigint;
  accountId: string;
  transactionId: string;
  rateCardId: string;
  model: string;
  inputTokens: bigint;
  cachedInputTokens: bigint;
  outputTokens: bigint;
  cacheWriteInputTokens: bigint;
  cacheWrite1hInputTokens: bigint;
  audioInputTokens: bigint;
  audioOutputTokens: bigint;
  imageInputTokens: bigint;
  /** Part of outputTokens, shown on its own. */
  reasoningTokens: bigint;
  /** The effective per-1k rates charged (after fallback and tier). */
  inputPer1k: bigint;
  cachedInputPer1k: bigint;
  outputPer1k: bigint;
  /** The class rates charged; null on rows from before classes existed (their class tokens are 0). */
  cacheWriteInputPer1k: bigint | null;
  cacheWrite1hInputPer1k: bigint | null;
  audioInputPer1k: bigint | null;
  audioOutputPer1k: bigint | null;
  imageInputPer1k: bigint | null;
  /** The long-context tier priced this call. */
  longContext: boolean;
  chargedMillicredits: bigint;
  costMicroUsd: bigint;
  idempotencyKey: string;
  requestHash: string;
  source: string;
  requestId: string | null;
  latencyMs: number | null;
  /** Team charges: the member who spent (the row's account is the team's). */
  memberAccountId: string | null;
  /** The key the call was made with; null without one (a Credits page session). */
  apiKeyId: string | null;
  createdAt: Date;
}

/**
 * The prices a usage row is charged at (a `ModelRate` of the active card fits): the row stores
 * the rates that applied to its tokens, after fallback and tier.
 */
export interface RateSnapshot extends TieredPrices {
  rateCardId: string;
  model: string;
}

/**
 * The source of the proxy's own settle rows. Their usage keys live in scope 'proxy' and their
 * ledger keys start with 'settle:' (clients' with 'usage:'), so no client key can claim them.
 */
export const PROXY_SOURCE = 'PROXY';

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
