import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { writeAudit } from '../audit/audit.service.js';
import type { Principal } from '../auth/roles.js';
import { currentEm } from '../db/unit-of-work.js';
import type { EventBus } from '../shared/events/bus.js';
import { ExpiringCache, type CacheTtl } from '../shared/cache.js';
import { ModelDisabled, ModelNotFound, notFound } from '../shared/errors.js';
import { draftRateCard, type RateCardDraft } from './catalog-draft.js';
import { PRICE_CATALOG, type PriceCatalog } from './price-catalog.js';
import { ModelRateEntity, ModelSwitchEntity, RateCardActivationEntity, RateCardEntity } from './ratecards.repository.js';
import { parseModelName, parseRateCard } from './ratecard.rules.js';
import type { ModelRate, PublishRateCardInput, RateCard } from './ratecard.types.js';

/** What other features may read of rate cards (the audit log names them): the tables stay this feature's. */
export const rateCardRecords = {
  async names(em: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await em.find(RateCardEntity, { id: { $in: ids } }, { fields: ['id', 'name'], disableIdentityMap: true });
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};

export class RateCardsService {
  /** The active card's rates by model, read on every charge and proxied call. */
  private readonly active: ExpiringCache<'active', Map<string, ModelRate>>;

  constructor(
    private readonly em: EntityManager,
    private readonly events: Pick<EventBus, 'publish' | 'on'> | null = null,
    cacheTtlMs: CacheTtl = 5_000,
  ) {
    this.active = new ExpiringCache(cacheTtlMs, 1);
    events?.on('cacheInvalidated', (scope) => {
      if (scope === 'rateCards') this.active.clear();
    });
  }

  /** After a committed change: every instance reads the rate card again at once. */
  private changed(): void {
    if (this.events) this.events.publish('cacheInvalidated', 'rateCards');
    else this.active.clear();
  }

  activeRates(): Promise<ModelRate[]> {
    return currentEm(this.em).getRepository(RateCardEntity).ratesOf(null);
  }

  ratesOf(rateCardId: string): Promise<ModelRate[]> {
    return currentEm(this.em).getRepository(RateCardEntity).ratesOf(rateCardId);
  }

  /**
   * The active rate of `model`, refusing unknown (MODEL_NOT_FOUND) and switched-off (MODEL_DISABLED)
   * models. Served from memory; a publish, rollback or switch anywhere clears it at once.
   */
  async rateFor(modelInput: string): Promise<ModelRate> {
    const model = parseModelName(modelInput);
    const rates = await this.active.get('active', async () => new Map((await this.activeRates()).map((r) => [r.model, r])));
    const rate = rates.get(model);
    if (!rate) throw new ModelNotFound(model);
    if (!rate.enabled) throw new ModelDisabled(model);
    return rate;
  }

  /** The bundled provider price list. */
  priceCatalog(): PriceCatalog {
    return PRICE_CATALOG;
  }

  /** The active card with `models` priced from the catalogue at cost plus `markupPercent`; writes nothing. */
  async draftFromCatalog(markupPercent: number, models: string[]): Promise<RateCardDraft> {
    return draftRateCard(PRICE_CATALOG, await this.activeRates(), markupPercent, models);
  }

  /** Every version, newest first, with when it was last activated and which one is active. */
  async cards(): Promise<RateCard[]> {
    const repository = currentEm(this.em).getRepository(RateCardEntity);
    const cards = await repository.findAll({ orderBy: { version: 'desc' } });
    const activations = await repository.activationsByCard();
    const lastIds = [...activations.values()].map((a) => a.lastId);
    const activeLastId = lastIds.length ? lastIds.reduce((a, b) => (b > a ? b : a)) : null;
    return cards.map((c) => {
      const activation = activations.get(c.id);
      return {
        id: c.id,
        version: c.version,
        name: c.name,
        enabled: c.enabled,
        createdAt: new Date(c.createdAt),
        activatedAt: activation ? activation.activatedAt : null,
        active: activation !== undefined && activation.lastId === activeLastId,
      };
    });
  }

  async card(id: string): Promise<RateCard> {
    const card = (await this.cards()).find((c) => c.id === id);
    if (!card) throw notFound(`Rate card ${id} not found`);
    return card;
  }

  /** Publishes a new version and makes it active at once; the previous version stays for rollback. */
  async publish(actor: Principal | null, input: PublishRateCardInput): Promise<RateCard> {
    const parsed = parseRateCard(input);
    const actorKeyId = actor?.keyId ?? null;
    const id = await currentEm(this.em).transactional(async (em) => {
      const previous = await em.getRepository(RateCardEntity).activeCardId();
      const card = em.create(RateCardEntity, { name: parsed.name, createdBy: actorKeyId });
      await em.flush();
      await em.insertMany(
        ModelRateEntity,
        parsed.rates.map((r) => ({ rateCardId: card.id, ...r })),
      );
      await em.insert(RateCardActivationEntity, { rateCardId: card.id, actorKeyId });
      await writeAudit(em, {
        actor,
        action: 'rateCard.publish',
        targetType: 'rate_card',
        targetId: card.id,
        before: { activeRateCardId: previous },
        after: { version: card.version, name: parsed.name, rates: parsed.rates },
      });
      return card.id;
    });
    this.changed();
    return this.card(id);
  }

  /** Rollback (or roll forward): makes an existing version the active one. */
  async activate(actor: Principal, id: string): Promise<RateCard> {
    await currentEm(this.em).transactional(async (em) => {
      const cards = em.getRepository(RateCardEntity);
      if (!(await cards.count({ id }))) throw notFound(`Rate card ${id} not found`);
      const previous = await cards.activeCardId();
      await em.insert(RateCardActivationEntity, { rateCardId: id, actorKeyId: actor.keyId });
      await writeAudit(em, {
        actor,
        action: 'rateCard.activate',
        targetType: 'rate_card',
        targetId: id,
        before: { activeRateCardId: previous },
        after: { activeRateCardId: id },
      });
    });
    this.changed();
    return this.card(id);
  }

  /** The per-rate-card safety switch: a disabled active card refuses every model on it. */
  async setCardEnabled(actor: Principal, id: string, enabled: boolean): Promise<RateCard> {
    await currentEm(this.em).transactional(async (em) => {
      const card = await em.getRepository(RateCardEntity).findOne({ id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!card) throw notFound(`Rate card ${id} not found`);
      const before = card.enabled;
      card.enabled = enabled;
      await em.flush();
      await writeAudit(em, {
        actor,
        action: 'rateCard.setEnabled',
        targetType: 'rate_card',
        targetId: id,
        before: { enabled: before },
        after: { enabled },
      });
    });
    this.changed();
    return this.card(id);
  }

  /** The per-model switch; read on every charge, so it takes effect at once on every instance. */
  async setModelEnabled(actor: Principal, modelInput: string, enabled: boolean): Promise<ModelRate> {
    const model = parseModelName(modelInput);
    await currentEm(this.em).transactional(async (em) => {
      if (!(await em.getRepository(RateCardEntity).isOnAnyCard(model))) throw notFound(`Model "${model}" is on no rate card`);
      const before = await em.findOne(ModelSwitchEntity, { model }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      // An upsert: two first switches of a model at once must not collide on the missing row.
      await em.createQueryBuilder(ModelSwitchEntity).insert({ model, enabled }).onConflict('model').merge(['enabled', 'updatedAt']);
      await writeAudit(em, {
        actor,
        action: 'model.setEnabled',
        targetType: 'model',
        targetId: model,
        before: { enabled: before?.enabled ?? true },
        after: { enabled },
      });
    });
    this.changed();
    const active = (await this.activeRates()).find((r) => r.model === model);
    if (active) return active;
    const newest = await currentEm(this.em).getRepository(RateCardEntity).newestRateOf(model);
    return { ...newest!, enabled };
  }
}
