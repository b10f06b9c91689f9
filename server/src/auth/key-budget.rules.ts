import { parseMillicredits } from '../money/money.js';
import { badInput } from '../shared/errors.js';

/** How often a key's spend limit starts over: at midnight, Monday or the 1st in the account's time zone, or never. */
export const KEY_LIMIT_RESETS = ['DAILY', 'WEEKLY', 'MONTHLY', 'NEVER'] as const;
export type KeyLimitReset = (typeof KEY_LIMIT_RESETS)[number];

/** A key's budget and scope as given by a caller; `undefined` leaves a setting as it is. */
export interface KeyBudgetInput {
  spendLimitMillicredits?: string | null;
  limitReset?: KeyLimitReset | null;
  allowedModels?: readonly string[] | null;
}

export interface KeyBudget {
  spendLimitMillicredits?: bigint | null;
  limitReset?: KeyLimitReset;
  allowedModels?: string[] | null;
}

/** A key may name at most this many models. */
export const MAX_ALLOWED_MODELS = 100;

/** Validates a budget input: a non-negative decimal string limit (null: none), a known reset, model names (null: all). */
export function parseKeyBudget(input: KeyBudgetInput): KeyBudget {
  const budget: KeyBudget = {};
  if (input.spendLimitMillicredits !== undefined) {
    const limit = input.spendLimitMillicredits === null ? null : parseMillicredits(input.spendLimitMillicredits, 'spendLimitMillicredits');
    if (limit !== null && limit < 0n) throw badInput('spendLimitMillicredits may not be negative', { field: 'spendLimitMillicredits' });
    budget.spendLimitMillicredits = limit;
  }
  if (input.limitReset !== undefined) {
    if (input.limitReset === null || !KEY_LIMIT_RESETS.includes(input.limitReset))
      throw badInput(`limitReset must be one of ${KEY_LIMIT_RESETS.join(', ')}`, { field: 'limitReset' });
    budget.limitReset = input.limitReset;
  }
  if (input.allowedModels !== undefined) budget.allowedModels = input.allowedModels === null ? null : parseModels(input.allowedModels);
  return budget;
}

function parseModels(models: readonly string[]): string[] {
  const field = 'allowedModels';
  if (!models.length) throw badInput(`${field} must name at least one model (null allows every model)`, { field });
  if (models.length > MAX_ALLOWED_MODELS) throw badInput(`${field} may name at most ${MAX_ALLOWED_MODELS} models`, { field });
  const names = models.map((m) => (typeof m === 'string' ? m.trim() : ''));
  if (names.some((m) => !m || m.length > 100)) throw badInput(`${field} must hold model names of 1 to 100 characters`, { field });
  return [...new Set(names)];
}
