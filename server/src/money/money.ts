/**
 * Money is an integer count of millicredits (1 millicredit = 1 micro-dollar; 1,000 credits = $1).
 * This module is the only place that parses, formats, multiplies or rounds money.
 */
import { badInput } from '../shared/errors.js';

export const MILLICREDITS_PER_CREDIT = 1000n;
/** PostgreSQL bigint bound: anything beyond is refused before it reaches the database. */
export const INT64_MAX = 9223372036854775807n;
/** A single amount in an API call may not exceed one billion credits. */
export const MAX_API_AMOUNT = 1_000_000_000_000n;

const INTEGER = /^-?\d+$/;

/** Parses a signed decimal-string millicredit amount ("45230", "-1200"). */
export function parseMillicredits(text: string, field = 'amountMillicredits'): bigint {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (!INTEGER.test(trimmed)) throw badInput(`${field} must be an integer string of millicredits`, { field });
  const value = BigInt(trimmed);
  if (value > MAX_API_AMOUNT || value < -MAX_API_AMOUNT) {
    throw badInput(`${field} is out of range (at most ${MAX_API_AMOUNT} in absolute value)`, { field });
  }
  return value;
}

export const formatMillicredits = (value: bigint): string => value.toString();

/** Parses a non-negative decimal with at most `scale` fractional digits into an integer of 10^-scale units. */
export function parseScaledDecimal(text: string, scale: number, field: string): bigint {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(trimmed);
  if (!match) throw badInput(`${field} must be a non-negative decimal string`, { field });
  const fraction = match[2] ?? '';
  if (fraction.length > scale) {
    throw badInput(`${field} has more than ${scale} decimal places`, { field });
  }
  return BigInt(match[1]) * 10n ** BigInt(scale) + BigInt(fraction.padEnd(scale, '0') || '0');
}

/** Formats an integer of 10^-scale units as a decimal with exactly `scale` fractional digits. */
export function formatScaledDecimal(value: bigint, scale: number): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const unit = 10n ** BigInt(scale);
  const whole = abs / unit;
  const fraction = (abs % unit).toString().padStart(scale, '0');
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

/** "2.400" credits per 1k tokens -> 2400 millicredits per 1k tokens. */
export const parseRatePer1k = (text: string, field = 'rate') => parseScaledDecimal(text, 3, field);
/** 2400 -> "2.400" (always three decimals). */
export const formatRatePer1k = (millicreditsPer1k: bigint) => formatScaledDecimal(millicreditsPer1k, 3);

/** "0.00015" USD per 1k tokens -> 150 micro-dollars per 1k tokens. */
export const parseUsdPer1k = (text: string, field = 'cost') => parseScaledDecimal(text, 6, field);
export const formatMicroUsd = (microUsd: bigint) => formatScaledDecimal(microUsd, 6);

/** Ceiling division for a non-negative numerator and positive divisor. */
export function ceilDiv(numerator: bigint, divisor: bigint): bigint {
  if (divisor <= 0n) throw new RangeError('divisor must be positive');
  if (numerator < 0n) throw new RangeError('numerator must be non-negative');
  return (numerator + divisor - 1n) / divisor;
}

/**
 * "2.50" USD per 1M tokens (a provider's price list) -> 2500 micro-dollars per 1k tokens: the
 * same number, since 1M/1k = 1,000 = micro/milli. Exact to $0.001 per 1M; finer is refused.
 */
export const parseUsdPer1M = (text: string, field = 'price') => parseScaledDecimal(text, 3, field);
/** 2500 micro-dollars per 1k -> "2.500" USD per 1M. */
export const formatUsdPer1M = (microUsdPer1k: bigint) => formatScaledDecimal(microUsdPer1k, 3);

/**
 * A customer rate `markupPercent` above a cost (both per 1k, in the shared unit: 1 millicredit =
 * 1 micro-dollar), rounded up to the rate's whole millicredit so the margin is never below it.
 */
