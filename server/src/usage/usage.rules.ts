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
