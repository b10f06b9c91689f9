import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { formatMicroUsd, formatRatePer1k } from '../money/money.js';
import type { ModelRate } from './ratecard.types.js';
import { RequiredText } from '../shared/validate.js';
import { ValidateNested } from 'class-validator';

@ObjectType('LongContextRates', {
  description: 'Rates for a whole call whose prompt is above the threshold; a null class keeps the base rate',
})
export class LongContextRatesGql {
  @Field(() => String)
  inputPer1k!: string;

  @Field(() => String)
  cachedInputPer1k!: string;

  @Field(() => String, { nullable: true })
  cacheWriteInputPer1k!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Credits per 1k tokens written to the prompt cache for 1 hour above the threshold; null: the base 1-hour rate',
  })
  cacheWrite1hInputPer1k!: string | null;

  @Field(() => String)
  outputPer1k!: string;

  @Field(() => String)
  costInputPer1kUsd!: string;

  @Field(() => String)
  costCachedInputPer1kUsd!: string;

  @Field(() => String, { nullable: true })
  costCacheWriteInputPer1kUsd!: string | null;

  @Field(() => String, { nullable: true, description: 'Null: the base 1-hour cache-write cost' })
  costCacheWrite1hInputPer1kUsd!: string | null;

  @Field(() => String)
  costOutputPer1kUsd!: string;
}

@ObjectType('ModelRate')
export class ModelRateGql {
  @Field(() => String)
  model!: string;

  @Field(() => String, { description: 'Credits per 1k uncached input tokens, three decimals' })
  inputPer1k!: string;

  @Field(() => String)
  cachedInputPer1k!: string;

  @Field(() => String)
  outputPer1k!: string;

  @Field(() => Boolean)
  enabled!: boolean;

  @Field(() => String, { description: 'Provider price, USD per 1k input tokens' })
  costInputPer1kUsd!: string;

  @Field(() => String)
  costCachedInputPer1kUsd!: string;

  @Field(() => String)
  costOutputPer1kUsd!: string;

  @Field(() => Int, { nullable: true, description: 'Server-side cap on output tokens per call' })
  maxOutputTokens!: number | null;

  @Field(() => String, { description: 'Whose API answers the model: "openai" or "anthropic"' })
  provider!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Credits per 1k tokens written to the prompt cache (5 minutes); null: the input rate',
  })
  cacheWriteInputPer1k!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Credits per 1k tokens written to the prompt cache for 1 hour; null: the 5-minute rate',
  })
  cacheWrite1hInputPer1k!: string | null;

  @Field(() => String, { nullable: true, description: 'Null: the input rate' })
  audioInputPer1k!: string | null;

  @Field(() => String, { nullable: true, description: 'Null: the output rate' })
  audioOutputPer1k!: string | null;

  @Field(() => String, { nullable: true, description: 'Null: the input rate' })
  imageInputPer1k!: string | null;

  @Field(() => String, { nullable: true })
  costCacheWriteInputPer1kUsd!: string | null;

  @Field(() => String, { nullable: true })
  costCacheWrite1hInputPer1kUsd!: string | null;

  @Field(() => String, { nullable: true })
  costAudioInputPer1kUsd!: string | null;

  @Field(() => String, { nullable: true })
  costAudioOutputPer1kUsd!: string | null;

  @Field(() => String, { nullable: true })
  costImageInputPer1kUsd!: string | null;

  @Field(() => Int, { nullable: true, description: 'Above this many prompt tokens, longContext prices the whole call' })
  longContextThresholdTokens!: number | null;

  @Field(() => LongContextRatesGql, { nullable: true })
  longContext!: LongContextRatesGql | null;
}

const rateOrNull = (v: bigint | null | undefined) => (v === null || v === undefined ? null : formatRatePer1k(v));
const costOrNull = (v: bigint | null | undefined) => (v === null || v === undefined ? null : formatMicroUsd(v));

export const toModelRateGql = (r: ModelRate): ModelRateGql => ({
  model: r.model,
  provider: r.provider,
  inputPer1k: formatRatePer1k(r.rates.inputPer1k),
  cachedInputPer1k: formatRatePer1k(r.rates.cachedInputPer1k),
  outputPer1k: formatRatePer1k(r.rates.outputPer1k),
  cacheWriteInputPer1k: rateOrNull(r.rates.cacheWriteInputPer1k),
  cacheWrite1hInputPer1k: rateOrNull(r.rates.cacheWrite1hInputPer1k),
  audioInputPer1k: rateOrNull(r.rates.audioInputPer1k),
  audioOutputPer1k: rateOrNull(r.rates.audioOutputPer1k),
  imageInputPer1k: rateOrNull(r.rates.imageInputPer1k),
  enabled: r.enabled,
  costInputPer1kUsd: formatMicroUsd(r.costs.inputPer1k),
  costCachedInputPer1kUsd: formatMicroUsd(r.costs.cachedInputPer1k),
  costOutputPer1kUsd: formatMicroUsd(r.costs.outputPer1k),
  costCacheWriteInputPer1kUsd: costOrNull(r.costs.cacheWriteInputPer1k),
  costCacheWrite1hInputPer1kUsd: costOrNull(r.costs.cacheWrite1hInputPer1k),
  costAudioInputPer1kUsd: costOrNull(r.costs.audioInputPer1k),
  costAudioOutputPer1kUsd: costOrNull(r.costs.audioOutputPer1k),
  costImageInputPer1kUsd: costOrNull(r.costs.imageInputPer1k),
  longContextThresholdTokens: r.longContext?.thresholdTokens ?? null,
  longContext: r.longContext
    ? {
        inputPer1k: formatRatePer1k(r.longContext.rates.inputPer1k),
        cachedInputPer1k: formatRatePer1k(r.longContext.rates.cachedInputPer1k),
        cacheWriteInputPer1k: rateOrNull(r.longContext.rates.cacheWriteInputPer1k),
        cacheWrite1hInputPer1k: rateOrNull(r.longContext.rates.cacheWrite1hInputPer1k),
        outputPer1k: formatRatePer1k(r.longContext.rates.outputPer1k),
        costInputPer1kUsd: formatMicroUsd(r.longContext.costs.inputPer1k),
        costCachedInputPer1kUsd: formatMicroUsd(r.longContext.costs.cachedInputPer1k),
        costCacheWriteInputPer1kUsd: costOrNull(r.longContext.costs.cacheWriteInputPer1k),
        costCacheWrite1hInputPer1kUsd: costOrNull(r.longContext.costs.cacheWrite1hInputPer1k),
        costOutputPer1kUsd: formatMicroUsd(r.longContext.costs.outputPer1k),
      }
    : null,
  maxOutputTokens: r.maxOutputTokens,
});

