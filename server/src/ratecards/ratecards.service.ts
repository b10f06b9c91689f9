import type { EntityManager } from '@mikro-orm/postgresql';
import { writeAudit } from '../audit/audit.service.js';
import type { Principal } from '../auth/roles.js';
import { inTransaction, sqlOf, toBigInt, type Sql } from '../db/sql.js';
import type { BalanceEvents } from '../ledger/balance-events.js';
import { ExpiringCache, type CacheTtl } from '../shared/cache.js';
import { ModelDisabled, notFound } from '../shared/errors.js';
import { parseId } from '../shared/validate.js';
import { parseModelName, parseRateCard } from './ratecard.rules.js';
import type { ModelRate, PublishRateCardInput, RateCard } from './ratecard.types.js';

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
  rates: { inputPer1k: toBigInt(r.input_per1k), cachedInputPer1k: toBigInt(r.cached_input_per1k), outputPer1k: toBigInt(r.output_per1k) },
  costs: {
    inputPer1k: toBigInt(r.cost_input_per1k),
    cachedInputPer1k: toBigInt(r.cost_cached_input_per1k),
    outputPer1k: toBigInt(r.cost_output_per1k),
  },
  maxOutputTokens: r.max_output_tokens,
  enabled: r.enabled,
});

/** The active card is the most recently activated one; a model is on when its switch and its card are. */
const RATES_OF_CARD = `
  select r.*, (c.enabled and coalesce(s.enabled, true)) as enabled
    from model_rates r
    join rate_cards c on c.id = r.rate_card_id
    left join model_switches s on s.model = r.model
   where r.rate_card_id = ?::uuid`;

const ACTIVE_CARD_ID = `(select rate_card_id from rate_card_activations order by id desc limit 1)`;

interface CardRow {
  id: string;
  version: number;
  name: string;
  enabled: boolean;
  created_at: Date;
  activated_at: Date | null;
  active: boolean;
}

const toCard = (r: CardRow): RateCard => ({
  id: r.id,
  version: r.version,
  name: r.name,
  enabled: r.enabled,
  createdAt: new Date(r.created_at),
  activatedAt: r.activated_at ? new Date(r.activated_at) : null,
  active: r.active,
});

export class RateCardsService {
  /** The active card's rates by model, read on every charge and proxied call. */
  private readonly active: ExpiringCache<'active', Map<string, ModelRate>>;

  constructor(
    private readonly em: EntityManager,
    private readonly events: Pick<BalanceEvents, 'invalidate' | 'onInvalidate'> | null = null,
    cacheTtlMs: CacheTtl = 5_000,
  ) {
    this.active = new ExpiringCache(cacheTtlMs, 1);
    events?.onInvalidate((scope) => {
      if (scope === 'rateCards') this.active.clear();
    });
  }

  /** After a committed change: every instance reads the rate card again at once. */
  private changed(): void {
    if (this.events) this.events.invalidate('rateCards');
    else this.active.clear();
  }

  private sql(): Sql {
    return sqlOf(this.em.fork());
  }

  async activeRates(): Promise<ModelRate[]> {
    const rows = await this.sql().query<RateRow>(`${RATES_OF_CARD.replace('?::uuid', ACTIVE_CARD_ID)} order by r.model`);
    return rows.map(toModelRate);
  }

  async ratesOf(rateCardId: string): Promise<ModelRate[]> {
    const rows = await this.sql().query<RateRow>(`${RATES_OF_CARD} order by r.model`, [rateCardId]);
    return rows.map(toModelRate);
  }

  /**
   * The active rate of `model`, refusing unknown (NOT_FOUND) and switched-off (MODEL_DISABLED)
   * models. Served from memory; a publish, rollback or switch anywhere clears it at once.
   */
  async rateFor(modelInput: string): Promise<ModelRate> {
    const model = parseModelName(modelInput);
    const rates = await this.active.get('active', async () => new Map((await this.activeRates()).map((r) => [r.model, r])));
    const rate = rates.get(model);
    if (!rate) throw notFound(`Model "${model}" is not on the active rate card`);
    if (!rate.enabled) throw new ModelDisabled(model);
    return rate;
  }

  async cards(): Promise<RateCard[]> {
    const rows = await this.sql().query<CardRow>(
      `select c.*, a.activated_at, (c.id = ${ACTIVE_CARD_ID}) as active
         from rate_cards c
         left join lateral (select max(activated_at) as activated_at from rate_card_activations where rate_card_id = c.id) a on true
        order by c.version desc`,
    );
    return rows.map(toCard);
  }

  async card(id: string): Promise<RateCard> {
    const card = (await this.cards()).find((c) => c.id === parseId(id, 'rateCardId'));
    if (!card) throw notFound(`Rate card ${id} not found`);
    return card;
  }

