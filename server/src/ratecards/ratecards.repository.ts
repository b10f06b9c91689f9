import { BigIntType, Entity, EntityRepositoryType, PrimaryKey, PrimaryKeyProp, Property, type Opt } from '@mikro-orm/core';
import { EntityRepository, raw } from '@mikro-orm/postgresql';
import type { ModelRate } from './ratecard.types.js';
import { RATES_OF_CARD, toModelRate, type RateRow } from './queries/rates-of-card.js';

/** A published version of the prices (`rate_cards`); never deleted, so every usage row's card stays. */
@Entity({ tableName: 'rate_cards', repository: () => RateCardRepository })
export class RateCardEntity {
  [EntityRepositoryType]?: RateCardRepository;

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  /** Numbered by the database (an identity column), in publishing order. */
  @Property({ type: 'int', generated: 'identity' })
  version!: Opt<number>;

  @Property({ type: 'text' })
  name!: string;

  /** The per-card safety switch: a disabled active card refuses every model on it. */
  @Property({ type: 'boolean', defaultRaw: 'true' })
  enabled!: Opt<boolean>;

  /** The API key that published it (null: seeded or bootstrapped). */
  @Property({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Opt<Date>;
}

/** Activations of one card: the last one's id (the highest of all is the active card) and time. */
export interface CardActivations {
  lastId: bigint;
  activatedAt: Date;
}

/** Rate cards, their rates, activations and the model switches. */
class RateCardRepository extends EntityRepository<RateCardEntity> {
  /** The rates of a card (null: of the active one), each with whether it is on now. */
  async ratesOf(rateCardId: string | null): Promise<ModelRate[]> {
    const rows: RateRow[] = await this.em.execute(RATES_OF_CARD, [rateCardId]);
    return rows.map(toModelRate);
  }

  /** The most recently activated card, or null before the first publish. */
  async activeCardId(): Promise<string | null> {
    const [last] = await this.em.find(RateCardActivationEntity, {}, { orderBy: { id: 'desc' }, limit: 1 });
    return last?.rateCardId ?? null;
  }

  async activationsByCard(): Promise<Map<string, CardActivations>> {
    const rows: { rateCardId: string; lastId: string; activatedAt: Date | string }[] = await this.em
      .createQueryBuilder(RateCardActivationEntity)
      .select(['rateCardId', raw('max(id) as "lastId"'), raw('max(activated_at) as "activatedAt"')])
      .groupBy('rateCardId')
      .execute();
    return new Map(rows.map((r) => [r.rateCardId, { lastId: BigInt(r.lastId), activatedAt: new Date(r.activatedAt) }]));
  }

  async isOnAnyCard(model: string): Promise<boolean> {
    return (await this.em.count(ModelRateEntity, { model })) > 0;
  }

  /** `model` as the newest card that lists it prices it. */
  async newestRateOf(model: string): Promise<ModelRate | null> {
    const rates = await this.em.find(ModelRateEntity, { model });
    if (!rates.length) return null;
    const newest = await this.findOne({ id: { $in: rates.map((r) => r.rateCardId) } }, { orderBy: { version: 'desc' } });
    if (!newest) return null;
    return (await this.ratesOf(newest.id)).find((r) => r.model === model) ?? null;
  }
}

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

/** One publish or rollback (`rate_card_activations`, append-only): the newest row names the active card. */
@Entity({ tableName: 'rate_card_activations' })
export class RateCardActivationEntity {
  @PrimaryKey({ type: new BigIntType('string') })
  id!: string;

  @Property({ type: 'uuid' })
  rateCardId!: string;

  @Property({ type: 'uuid', nullable: true })
  actorKeyId!: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  activatedAt!: Opt<Date>;
}

/** The per-model switch (`model_switches`); a model without a row is on. */
@Entity({ tableName: 'model_switches' })
export class ModelSwitchEntity {
  @PrimaryKey({ type: 'text' })
  model!: string;

  @Property({ type: 'boolean' })
  enabled!: boolean;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Opt<Date>;
}
