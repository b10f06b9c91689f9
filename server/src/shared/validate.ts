import { badInput } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else is refused before it reaches the database. */
export function parseId(value: string, field = 'id'): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw badInput(`${field} must be a UUID`, { field });
  return value.toLowerCase();
}

export const isUuid = (value: string) => UUID.test(value);

/** Two ids name the same thing: UUIDs compare case-insensitively. The one way ids are compared. */
export function sameId(a: string | null | undefined, b: string | null | undefined): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}

/** PostgreSQL text cannot hold NUL: refused here as bad input instead of failing in the driver. */
function checkText(text: string, field: string, max: number): string {
  if (text.length > max) throw badInput(`${field} is longer than ${max} characters`, { field });
  if (text.includes('\u0000')) throw badInput(`${field} must not contain a NUL character`, { field });
  return text;
}

/** A required, trimmed, length-limited string. */
export function requiredText(value: string | null | undefined, field: string, max = 500): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw badInput(`${field} must not be empty`, { field });
  return checkText(text, field, max);
}

export function optionalText(value: string | null | undefined, field: string, max = 500): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (!text) return null;
  return checkText(text, field, max);
}

export const MAX_TOKENS_PER_CALL = 100_000_000;

export function tokenCount(value: number | null | undefined, field: string): bigint {
  const n = value ?? 0;
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_TOKENS_PER_CALL) {
    throw badInput(`${field} must be a whole number between 0 and ${MAX_TOKENS_PER_CALL}`, { field });
  }
  return BigInt(n);
}