export function markedUp(cost: bigint, markupPercent: bigint): bigint {
  if (markupPercent < 0n) throw new RangeError('markupPercent must be non-negative');
  return ceilDiv(cost * (100n + markupPercent), 100n);
}

/** Rounds a signed integer division half away from zero. */
export function divRoundHalfUp(numerator: bigint, divisor: bigint): bigint {
  const negative = numerator < 0n !== divisor < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = divisor < 0n ? -divisor : divisor;
  const q = (n * 2n + d) / (2n * d);
  return negative ? -q : q;
}

/**
 * The tokens of one call, by how they are priced; each token is in exactly one priced class.
 * The optional classes are 0 when absent. `reasoningTokens` is shown on its own but is already
 * inside `outputTokens`, so it is never priced a second time.
 */
export interface TokenCounts {
  /** Text (and anything not classed below) input read at the plain input rate: uncached. */
  inputTokens: bigint;
  /** Input read from the provider's prompt cache. */
  cachedInputTokens: bigint;
  /** Text output, reasoning included. */
  outputTokens: bigint;
  /** Input written to the prompt cache for 5 minutes (Anthropic's cache creation, default TTL). */
  cacheWriteInputTokens?: bigint;
  /** Input written to the prompt cache for 1 hour. */
  cacheWrite1hInputTokens?: bigint;
  audioInputTokens?: bigint;
  audioOutputTokens?: bigint;
  imageInputTokens?: bigint;
  /** Part of outputTokens: shown, never priced again. */
  reasoningTokens?: bigint;
}

/**
 * Prices per 1k tokens of each class. An omitted optional rate is the plain input rate (cache
 * writes, audio and image input) or the output rate (audio output); a 1-hour cache write falls
 * back to the 5-minute one.
 */
export interface Per1kRates {
  inputPer1k: bigint;
  cachedInputPer1k: bigint;
  outputPer1k: bigint;
  cacheWriteInputPer1k?: bigint | null;
  cacheWrite1hInputPer1k?: bigint | null;
  audioInputPer1k?: bigint | null;
  audioOutputPer1k?: bigint | null;
  imageInputPer1k?: bigint | null;
}

/** Every priced class of a rate set, with the fallbacks applied. */
export function fullRates(rates: Per1kRates): Required<{ [K in keyof Per1kRates]: bigint }> {
  const cacheWrite = rates.cacheWriteInputPer1k ?? rates.inputPer1k;
  return {
    inputPer1k: rates.inputPer1k,
    cachedInputPer1k: rates.cachedInputPer1k,
    outputPer1k: rates.outputPer1k,
    cacheWriteInputPer1k: cacheWrite,
    cacheWrite1hInputPer1k: rates.cacheWrite1hInputPer1k ?? cacheWrite,
    audioInputPer1k: rates.audioInputPer1k ?? rates.inputPer1k,
    audioOutputPer1k: rates.audioOutputPer1k ?? rates.outputPer1k,
    imageInputPer1k: rates.imageInputPer1k ?? rates.inputPer1k,
  };
}

/**
 * Price of a usage row: the exact sum of tokens x per-1k rates over every class, divided by
 * 1,000 and rounded once, up, to a whole unit. Works for both customer rates (millicredits) and
 * provider costs (micro-dollars), which share the unit.
 */
export function priceTokens(tokens: TokenCounts, rates: Per1kRates): bigint {
  for (const [name, value] of Object.entries(tokens)) {
    if (value !== undefined && value < 0n) throw new RangeError(`${name} must be non-negative`);
  }
  const r = fullRates(rates);
  const exact =
    tokens.inputTokens * r.inputPer1k +
    tokens.cachedInputTokens * r.cachedInputPer1k +
    tokens.outputTokens * r.outputPer1k +
    (tokens.cacheWriteInputTokens ?? 0n) * r.cacheWriteInputPer1k +
    (tokens.cacheWrite1hInputTokens ?? 0n) * r.cacheWrite1hInputPer1k +
    (tokens.audioInputTokens ?? 0n) * r.audioInputPer1k +
    (tokens.audioOutputTokens ?? 0n) * r.audioOutputPer1k +
    (tokens.imageInputTokens ?? 0n) * r.imageInputPer1k;
  return ceilDiv(exact, 1000n);
}

