import type { DomainError } from '../shared/errors.js';

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

export interface RecordUsageInput {
  accountId?: string | null;
  model: string;
  inputTokens: number;
  cachedInputTokens?: number | null;
  outputTokens: number;
  cacheWriteInputTokens?: number | null;
  cacheWrite1hInputTokens?: number | null;
  audioInputTokens?: number | null;
  audioOutputTokens?: number | null;
  imageInputTokens?: number | null;
  reasoningTokens?: number | null;
  idempotencyKey: string;
  /** Charge this team (the caller must be an active member). */
  teamId?: string | null;
}

/** One row's answer in a batch: its usage row, or the typed error that refused it. */
export interface UsageBatchResult {
  index: number;
  usage: UsageRecord | null;
  error: DomainError | null;
}
