import { parseRatePer1k, parseUsdPer1k } from '../money/money.js';
import { badInput } from '../shared/errors.js';
import { requiredText } from '../shared/validate.js';
import { PROVIDERS, type LongContextRatesInput, type ModelRateInput, type Provider, type PublishRateCardInput } from './ratecard.types.js';

const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/;
export const MAX_RATE_MILLICREDITS_PER_1K = 1_000_000_000n;
const MAX_THRESHOLD_TOKENS = 100_000_000;

/** A model's row as stored (`model_rates`): null class rates fall back when priced. */
export interface ParsedModelRate {
  model: string;
  provider: Provider;
  inputPer1k: bigint;
  cachedInputPer1k: bigint;
  outputPer1k: bigint;
  cacheWriteInputPer1k: bigint | null;
  cacheWrite1hInputPer1k: bigint | null;
  audioInputPer1k: bigint | null;
  audioOutputPer1k: bigint | null;
  imageInputPer1k: bigint | null;
  costInputPer1k: bigint;
  costCachedInputPer1k: bigint;
  costOutputPer1k: bigint;
  costCacheWriteInputPer1k: bigint | null;
  costCacheWrite1hInputPer1k: bigint | null;
  costAudioInputPer1k: bigint | null;
  costAudioOutputPer1k: bigint | null;
  costImageInputPer1k: bigint | null;
  longContextThresholdTokens: number | null;
  longContextInputPer1k: bigint | null;
  longContextCachedInputPer1k: bigint | null;
  longContextCacheWriteInputPer1k: bigint | null;
  longContextCacheWrite1hInputPer1k: bigint | null;
  longContextOutputPer1k: bigint | null;
  longContextCostInputPer1k: bigint | null;
  longContextCostCachedInputPer1k: bigint | null;
  longContextCostCacheWriteInputPer1k: bigint | null;
  longContextCostCacheWrite1hInputPer1k: bigint | null;
  longContextCostOutputPer1k: bigint | null;
  maxOutputTokens: number | null;
}

export function parseModelName(model: string): string {
  const name = typeof model === 'string' ? model.trim() : '';
  if (!MODEL_NAME.test(name)) throw badInput('model must be 1-100 characters of letters, digits and . _ : / -', { field: 'model' });
  return name;
}

const given = (v: string | null | undefined): v is string => typeof v === 'string' && v.trim() !== '';

/** A customer rate (credits per 1k), bounded. */
function rate(value: string, field: string): bigint {
  const parsed = parseRatePer1k(value, field);
  if (parsed > MAX_RATE_MILLICREDITS_PER_1K) throw badInput(`${field} is unreasonably large`, { field });
  return parsed;
}

const optionalRate = (value: string | null | undefined, field: string) => (given(value) ? rate(value, field) : null);

const optionalCost = (value: string | null | undefined, field: string) => (given(value) ? parseUsdPer1k(value, field) : null);

function parseProvider(value: string | null | undefined, field: string): Provider {
  if (value === null || value === undefined) return 'openai';
  const provider = PROVIDERS.find((p) => p === value.trim().toLowerCase());
  if (!provider) throw badInput(`${field} must be one of ${PROVIDERS.join(', ')}`, { field });
  return provider;
}

type Tier = Pick<
  ParsedModelRate,
  | 'longContextThresholdTokens'
  | 'longContextInputPer1k'
  | 'longContextCachedInputPer1k'
  | 'longContextCacheWriteInputPer1k'
  | 'longContextCacheWrite1hInputPer1k'
  | 'longContextOutputPer1k'
  | 'longContextCostInputPer1k'
  | 'longContextCostCachedInputPer1k'
  | 'longContextCostCacheWriteInputPer1k'
  | 'longContextCostCacheWrite1hInputPer1k'
  | 'longContextCostOutputPer1k'
>;

