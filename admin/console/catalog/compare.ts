import { parseCredits, usdToMicros } from '../../shared/money';

/** What the page needs of a catalogue price (USD per 1M tokens) and of a card's rate (per 1k). */
export interface CatalogPriceRow {
  provider: string;
  model: string;
  inputPer1MUsd: string;
  cachedInputPer1MUsd: string;
  outputPer1MUsd: string;
}
export interface CardRateRow {
  model: string;
  inputPer1k: string;
  cachedInputPer1k: string;
  outputPer1k: string;
  costInputPer1kUsd: string;
  costCachedInputPer1kUsd: string;
  costOutputPer1kUsd: string;
}

const CLASSES = [
  { label: 'Input', catalog: 'inputPer1MUsd', rate: 'inputPer1k', cost: 'costInputPer1kUsd' },
  { label: 'Cached input', catalog: 'cachedInputPer1MUsd', rate: 'cachedInputPer1k', cost: 'costCachedInputPer1kUsd' },
  { label: 'Output', catalog: 'outputPer1MUsd', rate: 'outputPer1k', cost: 'costOutputPer1kUsd' },
] as const;

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

/** Per model on the card, its costs against the catalogue and its margin per class; and the catalogue's models not on the card. */
export function compareWithCatalog(card: CardRateRow[], catalog: CatalogPriceRow[]) {
  const prices = new Map(catalog.map((p) => [p.model, p]));
  const models: ModelComparison[] = card.map((rate) => {
    const price = prices.get(rate.model);
    const classes = CLASSES.map((c): ClassComparison => {
      const cardCost = usdToMicros(rate[c.cost]);
      const catalogCost = price ? per1MToMicrosPer1k(price[c.catalog]) : null;
      const charged = millicredits(rate[c.rate]);
      return {
        label: c.label,
        catalogCost,
        cardCost,
        rate: charged,
        marginOverCost: cardCost === 0n ? null : Number(charged - cardCost) / Number(cardCost),
        differs: catalogCost !== null && catalogCost !== cardCost,
      };
    });
    return { model: rate.model, inCatalog: !!price, differs: classes.some((c) => c.differs), classes };
  });
  const onCard = new Set(card.map((r) => r.model));
  return { models, notOnCard: catalog.filter((p) => !onCard.has(p.model)) };
}
