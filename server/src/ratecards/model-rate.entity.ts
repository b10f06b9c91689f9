import { BigIntType, Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/** One model's prices on one card (`model_rates`): rates in millicredits per 1k tokens, costs in micro-USD per 1k. */
@Entity({ tableName: 'model_rates' })
export class ModelRateEntity {
  [PrimaryKeyProp]?: ['rateCardId', 'model'];

  @PrimaryKey({ type: 'uuid' })
  rateCardId!: string;

  @PrimaryKey({ type: 'text' })
  model!: string;

  @Property({ type: new BigIntType('bigint') })
  inputPer1k!: bigint;

  @Property({ type: new BigIntType('bigint') })
  cachedInputPer1k!: bigint;

  @Property({ type: new BigIntType('bigint') })
  outputPer1k!: bigint;

  @Property({ type: new BigIntType('bigint') })
  costInputPer1k!: bigint;

  @Property({ type: new BigIntType('bigint') })
  costCachedInputPer1k!: bigint;

  @Property({ type: new BigIntType('bigint') })
  costOutputPer1k!: bigint;

  @Property({ type: 'int', nullable: true })
  maxOutputTokens!: number | null;

  @Property({ type: 'text', default: 'openai' })
  provider!: string;

  /** Optional class rates and costs: null falls back (see money.fullRates). */
  @Property({ type: new BigIntType('bigint'), nullable: true })
  cacheWriteInputPer1k!: bigint | null;
  @Property({ type: new BigIntType('bigint'), nullable: true, fieldName: 'cache_write_1h_input_per1k' })
  cacheWrite1hInputPer1k!: bigint | null;
  @Property({ type: new BigIntType('bigint'), nullable: true })
  audioInputPer1k!: bigint | null;
  @Property({ type: new BigIntType('bigint'), nullable: true })
  audioOutputPer1k!: bigint | null;
  @Property({ type: new BigIntType('bigint'), nullable: true })
  imageInputPer1k!: bigint | null;
  @Property({ type: new BigIntType('bigint'), nullable: true })
  costCacheWriteInputPer1k!: bigint | null;
  @Property({ type: new BigIntType('bigint'), nullable: true, fieldName: 'cost_cache_write_1h_input_per1k' })
  costCacheWrite1hInputPer1k!: bigint | null;
  @Property({ type: new BigIntType('bigint'), nullable: true })
  costAudioInputPer1k!: bigint | null;
  @Property({ type: new BigIntType('bigint'), nullable: true })
  costAudioOutputPer1k!: bigint | null;
  @Property({ type: new BigIntType('bigint'), nullable: true })
  costImageInputPer1k!: bigint | null;

  /** The long-context tier: all null, or a threshold with at least input, cached input and output. */
  @Property({ type: 'int', nullable: true })
  longContextThresholdTokens!: number | null;

  @Property({ type: new BigIntType('bigint'), nullable: true })
  longContextInputPer1k!: bigint | null;
  @Property({ type: new BigIntType('bigint'), nullable: true })
  longContextCachedInputPer1k!: bigint | null;
  @Property({ type: new BigIntType('bigint'), nullable: true })
  longContextCacheWriteInputPer1k!: bigint | null;
  @Property({ type: new BigIntType('bigint'), nullable: true, fieldName: 'long_context_cache_write_1h_input_per1k' })
  longContextCacheWrite1hInputPer1k!: bigint | null;
  @Property({ type: new BigIntType('bigint'), nullable: true })
  longContextOutputPer1k!: bigint | null;
  @Property({ type: new BigIntType('bigint'), nullable: true })
  longContextCostInputPer1k!: bigint | null;
  @Property({ type: new BigIntType('bigint'), nullable: true })
  longContextCostCachedInputPer1k!: bigint | null;
  @Property({ type: new BigIntType('bigint'), nullable: true })
  longContextCostCacheWriteInputPer1k!: bigint | null;
  @Property({ type: new BigIntType('bigint'), nullable: true, fieldName: 'long_context_cost_cache_write_1h_input_per1k' })
  longContextCostCacheWrite1hInputPer1k!: bigint | null;
  @Property({ type: new BigIntType('bigint'), nullable: true })
  longContextCostOutputPer1k!: bigint | null;
}
