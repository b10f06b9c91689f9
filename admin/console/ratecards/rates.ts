/** The publish form's validation and its diff against the active card. */
export interface RateRow {
  model: string;
  inputPer1k: string;
  cachedInputPer1k: string;
  outputPer1k: string;
  costInputPer1kUsd: string;
  costCachedInputPer1kUsd: string;
  costOutputPer1kUsd: string;
}

export const RATE_FIELDS = ['inputPer1k', 'cachedInputPer1k', 'outputPer1k', 'costInputPer1kUsd', 'costCachedInputPer1kUsd', 'costOutputPer1kUsd'] as const;
export const RATE_LABELS: Record<(typeof RATE_FIELDS)[number], string> = {
  inputPer1k: 'Input credits / 1k',
  cachedInputPer1k: 'Cached input credits / 1k',
  outputPer1k: 'Output credits / 1k',
  costInputPer1kUsd: 'Input cost USD / 1k',
  costCachedInputPer1kUsd: 'Cached cost USD / 1k',
  costOutputPer1kUsd: 'Output cost USD / 1k',
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
  });
  return errors;
}

export type Change =
  | { kind: 'added'; model: string }
  | { kind: 'removed'; model: string }
  | { kind: 'changed'; model: string; field: (typeof RATE_FIELDS)[number]; from: string; to: string };

const same = (a: string, b: string) => a === b || (a !== '' && b !== '' && Number(a) === Number(b) && a.replace(/0+$/, '') === b.replace(/0+$/, ''));

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
    for (const field of RATE_FIELDS) if (!same(old[field], row[field].trim())) changes.push({ kind: 'changed', model: row.model.trim(), field, from: old[field], to: row[field].trim() });
  }
  for (const row of active) if (!after.has(row.model)) changes.push({ kind: 'removed', model: row.model });
  return changes;
}
