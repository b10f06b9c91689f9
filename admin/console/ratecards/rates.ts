/** The publish form's validation and its diff against the active card. */
export interface RateRow {
  model: string;
  inputPer1k: string;
  cachedInputPer1k: string;
  outputPer1k: string;
  costInputPer1kUsd: string;
  costCachedInputPer1kUsd: string;
  costOutputPer1kUsd: string;
  /** Server-side cap on output tokens per call; empty = none. */
  maxOutputTokens: string;
  /** The provider and the rates of the other token classes, carried to the publish input as they are. */
  extra?: ExtraRates;
}

interface LongContextRates {
  inputPer1k?: string | null;
  cachedInputPer1k?: string | null;
  cacheWriteInputPer1k?: string | null;
  cacheWrite1hInputPer1k?: string | null;
  outputPer1k?: string | null;
  costInputPer1kUsd?: string | null;
  costCachedInputPer1kUsd?: string | null;
  costCacheWriteInputPer1kUsd?: string | null;
  costCacheWrite1hInputPer1kUsd?: string | null;
  costOutputPer1kUsd?: string | null;
}

/** The fields of a rate the form does not edit: kept from the active card or the catalogue draft. */
const EXTRA_FIELDS = [
  'provider',
  'cacheWriteInputPer1k',
  'cacheWrite1hInputPer1k',
  'audioInputPer1k',
  'audioOutputPer1k',
  'imageInputPer1k',
  'costCacheWriteInputPer1kUsd',
  'costCacheWrite1hInputPer1kUsd',
  'costAudioInputPer1kUsd',
  'costAudioOutputPer1kUsd',
  'costImageInputPer1kUsd',
  'longContextThresholdTokens',
] as const;
const TIER_FIELDS = [
  'inputPer1k',
  'cachedInputPer1k',
  'cacheWriteInputPer1k',
  'cacheWrite1hInputPer1k',
  'outputPer1k',
  'costInputPer1kUsd',
  'costCachedInputPer1kUsd',
  'costCacheWriteInputPer1kUsd',
  'costCacheWrite1hInputPer1kUsd',
  'costOutputPer1kUsd',
] as const;
type ExtraRates = { [K in (typeof EXTRA_FIELDS)[number]]?: K extends 'longContextThresholdTokens' ? number : string } & {
  longContext?: LongContextRates;
};

/** The fields of `rate` among `fields` that are set (a null is the same as absent). */
function setFields<K extends string>(rate: Partial<Record<K, unknown>>, fields: readonly K[]): Partial<Record<K, unknown>> {
  return Object.fromEntries(fields.filter((f) => rate[f] !== null && rate[f] !== undefined).map((f) => [f, rate[f]])) as Partial<
    Record<K, unknown>
  >;
}

function extraOf(rate: ApiRate): ExtraRates | undefined {
  const extra = setFields(rate, EXTRA_FIELDS) as ExtraRates;
  if (rate.longContext) extra.longContext = setFields(rate.longContext, TIER_FIELDS) as LongContextRates;
  return Object.keys(extra).length ? extra : undefined;
}

type TierField = (typeof TIER_FIELDS)[number];
/** A field of the other classes: a flat one, or one of the long-context tier's. */
export type ClassField = (typeof EXTRA_FIELDS)[number] | `longContext.${TierField}`;

const TIER_LABELS: Record<TierField, string> = {
  inputPer1k: 'input credits / 1k',
  cachedInputPer1k: 'cached input credits / 1k',
  cacheWriteInputPer1k: 'cache write credits / 1k',
  cacheWrite1hInputPer1k: 'cache write (1 h) credits / 1k',
  outputPer1k: 'output credits / 1k',
  costInputPer1kUsd: 'input cost USD / 1k',
  costCachedInputPer1kUsd: 'cached cost USD / 1k',
  costCacheWriteInputPer1kUsd: 'cache write cost USD / 1k',
  costCacheWrite1hInputPer1kUsd: 'cache write (1 h) cost USD / 1k',
  costOutputPer1kUsd: 'output cost USD / 1k',
};
export const CLASS_LABELS: Record<ClassField, string> = {
  provider: 'Provider',
  cacheWriteInputPer1k: 'Cache write (5 min) credits / 1k',
  cacheWrite1hInputPer1k: 'Cache write (1 h) credits / 1k',
  audioInputPer1k: 'Audio input credits / 1k',
  audioOutputPer1k: 'Audio output credits / 1k',
  imageInputPer1k: 'Image input credits / 1k',
  costCacheWriteInputPer1kUsd: 'Cache write (5 min) cost USD / 1k',
  costCacheWrite1hInputPer1kUsd: 'Cache write (1 h) cost USD / 1k',
  costAudioInputPer1kUsd: 'Audio input cost USD / 1k',
  costAudioOutputPer1kUsd: 'Audio output cost USD / 1k',
  costImageInputPer1kUsd: 'Image input cost USD / 1k',
  longContextThresholdTokens: 'Long context above (prompt tokens)',
  ...(Object.fromEntries(TIER_FIELDS.map((f) => [`longContext.${f}`, `Long context ${TIER_LABELS[f]}`])) as Record<
    `longContext.${TierField}`,
    string
  >),
};

