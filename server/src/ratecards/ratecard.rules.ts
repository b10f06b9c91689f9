import { parseRatePer1k, parseUsdPer1k } from '../money/money.js';
import { badInput } from '../shared/errors.js';
import { requiredText } from '../shared/validate.js';
import type { ModelRateInput, PublishRateCardInput } from './ratecard.types.js';

const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/;
export const MAX_RATE_MILLICREDITS_PER_1K = 1_000_000_000n;

export interface ParsedModelRate {
  model: string;
  inputPer1k: bigint;
  cachedInputPer1k: bigint;
  outputPer1k: bigint;
  costInputPer1k: bigint;
  costCachedInputPer1k: bigint;
  costOutputPer1k: bigint;
  maxOutputTokens: number | null;
}

export function parseModelName(model: string): string {
  const name = typeof model === 'string' ? model.trim() : '';
  if (!MODEL_NAME.test(name)) throw badInput('model must be 1-100 characters of letters, digits and . _ : / -', { field: 'model' });
  return name;
}

function parseModelRate(input: ModelRateInput, index: number): ParsedModelRate {
  const at = `rates[${index}]`;
  const model = parseModelName(input.model);
  const inputPer1k = parseRatePer1k(input.inputPer1k, `${at}.inputPer1k`);
  const outputPer1k = parseRatePer1k(input.outputPer1k, `${at}.outputPer1k`);
  const cachedInputPer1k = input.cachedInputPer1k
    ? parseRatePer1k(input.cachedInputPer1k, `${at}.cachedInputPer1k`)
    : inputPer1k;
  const costInputPer1k = parseUsdPer1k(input.costInputPer1kUsd, `${at}.costInputPer1kUsd`);
  const costOutputPer1k = parseUsdPer1k(input.costOutputPer1kUsd, `${at}.costOutputPer1kUsd`);
  const costCachedInputPer1k = input.costCachedInputPer1kUsd
    ? parseUsdPer1k(input.costCachedInputPer1kUsd, `${at}.costCachedInputPer1kUsd`)
    : costInputPer1k;
  for (const [field, value] of Object.entries({ inputPer1k, cachedInputPer1k, outputPer1k })) {
    if (value > MAX_RATE_MILLICREDITS_PER_1K) throw badInput(`${at}.${field} is unreasonably large`);
  }
  const max = input.maxOutputTokens ?? null;
  if (max !== null && (!Number.isInteger(max) || max < 1 || max > 10_000_000)) {
    throw badInput(`${at}.maxOutputTokens must be a positive integer`);
  }
  return { model, inputPer1k, cachedInputPer1k, outputPer1k, costInputPer1k, costCachedInputPer1k, costOutputPer1k, maxOutputTokens: max };
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
