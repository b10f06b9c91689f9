import { DomainError } from '../shared/errors.js';
import { parseUsdPer1M, type Per1kRates } from '../money/money.js';
import { PRICE_CATALOG_DATA } from './price-catalog.data.js';
import { parseModelName } from './ratecard.rules.js';
import type { Provider } from './ratecard.types.js';

/** One model's provider prices, in micro-USD per 1k tokens (the unit of a rate card's costs). */
export interface CatalogPrice {
  provider: Provider;
  model: string;
  costs: Per1kRates;
  /** Prices for a whole call whose prompt is above `thresholdTokens`; null: one price whatever the length. */
  longContext: { thresholdTokens: number; costs: Per1kRates } | null;
  source: string;
  date: string;
}

export interface PriceCatalog {
  version: string;
  date: string;
  prices: CatalogPrice[];
}

const PROVIDERS: readonly Provider[] = ['openai', 'anthropic'];
/** The catalogue's names of the token classes, and the rate each one prices. */
const CLASSES = {
  input: 'inputPer1k',
  cachedInput: 'cachedInputPer1k',
  cacheWrite5m: 'cacheWriteInputPer1k',
  cacheWrite1h: 'cacheWrite1hInputPer1k',
  output: 'outputPer1k',
  audioInput: 'audioInputPer1k',
  audioOutput: 'audioOutputPer1k',
  imageInput: 'imageInputPer1k',
} as const satisfies Record<string, keyof Per1kRates>;
const REQUIRED = ['input', 'cachedInput', 'output'] as const;
const LONG_CONTEXT_CLASSES = ['input', 'cachedInput', 'cacheWrite5m', 'cacheWrite1h', 'output'] as const;
const ENTRY_KEYS = new Set([...Object.keys(CLASSES), 'provider', 'model', 'longContext', 'source', 'date']);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The bundled catalogue is ours, not the caller's: a malformed one is a defect, so an internal error that names the spot. */
const malformedCatalog = (at: string, problem: string) => new DomainError('MALFORMED_CATALOG', `price catalogue: ${at} ${problem}`);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function day(value: unknown, at: string): string {
  if (typeof value !== 'string' || !DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw malformedCatalog(at, 'must be a YYYY-MM-DD date');
  }
  return value;
}

function price(value: unknown, at: string): bigint {
  if (typeof value !== 'string') throw malformedCatalog(at, 'must be a decimal string of USD per 1M tokens');
  try {
    return parseUsdPer1M(value, at);
  } catch (err) {
    throw malformedCatalog(at, `is not a price: ${(err as Error).message}`);
  }
}

/** The classes `names` of `raw` as per-1k costs; the required ones must be there, a cache read never above the input. */
function costsOf(raw: Record<string, unknown>, names: readonly (keyof typeof CLASSES)[], at: string): Per1kRates {
  for (const name of REQUIRED) if (raw[name] === undefined) throw malformedCatalog(`${at}.${name}`, 'is required');
  const costs: Partial<Record<keyof Per1kRates, bigint>> = {};
  for (const name of names) if (raw[name] !== undefined) costs[CLASSES[name]] = price(raw[name], `${at}.${name}`);
  const result = costs as Per1kRates;
  if (result.cachedInputPer1k > result.inputPer1k) throw malformedCatalog(`${at}.cachedInput`, 'is above the input price');
  return result;
}

function longContextOf(raw: unknown, at: string): CatalogPrice['longContext'] {
  if (raw === undefined) return null;
  if (!isRecord(raw)) throw malformedCatalog(at, 'must be an object');
  for (const key of Object.keys(raw)) {
    if (key !== 'thresholdTokens' && !(LONG_CONTEXT_CLASSES as readonly string[]).includes(key))
      throw malformedCatalog(`${at}.${key}`, 'is not a known field');
  }
  const threshold = raw.thresholdTokens;
  if (typeof threshold !== 'number' || !Number.isSafeInteger(threshold) || threshold < 1) {
    throw malformedCatalog(`${at}.thresholdTokens`, 'must be a positive whole number of prompt tokens');
  }
  return { thresholdTokens: threshold, costs: costsOf(raw, LONG_CONTEXT_CLASSES, at) };
}

function entryOf(raw: unknown, at: string, catalogDate: string): CatalogPrice {
  if (!isRecord(raw)) throw malformedCatalog(at, 'must be an object');
  for (const key of Object.keys(raw)) if (!ENTRY_KEYS.has(key)) throw malformedCatalog(`${at}.${key}`, 'is not a known field');
  if (!PROVIDERS.includes(raw.provider as Provider)) throw malformedCatalog(`${at}.provider`, `must be one of ${PROVIDERS.join(', ')}`);
  let model: string;
  try {
    model = parseModelName(raw.model as string);
  } catch {
    throw malformedCatalog(`${at}.model`, 'is not a model name');
  }
  if (typeof raw.source !== 'string' || !/^https:\/\/[^\s/]+\/\S*$/.test(raw.source)) {
    throw malformedCatalog(`${at}.source`, "must be the provider's pricing page (an https URL)");
  }
  const date = day(raw.date, `${at}.date`);
  if (date > catalogDate) throw malformedCatalog(`${at}.date`, 'is after the catalogue date');
  return {
    provider: raw.provider as Provider,
    model,
    costs: costsOf(raw, Object.keys(CLASSES) as (keyof typeof CLASSES)[], at),
    longContext: longContextOf(raw.longContext, `${at}.longContext`),
    source: raw.source,
    date,
  };
}

/** Validates the whole catalogue; throws naming the first malformed field. */
export function parsePriceCatalog(raw: unknown): PriceCatalog {
  if (!isRecord(raw)) throw malformedCatalog('the catalogue', 'must be an object');
  if (typeof raw.version !== 'string' || !raw.version.trim()) throw malformedCatalog('version', 'must be a non-empty string');
  const date = day(raw.date, 'date');
  if (!Array.isArray(raw.entries) || raw.entries.length === 0) throw malformedCatalog('entries', 'must list at least one model');
  const prices = raw.entries.map((entry, i) => entryOf(entry, `entries[${i}]`, date));
  const seen = new Set<string>();
  for (const p of prices) {
    if (seen.has(p.model)) throw malformedCatalog(`model ${p.model}`, 'appears twice');
    seen.add(p.model);
  }
  return { version: raw.version, date, prices };
}

/** The bundled catalogue, validated when the server starts. */
export const PRICE_CATALOG: PriceCatalog = parsePriceCatalog(PRICE_CATALOG_DATA);
