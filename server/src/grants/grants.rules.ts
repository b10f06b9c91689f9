import type { LedgerEntryType } from '../ledger/ledger.types.js';
import { isUuid } from '../shared/validate.js';
import type { Grant, GrantKind, GrantStatus } from './grants.types.js';

/** The grant kind a credit of `type` creates (types that never credit fall back to ADJUSTMENT). */
export function grantKindFor(type: LedgerEntryType): GrantKind {
  switch (type) {
    case 'PURCHASE':
    case 'PROMO':
    case 'BONUS':
    case 'REVERSAL':
      return type;
    default:
      return 'ADJUSTMENT';
  }
}

/**
 * Part of a credit of `amount` that pays back an earlier unfunded debit: the balance was
 * negative by `-(postedAfter - amount)` before it. The rest becomes the grant's remainder.
 */
export function debtCovered(amount: bigint, postedAfter: bigint): bigint {
  const before = postedAfter - amount;
  if (before >= 0n) return 0n;
  return -before < amount ? -before : amount;
}

/** Ledger reference that points a debit at one grant (expiry, void): that grant burns first. */
export const grantReference = (grantId: string) => `grant:${grantId}`;

export function grantIdFromReference(referenceId: string | null): string | null {
  if (!referenceId?.startsWith('grant:')) return null;
  const id = referenceId.slice('grant:'.length);
  return isUuid(id) ? id.toLowerCase() : null;
}

/** Burn order: priority, soonest expiry (never-expiring last), oldest, id. */
export function compareBurnOrder(a: Grant, b: Grant): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  const ae = a.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const be = b.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (ae !== be) return ae < be ? -1 : 1;
  const ac = a.createdAt.getTime();
  const bc = b.createdAt.getTime();
  if (ac !== bc) return ac - bc;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Which grants pay for a debit of `amount`, in burn order (`firstGrantId` first when given).
 * The part no grant covers is `unfunded` (the balance went negative). Mirrors the SQL burn.
 */
export function planBurn(grants: readonly Grant[], amount: bigint, firstGrantId: string | null = null) {
  const ordered = grants
    .filter((g) => g.remaining > 0n)
    .sort((a, b) => {
      if (firstGrantId && (a.id === firstGrantId) !== (b.id === firstGrantId)) return a.id === firstGrantId ? -1 : 1;
      return compareBurnOrder(a, b);
    });
  const takes: { grantId: string; amount: bigint }[] = [];
  let left = amount;
  for (const g of ordered) {
    if (left <= 0n) break;
    const take = g.remaining < left ? g.remaining : left;
    takes.push({ grantId: g.id, amount: take });
    left -= take;
  }
  return { takes, unfunded: left };
}

export function grantStatus(g: Pick<Grant, 'remaining' | 'expiredAt' | 'voidedAt' | 'expiresAt'>, now = new Date()): GrantStatus {
  if (g.voidedAt) return 'VOIDED';
  if (g.expiredAt) return 'EXPIRED';
  if (g.remaining === 0n) return 'SPENT';
  if (g.expiresAt && g.expiresAt <= now) return 'EXPIRED';
  return 'ACTIVE';
}
