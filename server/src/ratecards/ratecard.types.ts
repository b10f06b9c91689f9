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

export interface ModelRateInput {
  model: string;
  inputPer1k: string;
  cachedInputPer1k?: string | null;
  outputPer1k: string;
  costInputPer1kUsd: string;
  costCachedInputPer1kUsd?: string | null;
  costOutputPer1kUsd: string;
  maxOutputTokens?: number | null;
}

export interface PublishRateCardInput {
  name: string;
  rates: ModelRateInput[];
}
