import { priceTokens, type TokenCounts } from '../money/money.js';
import type { ModelRate } from '../ratecards/ratecard.types.js';

/** Customer charge (millicredits) and provider cost (micro-dollars) of one usage row. */
export function priceUsage(tokens: TokenCounts, rate: ModelRate): { charged: bigint; costMicroUsd: bigint } {
  return { charged: priceTokens(tokens, rate.rates), costMicroUsd: priceTokens(tokens, rate.costs) };
}

/** What makes two usage requests "the same" for idempotency. */
export const usageFingerprint = (model: string, tokens: TokenCounts) => ({
  model,
  input: tokens.inputTokens,
  cached: tokens.cachedInputTokens,
  output: tokens.outputTokens,
});

/**
 * Team charges store the member's idempotency key under the member's id: keys are unique per
 * charged account, and two members of one team must never answer each other's repeats.
 */
export const storedIdempotencyKey = (key: string, memberAccountId: string | null) => (memberAccountId ? `${memberAccountId}:${key}` : key);

/** The key as the client sent it. */
export const clientIdempotencyKey = (u: { idempotencyKey: string; memberAccountId: string | null }) =>
  u.memberAccountId && u.idempotencyKey.startsWith(`${u.memberAccountId}:`) ? u.idempotencyKey.slice(u.memberAccountId.length + 1) : u.idempotencyKey;