/** Every class's per-1k rate, fallbacks applied. */
export type FullRates = ReturnType<typeof fullRates>;

/** A model's prices: base rates and costs, and an optional long-context tier (a `ModelRate` fits). */
export interface TieredPrices {
  rates: Per1kRates;
  costs: Per1kRates;
  longContext?: { thresholdTokens: number; rates: Per1kRates; costs: Per1kRates } | null;
}

/** The rates and costs one call is priced at, and whether the long-context tier applied. */
export interface AppliedRates {
  rates: FullRates;
  costs: FullRates;
  longContext: boolean;
}

/** Prompt tokens of a call: every input class. */
export const promptTokensOf = (t: TokenCounts): bigint =>
  t.inputTokens +
  t.cachedInputTokens +
  (t.cacheWriteInputTokens ?? 0n) +
  (t.cacheWrite1hInputTokens ?? 0n) +
  (t.audioInputTokens ?? 0n) +
  (t.imageInputTokens ?? 0n);

/** The base rates with the classes a tier names replaced by the tier's; the rest keep the base rate. */
function withTier(base: Per1kRates, tier: Per1kRates): FullRates {
  const rates = fullRates(base);
  for (const key of Object.keys(rates) as (keyof FullRates)[]) {
    const named = tier[key];
    if (named !== null && named !== undefined) rates[key] = named;
  }
  return rates;
}

/** Above the tier's threshold of prompt tokens, the tier prices the whole call. */
export function appliedRates(prices: TieredPrices, promptTokens: bigint): AppliedRates {
  const tier = prices.longContext;
  if (tier && promptTokens > BigInt(tier.thresholdTokens)) {
    return { rates: withTier(prices.rates, tier.rates), costs: withTier(prices.costs, tier.costs), longContext: true };
  }
  return { rates: fullRates(prices.rates), costs: fullRates(prices.costs), longContext: false };
}

/** Display number of credits (45230 -> 45.23). For display only, never for arithmetic. */
export const toCreditsNumber = (millicredits: bigint): number => Number(formatScaledDecimal(millicredits, 3));

/** Approximate USD rounded half-up to cents (45230 millicredits = $0.04523 -> 0.05). */
export const toUsdNumber = (millicredits: bigint): number => Number(formatScaledDecimal(divRoundHalfUp(millicredits, 10_000n), 2));

/** Integer cents -> millicredits at the nominal 1,000 credits per dollar. */
export const centsToMillicredits = (cents: bigint): bigint => cents * 10_000n;

/**
 * Credits taken back when `refundedCents` of `paidCents` have been refunded (cumulative):
 * floor(credits x refunded / paid), capped at `credits`. Monotonic in `refundedCents`, so the
 * deltas of successive partial refunds telescope to share(final) and never exceed `credits`;
 * a full refund takes back exactly `credits`. Rounds down: a partial refund never takes back
 * more than its exact share.
 */
export function refundedCreditsShare(credits: bigint, refundedCents: bigint, paidCents: bigint): bigint {
  if (credits < 0n || refundedCents < 0n) throw new RangeError('credits and refundedCents must be non-negative');
  if (paidCents <= 0n) return refundedCents > 0n ? credits : 0n;
  if (refundedCents >= paidCents) return credits;
  return (credits * refundedCents) / paidCents;
}

/** Whole cents needed to buy at least `millicredits` at the nominal 1,000 credits per dollar. */
export const millicreditsToCentsCeil = (millicredits: bigint): bigint => ceilDiv(millicredits, 10_000n);
