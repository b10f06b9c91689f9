import { toBigInt } from '../../db/values.js';
import type { Per1kRates } from '../../money/money.js';
import type { ModelRate, Provider } from '../ratecard.types.js';

/** A `model_rates` row as read (bigints as strings), with whether the model is on now. */
export type RateRow = Record<string, string | number | boolean | null> & {
  rate_card_id: string;
  model: string;
  provider: Provider;
  long_context_threshold_tokens: number | null;
  max_output_tokens: number | null;
  enabled: boolean;
};

const optional = (v: unknown) => (v === null || v === undefined ? null : toBigInt(v));

/** The base rates (`''`) or costs (`'cost_'`) of a row. */
const baseRates = (r: RateRow, kind: '' | 'cost_'): Per1kRates => ({
  inputPer1k: toBigInt(r[`${kind}input_per1k`]),
  cachedInputPer1k: toBigInt(r[`${kind}cached_input_per1k`]),
  outputPer1k: toBigInt(r[`${kind}output_per1k`]),
  cacheWriteInputPer1k: optional(r[`${kind}cache_write_input_per1k`]),
  cacheWrite1hInputPer1k: optional(r[`${kind}cache_write_1h_input_per1k`]),
  audioInputPer1k: optional(r[`${kind}audio_input_per1k`]),
  audioOutputPer1k: optional(r[`${kind}audio_output_per1k`]),
  imageInputPer1k: optional(r[`${kind}image_input_per1k`]),
});

/** The long-context tier's rates or costs: the classes it names (the rest keep the base rate). */
const tierRates = (r: RateRow, kind: '' | 'cost_'): Per1kRates => ({
  inputPer1k: toBigInt(r[`long_context_${kind}input_per1k`]),
  cachedInputPer1k: toBigInt(r[`long_context_${kind}cached_input_per1k`]),
  outputPer1k: toBigInt(r[`long_context_${kind}output_per1k`]),
  cacheWriteInputPer1k: optional(r[`long_context_${kind}cache_write_input_per1k`]),
  cacheWrite1hInputPer1k: optional(r[`long_context_${kind}cache_write_1h_input_per1k`]),
});

export const toModelRate = (r: RateRow): ModelRate => ({
  rateCardId: r.rate_card_id,
  model: r.model,
  provider: r.provider,
  rates: baseRates(r, ''),
  costs: baseRates(r, 'cost_'),
  longContext:
    r.long_context_threshold_tokens === null
      ? null
      : { thresholdTokens: r.long_context_threshold_tokens, rates: tierRates(r, ''), costs: tierRates(r, 'cost_') },
  maxOutputTokens: r.max_output_tokens,
  enabled: r.enabled,
});

/**
 * SQL on purpose: the charge path waits for it on every miss of the rate cache, and one statement
 * reads the rates, the card's switch and the models' switches in one round trip and one snapshot.
 * The card is the one given, else the active one (the most recently activated); a model is on
 * when its switch and its card are.
 */
export const RATES_OF_CARD = `
  select r.*, (c.enabled and coalesce(s.enabled, true)) as enabled
    from model_rates r
    join rate_cards c on c.id = r.rate_card_id
    left join model_switches s on s.model = r.model
   where r.rate_card_id = coalesce(?::uuid, (select rate_card_id from rate_card_activations order by id desc limit 1))
   order by r.model`;