  /** Publishes a new version and makes it active at once; the previous version stays for rollback. */
  async publish(actor: Principal | null, input: PublishRateCardInput): Promise<RateCard> {
    const parsed = parseRateCard(input);
    const id = await inTransaction(this.em.fork(), async (sql) => {
      const previous = await sql.query<{ rate_card_id: string }>(`select ${ACTIVE_CARD_ID} as rate_card_id`);
      const [card] = await sql.query<{ id: string; version: number }>(
        `insert into rate_cards (name, created_by) values (?, ?::uuid) returning id, version`,
        [parsed.name, actor?.keyId ?? null],
      );
      for (const r of parsed.rates) {
        await sql.query(
          `insert into model_rates (rate_card_id, model, input_per1k, cached_input_per1k, output_per1k,
             cost_input_per1k, cost_cached_input_per1k, cost_output_per1k, max_output_tokens)
           values (?::uuid, ?, ?::bigint, ?::bigint, ?::bigint, ?::bigint, ?::bigint, ?::bigint, ?::int)`,
          [
            card.id,
            r.model,
            r.inputPer1k,
            r.cachedInputPer1k,
            r.outputPer1k,
            r.costInputPer1k,
            r.costCachedInputPer1k,
            r.costOutputPer1k,
            r.maxOutputTokens,
          ].map((v) => (typeof v === 'bigint' ? v.toString() : v)),
        );
      }
      await sql.query(`insert into rate_card_activations (rate_card_id, actor_key_id) values (?::uuid, ?::uuid)`, [
        card.id,
        actor?.keyId ?? null,
      ]);
      await writeAudit(sql, {
        actor,
        action: 'rateCard.publish',
        targetType: 'rate_card',
        targetId: card.id,
        before: { activeRateCardId: previous[0]?.rate_card_id ?? null },
        after: { version: card.version, name: parsed.name, rates: parsed.rates },
      });
      return card.id;
    });
    this.changed();
    return this.card(id);
  }

  /** Rollback (or roll forward): makes an existing version the active one. */
  async activate(actor: Principal, rateCardId: string): Promise<RateCard> {
    const id = parseId(rateCardId, 'rateCardId');
    await inTransaction(this.em.fork(), async (sql) => {
      const exists = await sql.query(`select 1 from rate_cards where id = ?::uuid`, [id]);
      if (!exists.length) throw notFound(`Rate card ${id} not found`);
      const previous = await sql.query<{ rate_card_id: string }>(`select ${ACTIVE_CARD_ID} as rate_card_id`);
      await sql.query(`insert into rate_card_activations (rate_card_id, actor_key_id) values (?::uuid, ?::uuid)`, [id, actor.keyId]);
      await writeAudit(sql, {
        actor,
        action: 'rateCard.activate',
        targetType: 'rate_card',
        targetId: id,
        before: { activeRateCardId: previous[0]?.rate_card_id ?? null },
        after: { activeRateCardId: id },
      });
    });
    this.changed();
    return this.card(id);
  }

  /** The per-rate-card safety switch: a disabled active card refuses every model on it. */
  async setCardEnabled(actor: Principal, rateCardId: string, enabled: boolean): Promise<RateCard> {
    const id = parseId(rateCardId, 'rateCardId');
    await inTransaction(this.em.fork(), async (sql) => {
      const [row] = await sql.query<{ enabled: boolean }>(`select enabled from rate_cards where id = ?::uuid for update`, [id]);
      if (!row) throw notFound(`Rate card ${id} not found`);
      await sql.query(`update rate_cards set enabled = ? where id = ?::uuid`, [enabled, id]);
      await writeAudit(sql, {
        actor,
        action: 'rateCard.setEnabled',
        targetType: 'rate_card',
        targetId: id,
        before: { enabled: row.enabled },
        after: { enabled },
      });
    });
    this.changed();
    return this.card(id);
  }

  /** The per-model switch; read on every charge, so it takes effect at once on every instance. */
  async setModelEnabled(actor: Principal, modelInput: string, enabled: boolean): Promise<ModelRate> {
    const model = parseModelName(modelInput);
    await inTransaction(this.em.fork(), async (sql) => {
      const onCard = await sql.query(`select 1 from model_rates where model = ? limit 1`, [model]);
      if (!onCard.length) throw notFound(`Model "${model}" is on no rate card`);
      const [before] = await sql.query<{ enabled: boolean }>(`select enabled from model_switches where model = ? for update`, [model]);
      await sql.query(
        `insert into model_switches (model, enabled) values (?, ?)
         on conflict (model) do update set enabled = excluded.enabled, updated_at = now()`,
        [model, enabled],
      );
      await writeAudit(sql, {
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
    const rows = await this.sql().query<RateRow>(
      `select r.*, ? as enabled from model_rates r join rate_cards c on c.id = r.rate_card_id where r.model = ? order by c.version desc limit 1`,
      [enabled, model],
    );
    return toModelRate(rows[0]);
  }
}
