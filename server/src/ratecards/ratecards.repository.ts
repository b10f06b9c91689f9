import { EntityRepository, raw, type EntityManager } from '@mikro-orm/postgresql';
import { toBigInt } from '../db/sql.js';
import { ModelRateEntity } from './model-rate.entity.js';
import { RateCardActivationEntity } from './ratecard-activation.entity.js';
import { RateCardEntity } from './ratecard.entity.js';
import type { ModelRate } from './ratecard.types.js';

interface RateRow {
  rate_card_id: string;
  model: string;
  input_per1k: string;
  cached_input_per1k: string;
  output_per1k: string;
  cost_input_per1k: string;
  cost_cached_input_per1k: string;
  cost_output_per1k: string;
  max_output_tokens: number | null;
  enabled: boolean;
}

const toModelRate = (r: RateRow): ModelRate => ({
  rateCardId: r.rate_card_id,
  model: r.model,
  provider: 'openai',
  rates: { inputPer1k: toBigInt(r.input_per1k), cachedInputPer1k: toBigInt(r.cached_input_per1k), outputPer1k: toBigInt(r.output_per1k) },
  costs: {
    inputPer1k: toBigInt(r.cost_input_per1k),
    cachedInputPer1k: toBigInt(r.cost_cached_input_per1k),
    outputPer1k: toBigInt(r.cost_output_per1k),
  },
  longContext: null,
  maxOutputTokens: r.max_output_tokens,
  enabled: r.enabled,
});

/**
 * SQL on purpose: the charge path waits for it on every miss of the rate cache, and one statement
 * reads the rates, the card's switch and the models' switches in one round trip and one snapshot.
 * The card is the one given, else the active one (the most recently activated); a model is on
 * when its switch and its card are.
 */
const RATES_OF_CARD = `
  select r.*, (c.enabled and coalesce(s.enabled, true)) as enabled
    from model_rates r
    join rate_cards c on c.id = r.rate_card_id
    left join model_switches s on s.model = r.model
   where r.rate_card_id = coalesce(?::uuid, (select rate_card_id from rate_card_activations order by id desc limit 1))
   order by r.model`;

/** Activations of one card: the last one's id (the highest of all is the active card) and time. */
export interface CardActivations {
  lastId: bigint;
  activatedAt: Date;
}

/** Rate cards, their rates, activations and the model switches. */
export class RateCardRepository extends EntityRepository<RateCardEntity> {
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
  async newestRateOf(model: string): Promise<ModelRateEntity | null> {
    const rates = await this.em.find(ModelRateEntity, { model });
    if (!rates.length) return null;
    const newest = await this.findOne({ id: { $in: rates.map((r) => r.rateCardId) } }, { orderBy: { version: 'desc' } });
    return rates.find((r) => r.rateCardId === newest?.id) ?? null;
  }
}

export const rateCards = (em: EntityManager) => new RateCardRepository(em, RateCardEntity);
