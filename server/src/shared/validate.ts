import { badInput } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else is refused before it reaches the database. */
export function parseId(value: string, field = 'id'): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw badInput(`${field} must be a UUID`, { field });
  return value.toLowerCase();
}

export const isUuid = (value: string) => UUID.test(value);

/** A required, trimmed, length-limited string. */
export function requiredText(value: string | null | undefined, field: string, max = 500): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw badInput(`${field} must not be empty`, { field });
  if (text.length > max) throw badInput(`${field} is longer than ${max} characters`, { field });
  return text;
}

export function optionalText(value: string | null | undefined, field: string, max = 500): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (!text) return null;
  if (text.length > max) throw badInput(`${field} is longer than ${max} characters`, { field });
  return text;
}

export const MAX_TOKENS_PER_CALL = 100_000_000;

export function tokenCount(value: number | null | undefined, field: string): bigint {
  const n = value ?? 0;
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_TOKENS_PER_CALL) {
    throw badInput(`${field} must be a whole number between 0 and ${MAX_TOKENS_PER_CALL}`, { field });
  }
  return BigInt(n);
}
