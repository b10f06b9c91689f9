import { markedUp, type Per1kRates } from '../money/money.js';
import { badInput, ModelNotFound } from '../shared/errors.js';
import type { CatalogPrice, PriceCatalog } from './price-catalog.js';
import { parseModelName } from './ratecard.rules.js';
import type { ModelRate } from './ratecard.types.js';

export const MAX_MARKUP_PERCENT = 1000;

export interface RateCardDraft {
  name: string;
  catalogVersion: string;
  markupPercent: number;
  /** The models priced from the catalogue, in the order asked. */
  draftedModels: string[];
  /** The whole card as it would be published: the active card with the drafted models added or replaced. */
  rates: ModelRate[];
}

/** Each class of `costs` marked up; a class the provider does not price separately stays omitted (its fallback). */
function markUp(costs: Per1kRates, markupPercent: number): Per1kRates {
  const percent = BigInt(markupPercent);
  const rates: Partial<Record<keyof Per1kRates, bigint>> = {};
  for (const [name, cost] of Object.entries(costs) as [keyof Per1kRates, bigint | null | undefined][]) {
    if (cost !== undefined && cost !== null) rates[name] = markedUp(cost, percent);
  }
  return rates as Per1kRates;
}

function draftedRate(price: CatalogPrice, markupPercent: number, current: ModelRate | undefined): ModelRate {
  return {
    rateCardId: '',
    model: price.model,
    provider: price.provider,
    rates: markUp(price.costs, markupPercent),
    costs: price.costs,
    longContext: price.longContext && {
      thresholdTokens: price.longContext.thresholdTokens,
      rates: markUp(price.longContext.costs, markupPercent),
      costs: price.longContext.costs,
    },
    maxOutputTokens: current?.maxOutputTokens ?? null,
    enabled: current?.enabled ?? true,
  };
}

/**
 * A rate card priced from the catalogue: each of `models` at its catalogue cost, customer rates
 * `markupPercent` above it (rounded up, so no class earns less); the other models of the active
 * card as they are. Nothing is written: publishing it goes through publishRateCard.
 */
export function draftRateCard(catalog: PriceCatalog, active: ModelRate[], markupPercent: number, models: string[]): RateCardDraft {
  if (!Number.isInteger(markupPercent) || markupPercent < 0 || markupPercent > MAX_MARKUP_PERCENT) {
    throw badInput(`markupPercent must be a whole number from 0 to ${MAX_MARKUP_PERCENT}`, { field: 'markupPercent' });
  }
  if (models.length === 0) throw badInput('models must name at least one model of the catalogue', { field: 'models' });
  if (models.length > 500) throw badInput('at most 500 models', { field: 'models' });
  const drafted = [...new Set(models.map(parseModelName))];
  const byModel = new Map(catalog.prices.map((p) => [p.model, p]));
  const current = new Map(active.map((r) => [r.model, r]));
  const priced = drafted.map((model) => {
    const price = byModel.get(model);
    if (!price) throw new ModelNotFound(model, 'the price catalogue');
    return draftedRate(price, markupPercent, current.get(model));
  });
  const kept = active.filter((r) => !drafted.includes(r.model));
  return {
    name: `Catalogue ${catalog.version} +${markupPercent}%`,
    catalogVersion: catalog.version,
    markupPercent,
    draftedModels: drafted,
    rates: [...kept, ...priced].sort((a, b) => a.model.localeCompare(b.model)),
  };
}