/** The tier is all or nothing: a threshold above 0 with input and output rates and costs. */
function parseTier(threshold: number | null | undefined, tier: LongContextRatesInput | null | undefined, at: string): Tier {
  const hasThreshold = threshold !== null && threshold !== undefined;
  if (!hasThreshold && !tier) {
    return {
      longContextThresholdTokens: null,
      longContextInputPer1k: null,
      longContextCachedInputPer1k: null,
      longContextCacheWriteInputPer1k: null,
      longContextCacheWrite1hInputPer1k: null,
      longContextOutputPer1k: null,
      longContextCostInputPer1k: null,
      longContextCostCachedInputPer1k: null,
      longContextCostCacheWriteInputPer1k: null,
      longContextCostCacheWrite1hInputPer1k: null,
      longContextCostOutputPer1k: null,
    };
  }
  const field = `${at}.longContextThresholdTokens`;
  if (!hasThreshold) throw badInput(`${field} is required with longContext`, { field });
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > MAX_THRESHOLD_TOKENS)
    throw badInput(`${field} must be a whole number of tokens above 0`, { field });
  if (!tier) throw badInput(`${at}.longContext is required with longContextThresholdTokens`, { field: `${at}.longContext` });
  const lc = `${at}.longContext`;
  for (const name of ['inputPer1k', 'outputPer1k', 'costInputPer1kUsd', 'costOutputPer1kUsd'] as const) {
    if (!given(tier[name]))
      throw badInput(`${lc}.${name} is required: a long-context tier needs its input and output rates and costs`, {
        field: `${lc}.${name}`,
      });
  }
  const input = rate(tier.inputPer1k!, `${lc}.inputPer1k`);
  const costInput = parseUsdPer1k(tier.costInputPer1kUsd!, `${lc}.costInputPer1kUsd`);
  return {
    longContextThresholdTokens: threshold,
    longContextInputPer1k: input,
    longContextCachedInputPer1k: optionalRate(tier.cachedInputPer1k, `${lc}.cachedInputPer1k`) ?? input,
    longContextCacheWriteInputPer1k: optionalRate(tier.cacheWriteInputPer1k, `${lc}.cacheWriteInputPer1k`),
    longContextCacheWrite1hInputPer1k: optionalRate(tier.cacheWrite1hInputPer1k, `${lc}.cacheWrite1hInputPer1k`),
    longContextOutputPer1k: optionalRate(tier.outputPer1k, `${lc}.outputPer1k`),
    longContextCostInputPer1k: costInput,
    longContextCostCachedInputPer1k: optionalCost(tier.costCachedInputPer1kUsd, `${lc}.costCachedInputPer1kUsd`) ?? costInput,
    longContextCostCacheWriteInputPer1k: optionalCost(tier.costCacheWriteInputPer1kUsd, `${lc}.costCacheWriteInputPer1kUsd`),
    longContextCostCacheWrite1hInputPer1k: optionalCost(tier.costCacheWrite1hInputPer1kUsd, `${lc}.costCacheWrite1hInputPer1kUsd`),
    longContextCostOutputPer1k: optionalCost(tier.costOutputPer1kUsd, `${lc}.costOutputPer1kUsd`),
  };
}

function parseModelRate(input: ModelRateInput, index: number): ParsedModelRate {
  const at = `rates[${index}]`;
  const model = parseModelName(input.model);
  const inputPer1k = rate(input.inputPer1k, `${at}.inputPer1k`);
  const outputPer1k = rate(input.outputPer1k, `${at}.outputPer1k`);
  const costInputPer1k = parseUsdPer1k(input.costInputPer1kUsd, `${at}.costInputPer1kUsd`);
  const max = input.maxOutputTokens ?? null;
  if (max !== null && (!Number.isInteger(max) || max < 1 || max > 10_000_000)) {
    throw badInput(`${at}.maxOutputTokens must be a positive integer`);
  }
  return {
    model,
    provider: parseProvider(input.provider, `${at}.provider`),
    inputPer1k,
    cachedInputPer1k: optionalRate(input.cachedInputPer1k, `${at}.cachedInputPer1k`) ?? inputPer1k,
    outputPer1k,
    cacheWriteInputPer1k: optionalRate(input.cacheWriteInputPer1k, `${at}.cacheWriteInputPer1k`),
    cacheWrite1hInputPer1k: optionalRate(input.cacheWrite1hInputPer1k, `${at}.cacheWrite1hInputPer1k`),
    audioInputPer1k: optionalRate(input.audioInputPer1k, `${at}.audioInputPer1k`),
    audioOutputPer1k: optionalRate(input.audioOutputPer1k, `${at}.audioOutputPer1k`),
    imageInputPer1k: optionalRate(input.imageInputPer1k, `${at}.imageInputPer1k`),
    costInputPer1k,
    costCachedInputPer1k: optionalCost(input.costCachedInputPer1kUsd, `${at}.costCachedInputPer1kUsd`) ?? costInputPer1k,
    costOutputPer1k: parseUsdPer1k(input.costOutputPer1kUsd, `${at}.costOutputPer1kUsd`),
    costCacheWriteInputPer1k: optionalCost(input.costCacheWriteInputPer1kUsd, `${at}.costCacheWriteInputPer1kUsd`),
    costCacheWrite1hInputPer1k: optionalCost(input.costCacheWrite1hInputPer1kUsd, `${at}.costCacheWrite1hInputPer1kUsd`),
    costAudioInputPer1k: optionalCost(input.costAudioInputPer1kUsd, `${at}.costAudioInputPer1kUsd`),
    costAudioOutputPer1k: optionalCost(input.costAudioOutputPer1kUsd, `${at}.costAudioOutputPer1kUsd`),
    costImageInputPer1k: optionalCost(input.costImageInputPer1kUsd, `${at}.costImageInputPer1kUsd`),
    ...parseTier(input.longContextThresholdTokens, input.longContext, at),
    maxOutputTokens: max,
  };
}

/** Validates a whole rate card before anything is written. */
export function parseRateCard(input: PublishRateCardInput): { name: string; rates: ParsedModelRate[] } {
  const name = requiredText(input.name, 'name', 200);
  if (!Array.isArray(input.rates) || input.rates.length === 0) throw badInput('rates must list at least one model');
  if (input.rates.length > 500) throw badInput('a rate card may list at most 500 models');
  const rates = input.rates.map(parseModelRate);
  const seen = new Set<string>();
  for (const r of rates) {
    if (seen.has(r.model)) throw badInput(`model ${r.model} appears twice`);
    seen.add(r.model);
  }
  return { name, rates };
}
