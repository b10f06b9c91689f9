import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { formatMicroUsd, formatRatePer1k } from '../money/money.js';
import type { ModelRate } from './ratecard.types.js';

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
}

export const toModelRateGql = (r: ModelRate): ModelRateGql => ({
  model: r.model,
  inputPer1k: formatRatePer1k(r.rates.inputPer1k),
  cachedInputPer1k: formatRatePer1k(r.rates.cachedInputPer1k),
  outputPer1k: formatRatePer1k(r.rates.outputPer1k),
  enabled: r.enabled,
  costInputPer1kUsd: formatMicroUsd(r.costs.inputPer1k),
  costCachedInputPer1kUsd: formatMicroUsd(r.costs.cachedInputPer1k),
  costOutputPer1kUsd: formatMicroUsd(r.costs.outputPer1k),
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
}

@InputType()
export class PublishRateCardInput {
  @Field(() => String)
  name!: string;

  @Field(() => [ModelRateInput])
  rates!: ModelRateInput[];
}
