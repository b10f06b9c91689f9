import { parseCredits, usdToMicros } from '../../shared/money';

type Maybe = string | null | undefined;

/** A catalogue price as the API gives it (USD per 1M tokens; null: the class is not priced on its own). */
export interface CatalogPriceRow {
  provider: string;
  model: string;
  inputPer1MUsd: string;
  cachedInputPer1MUsd: string;
  outputPer1MUsd: string;
  cacheWriteInputPer1MUsd?: Maybe;
  cacheWrite1hInputPer1MUsd?: Maybe;
  audioInputPer1MUsd?: Maybe;
  audioOutputPer1MUsd?: Maybe;
  imageInputPer1MUsd?: Maybe;
  longContextThresholdTokens?: number | null;
  longContext?: {
    inputPer1MUsd: string;
    cachedInputPer1MUsd: string;
    cacheWriteInputPer1MUsd?: Maybe;
    cacheWrite1hInputPer1MUsd?: Maybe;
    outputPer1MUsd: string;
  } | null;
}

/** A rate of the active card as the API gives it (credits and USD per 1k tokens). */
export interface CardRateRow {
  model: string;
  inputPer1k: string;
  cachedInputPer1k: string;
  outputPer1k: string;
  costInputPer1kUsd: string;
  costCachedInputPer1kUsd: string;
  costOutputPer1kUsd: string;
  cacheWriteInputPer1k?: Maybe;
  cacheWrite1hInputPer1k?: Maybe;
  audioInputPer1k?: Maybe;
  audioOutputPer1k?: Maybe;
  imageInputPer1k?: Maybe;
  costCacheWriteInputPer1kUsd?: Maybe;
  costCacheWrite1hInputPer1kUsd?: Maybe;
  costAudioInputPer1kUsd?: Maybe;
  costAudioOutputPer1kUsd?: Maybe;
  costImageInputPer1kUsd?: Maybe;
  longContextThresholdTokens?: number | null;
  longContext?: {
    inputPer1k: string;
    cachedInputPer1k: string;
    cacheWriteInputPer1k?: Maybe;
    cacheWrite1hInputPer1k?: Maybe;
    outputPer1k: string;
    costInputPer1kUsd: string;
    costCachedInputPer1kUsd: string;
    costCacheWriteInputPer1kUsd?: Maybe;
    costCacheWrite1hInputPer1kUsd?: Maybe;
    costOutputPer1kUsd: string;
  } | null;
}

/**
 * A token class: how to read it from each side, and the class it falls back to when a side does
 * not price it on its own (as the server charges it: cache writes, audio and image input at the
 * input rate, audio output at the output rate, a 1-hour write at the 5-minute one).
 */
interface TokenClass {
  label: string;
  catalog: (p: CatalogPriceRow) => Maybe;
  rate: (r: CardRateRow) => Maybe;
  cost: (r: CardRateRow) => Maybe;
  fallback?: number;
}

const BASE: TokenClass[] = [
  { label: 'Input', catalog: (p) => p.inputPer1MUsd, rate: (r) => r.inputPer1k, cost: (r) => r.costInputPer1kUsd },
  { label: 'Cached input', catalog: (p) => p.cachedInputPer1MUsd, rate: (r) => r.cachedInputPer1k, cost: (r) => r.costCachedInputPer1kUsd },
  { label: 'Output', catalog: (p) => p.outputPer1MUsd, rate: (r) => r.outputPer1k, cost: (r) => r.costOutputPer1kUsd },
  {
    label: 'Cache write (5 min)',
    catalog: (p) => p.cacheWriteInputPer1MUsd,
    rate: (r) => r.cacheWriteInputPer1k,
    cost: (r) => r.costCacheWriteInputPer1kUsd,
    fallback: 0,
  },
  {
    label: 'Cache write (1 h)',
    catalog: (p) => p.cacheWrite1hInputPer1MUsd,
    rate: (r) => r.cacheWrite1hInputPer1k,
    cost: (r) => r.costCacheWrite1hInputPer1kUsd,
    fallback: 3,
  },
  {
    label: 'Audio input',
    catalog: (p) => p.audioInputPer1MUsd,
    rate: (r) => r.audioInputPer1k,
    cost: (r) => r.costAudioInputPer1kUsd,
    fallback: 0,
  },
  {
    label: 'Audio output',
    catalog: (p) => p.audioOutputPer1MUsd,
    rate: (r) => r.audioOutputPer1k,
    cost: (r) => r.costAudioOutputPer1kUsd,
    fallback: 2,
  },
  {
    label: 'Image input',
    catalog: (p) => p.imageInputPer1MUsd,
    rate: (r) => r.imageInputPer1k,
    cost: (r) => r.costImageInputPer1kUsd,
    fallback: 0,
  },
];

/** One token class of one model, all in micro-dollars (= millicredits) per 1k tokens, exact. */
export interface ClassComparison {
  label: string;
  /** Null: the model is not in the catalogue. */
  catalogCost: bigint | null;
  cardCost: bigint;
  rate: bigint;
  /** (rate − cost) / cost, for display; null when the cost is 0. */
  marginOverCost: number | null;
  differs: boolean;
}