@ObjectType('RateCard')
export class RateCardGql {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => Boolean)
  enabled!: boolean;

  @Field(() => Boolean, { description: 'The card charges use now' })
  active!: boolean;

  @Field(() => Date, { nullable: true, description: 'When this card was last made active' })
  activatedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;
}

@InputType({ description: 'A long-context tier: input and output rates and costs are required; cached input defaults to input' })
export class LongContextRatesInput {
  @Field(() => String, { nullable: true })
  inputPer1k?: string | null;

  @Field(() => String, { nullable: true })
  cachedInputPer1k?: string | null;

  @Field(() => String, { nullable: true, description: 'Omitted: the base cache-write rate' })
  cacheWriteInputPer1k?: string | null;

  @Field(() => String, { nullable: true, description: 'Omitted: the base 1-hour cache-write rate' })
  cacheWrite1hInputPer1k?: string | null;

  @Field(() => String, { nullable: true })
  outputPer1k?: string | null;

  @Field(() => String, { nullable: true })
  costInputPer1kUsd?: string | null;

  @Field(() => String, { nullable: true })
  costCachedInputPer1kUsd?: string | null;

  @Field(() => String, { nullable: true })
  costCacheWriteInputPer1kUsd?: string | null;

  @Field(() => String, { nullable: true, description: 'Omitted: the base 1-hour cache-write cost' })
  costCacheWrite1hInputPer1kUsd?: string | null;

  @Field(() => String, { nullable: true })
  costOutputPer1kUsd?: string | null;
}

@InputType()
export class ModelRateInput {
  @Field(() => String)
  model!: string;

  @Field(() => String)
  inputPer1k!: string;

  @Field(() => String, { nullable: true })
  cachedInputPer1k?: string | null;

  @Field(() => String)
  outputPer1k!: string;

  @Field(() => String)
  costInputPer1kUsd!: string;

  @Field(() => String, { nullable: true })
  costCachedInputPer1kUsd?: string | null;

  @Field(() => String)
  costOutputPer1kUsd!: string;

  @Field(() => Int, { nullable: true })
  maxOutputTokens?: number | null;

  @Field(() => String, { nullable: true, description: '"openai" (the default) or "anthropic"' })
  provider?: string | null;

  @Field(() => String, { nullable: true, description: 'Omitted: the input rate' })
  cacheWriteInputPer1k?: string | null;

  @Field(() => String, { nullable: true, description: 'Omitted: the 5-minute cache-write rate' })
  cacheWrite1hInputPer1k?: string | null;

  @Field(() => String, { nullable: true, description: 'Omitted: the input rate' })
  audioInputPer1k?: string | null;

  @Field(() => String, { nullable: true, description: 'Omitted: the output rate' })
  audioOutputPer1k?: string | null;

  @Field(() => String, { nullable: true, description: 'Omitted: the input rate' })
  imageInputPer1k?: string | null;

  @Field(() => String, { nullable: true })
  costCacheWriteInputPer1kUsd?: string | null;

  @Field(() => String, { nullable: true })
  costCacheWrite1hInputPer1kUsd?: string | null;

  @Field(() => String, { nullable: true })
  costAudioInputPer1kUsd?: string | null;

  @Field(() => String, { nullable: true })
  costAudioOutputPer1kUsd?: string | null;

  @Field(() => String, { nullable: true })
  costImageInputPer1kUsd?: string | null;

  @Field(() => Int, { nullable: true, description: 'With longContext: above this many prompt tokens its rates price the whole call' })
  longContextThresholdTokens?: number | null;

  @ValidateNested()
  @Field(() => LongContextRatesInput, { nullable: true })
  longContext?: LongContextRatesInput | null;
}

@InputType()
export class PublishRateCardInput {
  @RequiredText(200)
  @Field(() => String)
  name!: string;

  @ValidateNested()
  @Field(() => [ModelRateInput])
  rates!: ModelRateInput[];
}
