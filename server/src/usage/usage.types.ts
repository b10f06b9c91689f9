export type { UsageRecord } from '../ledger/ledger.types.js';

export interface RecordUsageInput {
  accountId?: string | null;
  model: string;
  inputTokens: number;
  cachedInputTokens?: number | null;
  outputTokens: number;
  idempotencyKey: string;
  /** Charge this team (the caller must be an active member). */
  teamId?: string | null;
}
