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
}
