import { MILLICREDITS_PER_CREDIT } from '../money/money.js';

export interface CreditPack {
  id: string;
  name: string;
  priceCents: bigint;
  credits: bigint; // millicredits
  /** Optional Stripe Price id; without one, Checkout gets inline price_data from this config. */
  stripePriceId: string | null;
}

const credits = (n: bigint) => n * MILLICREDITS_PER_CREDIT;

/**
 * The packs a client may name. The amount charged always comes from here, never from a client.
 * Every pack is worth at least 1,000 credits per dollar (the nominal rate); larger packs carry a
 * volume bonus: starter 10,000 credits for $9.99 (~1,001/$), pro 52,000 for $49.99 (~1,040/$),
 * enterprise 110,000 for $99.99 (~1,100/$).
 */
export const CREDIT_PACKS: readonly CreditPack[] = Object.freeze([
  { id: 'starter', name: 'Starter', priceCents: 999n, credits: credits(10_000n), stripePriceId: null },
  { id: 'pro', name: 'Pro', priceCents: 4999n, credits: credits(52_000n), stripePriceId: null },
  { id: 'enterprise', name: 'Enterprise', priceCents: 9999n, credits: credits(110_000n), stripePriceId: null },
]);

/** Id used on purchase rows of a target-balance auto-recharge (an amount computed by the server). */
export const TOP_UP_PACK_ID = 'top-up';

export const findPack = (id: string | null | undefined): CreditPack | null => CREDIT_PACKS.find((p) => p.id === id) ?? null;
