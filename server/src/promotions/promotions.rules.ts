import { parseMillicredits } from '../money/money.js';
import { badInput } from '../shared/errors.js';

const CODE = /^[A-Z0-9][A-Z0-9_-]{2,63}$/;

/** Codes are matched case-insensitively and stored upper-case: "spring-25" is "SPRING-25". */
export function normalizeCode(text: string): string {
  const code = typeof text === 'string' ? text.trim().toUpperCase() : '';
  if (!CODE.test(code)) throw badInput('code must be 3-64 letters, digits, "-" or "_"', { field: 'code' });
  return code;
}

export interface PromoCodeTerms {
  code: string;
  credits: bigint;
  maxRedemptions: number | null;
  expiresAt: Date | null;
  grantValidDays: number | null;
}

export interface CreatePromoCodeInput {
  code: string;
  creditsMillicredits: string;
  maxRedemptions?: number | null;
  expiresAt?: Date | null;
  grantValidDays?: number | null;
}

const positiveInt = (value: number | null | undefined, field: string, max: number): number | null => {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > max) throw badInput(`${field} must be a whole number from 1 to ${max}`, { field });
  return value;
};

export function validatePromoCode(input: CreatePromoCodeInput, now = new Date()): PromoCodeTerms {
  const credits = parseMillicredits(input.creditsMillicredits, 'creditsMillicredits');
  if (credits <= 0n) throw badInput('creditsMillicredits must be positive', { field: 'creditsMillicredits' });
  const expiresAt = input.expiresAt ?? null;
  if (expiresAt && !(expiresAt > now)) throw badInput('expiresAt must be in the future', { field: 'expiresAt' });
  return {
    code: normalizeCode(input.code),
    credits,
    maxRedemptions: positiveInt(input.maxRedemptions, 'maxRedemptions', 10_000_000),
    expiresAt,
    grantValidDays: positiveInt(input.grantValidDays, 'grantValidDays', 3650),
  };
}

/** Why a code cannot be redeemed now, or null when it can (re-checked atomically on redeem). */
export function refusal(
  p: { maxRedemptions: number | null; redemptions: number; expiresAt: Date | null },
  now = new Date(),
): 'EXPIRED' | 'EXHAUSTED' | null {
  if (p.expiresAt && p.expiresAt <= now) return 'EXPIRED';
  if (p.maxRedemptions !== null && p.redemptions >= p.maxRedemptions) return 'EXHAUSTED';
  return null;
}

export const addDays = (from: Date, days: number) => new Date(from.getTime() + days * 86_400_000);
