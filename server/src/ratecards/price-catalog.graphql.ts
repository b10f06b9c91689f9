import { Field, Int, ObjectType } from 'type-graphql';
import { formatUsdPer1M, type Per1kRates } from '../money/money.js';
import type { RateCardDraft } from './catalog-draft.js';
import type { CatalogPrice } from './price-catalog.js';
import { ModelRateGql, toModelRateGql } from './ratecards.graphql.js';

const usd = (value: bigint | null | undefined) => (value === undefined || value === null ? null : formatUsdPer1M(value));

@ObjectType('CatalogLongContextPrice', { description: 'Prices for a whole call whose prompt is above the threshold; USD per 1M tokens' })
export class CatalogLongContextPriceGql {
  @Field(() => String)
  inputPer1MUsd!: string;

  @Field(() => String)
  cachedInputPer1MUsd!: string;

  @Field(() => String, { nullable: true })
  cacheWriteInputPer1MUsd!: string | null;

  @Field(() => String, { nullable: true })
  cacheWrite1hInputPer1MUsd!: string | null;

  @Field(() => String)
  outputPer1MUsd!: string;
}

@ObjectType('CatalogPrice', {
  description: "A provider's price for a model as the bundled catalogue lists it; USD per 1M tokens, null: not priced separately",
})
export class CatalogPriceGql extends CatalogLongContextPriceGql {
  @Field(() => String, { description: '"openai" or "anthropic"' })
  provider!: string;

  @Field(() => String)
  model!: string;

  @Field(() => String, { nullable: true })
  audioInputPer1MUsd!: string | null;

  @Field(() => String, { nullable: true })
  audioOutputPer1MUsd!: string | null;

  @Field(() => String, { nullable: true })
  imageInputPer1MUsd!: string | null;

  @Field(() => Int, { nullable: true, description: 'Prompt tokens above which the long-context prices apply' })
  longContextThresholdTokens!: number | null;

  @Field(() => CatalogLongContextPriceGql, { nullable: true })
  longContext!: CatalogLongContextPriceGql | null;

  @Field(() => String, { description: "The provider's pricing page" })
  source!: string;

  @Field(() => String, { description: 'The day the price was taken from the source (YYYY-MM-DD)' })
  date!: string;

  @Field(() => String)
  catalogVersion!: string;
}

const tierPrices = (costs: Per1kRates): CatalogLongContextPriceGql => ({
  inputPer1MUsd: formatUsdPer1M(costs.inputPer1k),
  cachedInputPer1MUsd: formatUsdPer1M(costs.cachedInputPer1k),
  cacheWriteInputPer1MUsd: usd(costs.cacheWriteInputPer1k),
  cacheWrite1hInputPer1MUsd: usd(costs.cacheWrite1hInputPer1k),
  outputPer1MUsd: formatUsdPer1M(costs.outputPer1k),
});

export const toCatalogPriceGql = (p: CatalogPrice, catalogVersion: string): CatalogPriceGql => ({
  provider: p.provider,
  model: p.model,
  ...tierPrices(p.costs),
  audioInputPer1MUsd: usd(p.costs.audioInputPer1k),
  audioOutputPer1MUsd: usd(p.costs.audioOutputPer1k),
  imageInputPer1MUsd: usd(p.costs.imageInputPer1k),
  longContextThresholdTokens: p.longContext?.thresholdTokens ?? null,
  longContext: p.longContext && tierPrices(p.longContext.costs),
  source: p.source,
  date: p.date,
  catalogVersion,
});

@ObjectType('RateCardDraft', { description: 'A rate card priced from the catalogue, not yet published (publish it with publishRateCard)' })
export class RateCardDraftGql {
  @Field(() => String, { description: 'A suggested name for the published card' })
  name!: string;

  @Field(() => String)
  catalogVersion!: string;

  @Field(() => Int)
  markupPercent!: number;

  @Field(() => [String], { description: 'The models priced from the catalogue; the other rates are the active card’s' })
  draftedModels!: string[];

  @Field(() => [ModelRateGql], { description: 'The whole card as it would be published' })
  rates!: ModelRateGql[];
}

export const toRateCardDraftGql = (d: RateCardDraft): RateCardDraftGql => ({ ...d, rates: d.rates.map(toModelRateGql) });
