import { Entity, EntityRepositoryType, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { EntityRepository, raw } from '@mikro-orm/postgresql';
import { ModelRateEntity } from './model-rate.entity.js';
import { RateCardActivationEntity } from './ratecard-activation.entity.js';
import type { ModelRate } from './ratecard.types.js';
import { RATES_OF_CARD, toModelRate, type RateRow } from './sql/rates-of-card.js';

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