/** The other classes that are set, field by field (the tier's as `longContext.<field>`). */
export function classValues(extra: ExtraRates | undefined): Partial<Record<ClassField, string>> {
  if (!extra) return {};
  const { longContext, ...flat } = extra;
  const values: Partial<Record<ClassField, string>> = {};
  for (const [k, v] of Object.entries(flat)) values[k as ClassField] = String(v);
  for (const [k, v] of Object.entries(longContext ?? {}))
    if (v !== null && v !== undefined) values[`longContext.${k as TierField}`] = String(v);
  return values;
}

/** Every field of the other classes, in the order the form shows them. */
export const CLASS_FIELDS = Object.keys(CLASS_LABELS) as ClassField[];

/** `extra` with one field of the other classes set, or unset when `value` is blank (it falls back again). */
export function withClass(extra: ExtraRates | undefined, field: ClassField, value: string): ExtraRates | undefined {
  const text = value.trim();
  const next: ExtraRates = { ...extra };
  if (field.startsWith('longContext.')) {
    const tier: LongContextRates = { ...extra?.longContext };
    const key = field.slice('longContext.'.length) as TierField;
    if (text) tier[key] = text;
    else delete tier[key];
    if (Object.values(tier).some((v) => v !== null && v !== undefined)) next.longContext = tier;
    else delete next.longContext;
  } else if (!text) {
    delete next[field as (typeof EXTRA_FIELDS)[number]];
  } else if (field === 'longContextThresholdTokens') {
    next.longContextThresholdTokens = /^\d+$/.test(text) ? Number(text) : (text as unknown as number);
  } else {
    (next as Record<string, string>)[field] = text;
  }
  return Object.keys(next).length ? next : undefined;
}

/** The extra classes in words, for the form ("Provider anthropic, Cache write (5 min) credits / 1k 4.688, …"). */
export function describeExtra(extra: ExtraRates | undefined): string {
  const parts = Object.entries(classValues(extra)).map(([k, v]) => `${CLASS_LABELS[k as ClassField]} ${v}`);
  return parts.length ? parts.join(', ') : 'none';
}

/** A rate as the API gives it (the active card's, or a catalogue draft's). */
export type ApiRate = {
  model: string;
  inputPer1k: string;
  cachedInputPer1k: string;
  outputPer1k: string;
  costInputPer1kUsd: string;
  costCachedInputPer1kUsd: string;
  costOutputPer1kUsd: string;
  maxOutputTokens?: number | null;
  longContext?: LongContextRates | null;
} & { [K in (typeof EXTRA_FIELDS)[number]]?: string | number | null };

/** The form's row of a rate as the API gives it. */
export function toRow(rate: ApiRate): RateRow {
  return {
    model: rate.model,
    inputPer1k: rate.inputPer1k,
    cachedInputPer1k: rate.cachedInputPer1k,
    outputPer1k: rate.outputPer1k,
    costInputPer1kUsd: rate.costInputPer1kUsd,
    costCachedInputPer1kUsd: rate.costCachedInputPer1kUsd,
    costOutputPer1kUsd: rate.costOutputPer1kUsd,
    maxOutputTokens: rate.maxOutputTokens == null ? '' : String(rate.maxOutputTokens),
    extra: extraOf(rate),
  };
}

/** The publish input of a row: strings trimmed, the cap a number or null. */
export function toInput(row: RateRow) {
  const cap = row.maxOutputTokens.trim();
  return {
    ...row.extra,
    model: row.model.trim(),
    inputPer1k: row.inputPer1k.trim(),
    cachedInputPer1k: row.cachedInputPer1k.trim(),
    outputPer1k: row.outputPer1k.trim(),
    costInputPer1kUsd: row.costInputPer1kUsd.trim(),
    costCachedInputPer1kUsd: row.costCachedInputPer1kUsd.trim(),
    costOutputPer1kUsd: row.costOutputPer1kUsd.trim(),
    maxOutputTokens: cap ? Number(cap) : null,
  };
}

