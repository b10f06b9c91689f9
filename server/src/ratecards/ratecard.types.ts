import type { Per1kRates } from '../money/money.js';

/** Whose API answers a model's calls. */
export type Provider = 'openai' | 'anthropic';

/** Rates for a whole call whose prompt is above `thresholdTokens` (long-context models). */
export interface LongContextTier {
  thresholdTokens: number;
  rates: Per1kRates;
  costs: Per1kRates;
}

/** One model's prices on a rate card: customer rates in millicredits/1k, costs in micro-USD/1k. */
export interface ModelRate {
  rateCardId: string;
  model: string;
  provider: Provider;
  rates: Per1kRates;
  costs: Per1kRates;
  /** Null: one set of rates whatever the prompt's length. */
  longContext: LongContextTier | null;
  maxOutputTokens: number | null;
  enabled: boolean;
}

export interface RateCard {
  id: string;
  version: number;
  name: string;
  enabled: boolean;
  activatedAt: Date | null;
  active: boolean;
  createdAt: Date;
}

export const PROVIDERS: readonly Provider[] = ['openai', 'anthropic'];

/** The long-context tier's rates as published: credits and USD per 1k, decimal strings. */
export interface LongContextRatesInput {
  inputPer1k?: string | null;
  cachedInputPer1k?: string | null;
  cacheWriteInputPer1k?: string | null;
  cacheWrite1hInputPer1k?: string | null;
  outputPer1k?: string | null;
  costInputPer1kUsd?: string | null;
  costCachedInputPer1kUsd?: string | null;
  costCacheWriteInputPer1kUsd?: string | null;
  costCacheWrite1hInputPer1kUsd?: string | null;
  costOutputPer1kUsd?: string | null;
}

/** One model's row as published. An omitted class rate is the input rate (audio output: the output rate). */
export interface ModelRateInput {
  model: string;
  provider?: string | null;
  inputPer1k: string;
  cachedInputPer1k?: string | null;
  cacheWriteInputPer1k?: string | null;
  cacheWrite1hInputPer1k?: string | null;
  audioInputPer1k?: string | null;
  audioOutputPer1k?: string | null;
  imageInputPer1k?: string | null;
  outputPer1k: string;
  costInputPer1kUsd: string;
  costCachedInputPer1kUsd?: string | null;
  costCacheWriteInputPer1kUsd?: string | null;
  costCacheWrite1hInputPer1kUsd?: string | null;
  costAudioInputPer1kUsd?: string | null;
  costAudioOutputPer1kUsd?: string | null;
  costImageInputPer1kUsd?: string | null;
  costOutputPer1kUsd: string;
  longContextThresholdTokens?: number | null;
  longContext?: LongContextRatesInput | null;
  maxOutputTokens?: number | null;
}

export interface PublishRateCardInput {
  name: string;
  rates: ModelRateInput[];
}
