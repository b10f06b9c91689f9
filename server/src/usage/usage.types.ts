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
  createdAt: Date;
}

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