export const RATE_FIELDS = [
  'inputPer1k',
  'cachedInputPer1k',
  'outputPer1k',
  'costInputPer1kUsd',
  'costCachedInputPer1kUsd',
  'costOutputPer1kUsd',
  'maxOutputTokens',
] as const;
export const RATE_LABELS: Record<(typeof RATE_FIELDS)[number], string> = {
  inputPer1k: 'Input credits / 1k',
  cachedInputPer1k: 'Cached input credits / 1k',
  outputPer1k: 'Output credits / 1k',
  costInputPer1kUsd: 'Input cost USD / 1k',
  costCachedInputPer1kUsd: 'Cached cost USD / 1k',
  costOutputPer1kUsd: 'Output cost USD / 1k',
  maxOutputTokens: 'Max output tokens',
};

const credits = /^\d{1,9}(\.\d{1,3})?$/;
const usd = /^\d{1,9}(\.\d{1,6})?$/;

/** Field errors by "row.field" (and "name", "models"); empty when the card can be published. */
export function validateCard(name: string, rows: RateRow[]): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!name.trim()) errors.name = 'A name is required';
  if (rows.length === 0) errors.models = 'At least one model';
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const model = row.model.trim();
    if (!/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/.test(model)) errors[`${i}.model`] = 'Letters, digits and . _ : / -';
    else if (seen.has(model)) errors[`${i}.model`] = 'Listed twice';
    seen.add(model);
    for (const field of ['inputPer1k', 'cachedInputPer1k', 'outputPer1k'] as const) {
      if (!credits.test(row[field].trim())) errors[`${i}.${field}`] = 'Credits with up to three decimals, e.g. 2.400';
    }
    for (const field of ['costInputPer1kUsd', 'costCachedInputPer1kUsd', 'costOutputPer1kUsd'] as const) {
      if (!usd.test(row[field].trim())) errors[`${i}.${field}`] = 'USD with up to six decimals, e.g. 0.0025';
    }
    if (row.maxOutputTokens.trim() && !/^[1-9]\d{0,6}$/.test(row.maxOutputTokens.trim()))
      errors[`${i}.maxOutputTokens`] = 'A whole number of tokens, or empty';
    const classes = classValues(row.extra);
    for (const [field, value] of Object.entries(classes) as [ClassField, string][]) {
      if (field === 'provider') {
        if (!['openai', 'anthropic'].includes(value)) errors[`${i}.${field}`] = 'openai or anthropic';
      } else if (field === 'longContextThresholdTokens') {
        if (!/^[1-9]\d{0,8}$/.test(value)) errors[`${i}.${field}`] = 'A whole number of prompt tokens above 0';
      } else if (/cost/i.test(field)) {
        if (!usd.test(value)) errors[`${i}.${field}`] = 'USD with up to six decimals, e.g. 0.0025';
      } else if (!credits.test(value)) errors[`${i}.${field}`] = 'Credits with up to three decimals, e.g. 2.400';
    }
    // A tier is all or nothing: its threshold with its input and output rates and costs.
    const tierSet = Object.keys(classes).some((f) => f.startsWith('longContext'));
    if (tierSet)
      for (const field of [
        'longContextThresholdTokens',
        'longContext.inputPer1k',
        'longContext.outputPer1k',
        'longContext.costInputPer1kUsd',
        'longContext.costOutputPer1kUsd',
      ] as const)
        if (!classes[field]) errors[`${i}.${field}`] = 'Required for a long-context tier';
  });
  return errors;
}

export type Change =
  | { kind: 'added'; model: string }
  | { kind: 'removed'; model: string }
  | { kind: 'changed'; model: string; field: (typeof RATE_FIELDS)[number]; from: string; to: string }
  /** One of the other classes; `from`/`to` null when unset (the class falls back to the input or output rate). */
  | { kind: 'classes'; model: string; field: ClassField; from: string | null; to: string | null };

const same = (a: string, b: string) => a === b || (a !== '' && b !== '' && Number(a) === Number(b));

export function diffCards(active: RateRow[], next: RateRow[]): Change[] {
  const before = new Map(active.map((r) => [r.model, r]));
  const after = new Map(next.map((r) => [r.model.trim(), r]));
  const changes: Change[] = [];
  for (const row of next) {
    const old = before.get(row.model.trim());
    if (!old) {
      changes.push({ kind: 'added', model: row.model.trim() });
      continue;
    }
    for (const field of RATE_FIELDS)
      if (!same(old[field], row[field].trim()))
        changes.push({ kind: 'changed', model: row.model.trim(), field, from: old[field], to: row[field].trim() });
    const [from, to] = [classValues(old.extra), classValues(row.extra)];
    for (const field of Object.keys(CLASS_LABELS) as ClassField[]) {
      const [a, b] = [from[field] ?? null, to[field] ?? null];
      if (a === b || (a !== null && b !== null && same(a, b))) continue;
      changes.push({ kind: 'classes', model: row.model.trim(), field, from: a, to: b });
    }
  }
  for (const row of active) if (!after.has(row.model)) changes.push({ kind: 'removed', model: row.model });
  return changes;
}
