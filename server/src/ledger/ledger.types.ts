import type { Per1kRates, TokenCounts } from '../money/money.js';

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
  inputPer1k: bigint;
  cachedInputPer1k: bigint;
  outputPer1k: bigint;
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

/** The rates a usage row snapshots (a `ModelRate` of the active card fits). */
export interface RateSnapshot {
  rateCardId: string;
  model: string;
  rates: Per1kRates;
  costs: Per1kRates;
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
