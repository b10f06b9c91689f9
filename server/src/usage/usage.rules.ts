import { appliedRates, priceTokens, promptTokensOf, type AppliedRates, type TieredPrices, type TokenCounts } from '../money/money.js';
import { badInput } from '../shared/errors.js';
import { tokenCount } from '../shared/validate.js';
import type { RecordUsageInput } from './usage.types.js';

/** A client's reported tokens, by class (omitted classes are 0); reasoning is part of output. */
export function usageTokens(input: RecordUsageInput): TokenCounts {
  const tokens = {
    inputTokens: tokenCount(input.inputTokens, 'inputTokens'),
    cachedInputTokens: tokenCount(input.cachedInputTokens, 'cachedInputTokens'),
    outputTokens: tokenCount(input.outputTokens, 'outputTokens'),
    cacheWriteInputTokens: tokenCount(input.cacheWriteInputTokens, 'cacheWriteInputTokens'),
    cacheWrite1hInputTokens: tokenCount(input.cacheWrite1hInputTokens, 'cacheWrite1hInputTokens'),
    audioInputTokens: tokenCount(input.audioInputTokens, 'audioInputTokens'),
    audioOutputTokens: tokenCount(input.audioOutputTokens, 'audioOutputTokens'),
    imageInputTokens: tokenCount(input.imageInputTokens, 'imageInputTokens'),
    reasoningTokens: tokenCount(input.reasoningTokens, 'reasoningTokens'),
  };
  if (tokens.reasoningTokens > tokens.outputTokens)
    throw badInput('reasoningTokens are part of outputTokens and cannot exceed them', { field: 'reasoningTokens' });
  return tokens;
}

/**
 * Customer charge (millicredits) and provider cost (micro-dollars) of one usage row, and the
 * rates they were priced at: each ceil(Σ tokens × effective rate / 1000), rounded once.
 */
export function priceUsage(tokens: TokenCounts, prices: TieredPrices): { charged: bigint; costMicroUsd: bigint; applied: AppliedRates } {
  const applied = appliedRates(prices, promptTokensOf(tokens));
  return { charged: priceTokens(tokens, applied.rates), costMicroUsd: priceTokens(tokens, applied.costs), applied };
}

/**
 * What makes two usage requests "the same" for idempotency. A class is named only when it has
 * tokens, so the requests of before the classes existed keep their hashes.
 */
export const usageFingerprint = (model: string, tokens: TokenCounts) => {
  const classes = {
    cacheWrite: tokens.cacheWriteInputTokens,
    cacheWrite1h: tokens.cacheWrite1hInputTokens,
    audioInput: tokens.audioInputTokens,
    audioOutput: tokens.audioOutputTokens,
    imageInput: tokens.imageInputTokens,
    reasoning: tokens.reasoningTokens,
  };
  return {
    model,
    input: tokens.inputTokens,
    cached: tokens.cachedInputTokens,
    output: tokens.outputTokens,
    ...Object.fromEntries(Object.entries(classes).filter(([, n]) => n !== undefined && n !== 0n)),
  };
};

/**
 * Team charges store the member's idempotency key under the member's id: keys are unique per
 * charged account, and two members of one team must never answer each other's repeats.
 */
export const storedIdempotencyKey = (key: string, memberAccountId: string | null) => (memberAccountId ? `${memberAccountId}:${key}` : key);

/** The key as the client sent it. */
export const clientIdempotencyKey = (u: { idempotencyKey: string; memberAccountId: string | null }) =>
  u.memberAccountId && u.idempotencyKey.startsWith(`${u.memberAccountId}:`)
    ? u.idempotencyKey.slice(u.memberAccountId.length + 1)
    : u.idempotencyKey;