export interface ModelComparison {
  model: string;
  inCatalog: boolean;
  /** The card's cost of some class is not the catalogue's. */
  differs: boolean;
  classes: ClassComparison[];
}

/** USD per 1M tokens ("2.500") -> micro-dollars per 1k (2500): the digits moved, never a float. */
export const per1MToMicrosPer1k = (usdPer1M: string) => usdToMicros(usdPer1M) / 1000n;

const millicredits = (credits: string) => {
  const parsed = parseCredits(credits);
  return parsed.ok ? parsed.millicredits : 0n;
};

/** Each class's value on one side, with the fallbacks resolved in order. */
function resolve<T>(classes: TokenClass[], read: (c: TokenClass) => Maybe, parse: (s: string) => T): T[] {
  const values: T[] = [];
  classes.forEach((c, i) => {
    const own = read(c);
    values[i] = own !== null && own !== undefined ? parse(own) : values[c.fallback ?? i];
  });
  return values;
}

function compareClasses(classes: TokenClass[], rate: CardRateRow, price: CatalogPriceRow | null, suffix = ''): ClassComparison[] {
  const costs = resolve(classes, (c) => c.cost(rate), usdToMicros);
  const rates = resolve(classes, (c) => c.rate(rate), millicredits);
  const catalog = price ? resolve(classes, (c) => c.catalog(price), per1MToMicrosPer1k) : null;
  // A class is shown when either side prices it on its own; the first three always.
  return classes.flatMap((c, i) => {
    const named = i < 3 || !!c.rate(rate) || !!c.cost(rate) || (price !== null && !!c.catalog(price));
    if (!named) return [];
    const catalogCost = catalog ? catalog[i] : null;
    return [
      {
        label: c.label + suffix,
        catalogCost,
        cardCost: costs[i],
        rate: rates[i],
        marginOverCost: costs[i] === 0n ? null : Number(rates[i] - costs[i]) / Number(costs[i]),
        differs: catalogCost !== null && catalogCost !== costs[i],
      },
    ];
  });
}

/** A tier's classes that it prices; the others keep the base rate, as the server charges them. */
const named = <T extends object>(tier: T): Partial<T> =>
  Object.fromEntries(Object.entries(tier).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;

/**
 * A tier that names its 5-minute write but not its 1-hour one keeps the base 1-hour class as the
 * server resolves it (the base 5-minute write, else the base input), not the tier's 5-minute write.
 */
function pinOneHour<T extends object>(base: T, tier: Record<string, unknown>, oneHour: keyof T, fiveMin: keyof T, input: keyof T): T {
  const key = oneHour as string;
  if (tier[fiveMin as string] == null || tier[key] != null || base[oneHour] != null) return base;
  return { ...base, [key]: base[fiveMin] ?? base[input] };
}

/** The long-context tier of the card and the catalogue as a rate row and a price row of their own. */
function tierOf(
  rate: CardRateRow,
  price: CatalogPriceRow | null,
): { rate: CardRateRow; price: CatalogPriceRow | null; threshold: number } | null {
  const threshold = rate.longContextThresholdTokens ?? price?.longContextThresholdTokens;
  if (!threshold) return null;
  const base = { ...rate, longContext: null, longContextThresholdTokens: null };
  const rateTier = rate.longContext ?? {};
  const baseRate = pinOneHour(
    pinOneHour(base, rateTier, 'cacheWrite1hInputPer1k', 'cacheWriteInputPer1k', 'inputPer1k'),
    rateTier,
    'costCacheWrite1hInputPer1kUsd',
    'costCacheWriteInputPer1kUsd',
    'costInputPer1kUsd',
  );
  const priceTier = price?.longContext;
  return {
    threshold,
    rate: { ...baseRate, ...named(rateTier) },
    price:
      price && priceTier
        ? { ...pinOneHour(price, priceTier, 'cacheWrite1hInputPer1MUsd', 'cacheWriteInputPer1MUsd', 'inputPer1MUsd'), ...named(priceTier) }
        : price,
  };
}

/** Per model on the card, its costs against the catalogue and its margin per class; and the catalogue's models not on the card. */
export function compareWithCatalog(card: CardRateRow[], catalog: CatalogPriceRow[]) {
  const prices = new Map(catalog.map((p) => [p.model, p]));
  const models: ModelComparison[] = card.map((rate) => {
    const price = prices.get(rate.model) ?? null;
    const classes = compareClasses(BASE, rate, price);
    const tier = tierOf(rate, price);
    if (tier)
      classes.push(...compareClasses(BASE.slice(0, 5), tier.rate, tier.price, ` (prompt above ${tier.threshold.toLocaleString('en-US')})`));
    return { model: rate.model, inCatalog: !!price, differs: classes.some((c) => c.differs), classes };
  });
  const onCard = new Set(card.map((r) => r.model));
  return { models, notOnCard: catalog.filter((p) => !onCard.has(p.model)) };
}
