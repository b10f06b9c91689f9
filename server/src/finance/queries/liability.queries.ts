import type { EntityManager } from '@mikro-orm/postgresql';
import { toBigInt } from '../../db/values.js';

/** Customer balances (the cached `posted` and `pending`), summed, and the part below zero. */
export async function customerBalances(em: EntityManager) {
  const [r] = await em.execute<Record<string, string>[]>(
    `select coalesce(sum(posted), 0) outstanding, coalesce(sum(pending), 0) held,
            coalesce(sum(posted) filter (where posted < 0), 0) negative, count(*) filter (where posted < 0) negative_accounts
       from finance_accounts_v where kind <> 'SYSTEM'`,
  );
  return {
    outstanding: toBigInt(r.outstanding),
    held: toBigInt(r.held),
    negative: toBigInt(r.negative),
    negativeAccounts: Number(r.negative_accounts),
  };
}

/** Credits of live grants that expire within `days`. */
export async function expiringWithin(em: EntityManager, days: number): Promise<bigint> {
  const [r] = await em.execute<{ s: string }[]>(
    `select coalesce(sum(remaining), 0) s from finance_grants_v
      where remaining > 0 and expired_at is null and voided_at is null
        and expires_at > now() and expires_at <= now() + make_interval(days => ?::int)`,
    [days],
  );
  return toBigInt(r.s);
}

/** Promotional and goodwill credits still unspent, from the grants (which record what each debit burned). */
export async function freeCreditsFromGrants(em: EntityManager): Promise<{ promotional: bigint; adjustments: bigint }> {
  const [r] = await em.execute<{ promotional: string; adjustments: string }[]>(
    `select coalesce(sum(remaining) filter (where kind in ('PROMO', 'BONUS')), 0) promotional,
            coalesce(sum(remaining) filter (where kind = 'ADJUSTMENT'), 0) adjustments
       from finance_grants_v where remaining > 0 and expired_at is null and voided_at is null and kind in ('PROMO', 'BONUS', 'ADJUSTMENT')`,
  );
  return { promotional: toBigInt(r.promotional), adjustments: toBigInt(r.adjustments) };
}
