import type { DomainError } from '../shared/errors.js';
import type { UsageRecord } from '../ledger/ledger.types.js';

export type { UsageRecord } from '../ledger/ledger.types.js';

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
