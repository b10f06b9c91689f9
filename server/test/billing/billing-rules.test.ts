import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPayment, decideRecharge, preTaxShare, rechargeAmount, statusAfterRefund } from '../../src/billing/billing.rules.js';
import type { PaymentFacts } from '../../src/billing/billing.types.js';
import { CREDIT_PACKS, findPack } from '../../src/billing/packs.js';
import { millicreditsToCentsCeil, refundedCreditsShare } from '../../src/money/money.js';

const purchase = { amountCents: 999n, currency: 'usd', kind: 'CHECKOUT' as const };
const paid = (over: Partial<PaymentFacts> = {}): PaymentFacts => ({
  paymentStatus: 'paid',
  amountSubtotalCents: 999n,
  amountTotalCents: 999n,
  discountCents: 0n,
  taxCents: 0n,
  currency: 'usd',
  invoiceId: null,
  checkoutSessionId: 'cs_1',
  paymentIntentId: 'pi_1',
  customerId: 'cus_1',
  ...over,
});

describe('refundedCreditsShare (money)', () => {
  it('successive partial refunds never take back more than the credits, and a full refund takes all', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 7n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 7n }), { maxLength: 12 }),
        (credits, paidCents, steps) => {
          let cumulative = 0n;
          let taken = 0n;
          for (const step of steps) {
            const next = cumulative + step > paidCents ? paidCents : cumulative + step;
            const delta = refundedCreditsShare(credits, next, paidCents) - refundedCreditsShare(credits, cumulative, paidCents);
            if (delta < 0n) return false; // monotonic
            taken += delta;
            cumulative = next;
            if (taken > credits) return false;
            // never more than the exact proportional share
            if (taken * paidCents > credits * cumulative) return false;
          }
          return refundedCreditsShare(credits, paidCents, paidCents) === credits && refundedCreditsShare(credits, 0n, paidCents) === 0n;
        },
      ),
    );
  });

  it('rounds down: 666 of 999 cents of 10,000 credits', () => {
    expect(refundedCreditsShare(10_000_000n, 666n, 999n)).toBe(6_666_666n);
    expect(refundedCreditsShare(10_000_000n, 5000n, 999n)).toBe(10_000_000n);
    expect(millicreditsToCentsCeil(10_000_001n)).toBe(1001n);
  });
});

describe('checkPayment', () => {
  it('accepts the pack price, or the price less a Stripe discount', () => {
    expect(checkPayment(purchase, paid())).toEqual({
      kind: 'paid',
      amountPaidCents: 999n,
      discountCents: 0n,
      subtotalCents: 999n,
      taxCents: 0n,
    });
    expect(checkPayment(purchase, paid({ amountTotalCents: 799n, discountCents: 200n }))).toEqual({
      kind: 'paid',
      amountPaidCents: 799n,
      discountCents: 200n,
      subtotalCents: 999n,
      taxCents: 0n,
    });
  });

  it('checks the pack against the pre-tax subtotal: tax comes on top (paid 1199 of 999 with 200 tax)', () => {
    expect(checkPayment(purchase, paid({ amountTotalCents: 1199n, taxCents: 200n }))).toEqual({
      kind: 'paid',
      amountPaidCents: 1199n,
      discountCents: 0n,
      subtotalCents: 999n,
      taxCents: 200n,
    });
    // Discount first, tax on the discounted amount.
    expect(checkPayment(purchase, paid({ amountTotalCents: 959n, discountCents: 200n, taxCents: 160n })).kind).toBe('paid');
    // Tax that does not add up, or a negative one, credits nothing.
    expect(checkPayment(purchase, paid({ amountTotalCents: 1199n, taxCents: 100n })).kind).toBe('mismatch');
    expect(checkPayment(purchase, paid({ amountTotalCents: 899n, taxCents: -100n })).kind).toBe('mismatch');
    expect(checkPayment(purchase, paid({ amountSubtotalCents: 1199n, amountTotalCents: 1199n, taxCents: 200n })).kind).toBe('mismatch');
  });

  it('splits a refund of a taxed payment: only the pre-tax share leaves revenue', () => {
    expect(preTaxShare(1199n, 1199n, 200n)).toBe(999n);
    expect(preTaxShare(600n, 1199n, 200n)).toBe(499n); // 600 × 999 / 1199 = 499.9…, rounded down
    expect(preTaxShare(500n, 999n, 0n)).toBe(500n);
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        fc.bigInt({ min: 0n, max: 10n ** 8n }),
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        (pre, tax, part) => {
          const total = pre + tax;
          const cents = part % (total + 1n);
          const share = preTaxShare(cents, total, tax);
          return share >= 0n && share <= cents && share <= pre && (cents === total ? share === pre : true);
        },
      ),
    );
  });

  it('waits on an unpaid (async) session and refuses every mismatch', () => {
    expect(checkPayment(purchase, paid({ paymentStatus: 'unpaid' })).kind).toBe('pending');
    for (const facts of [
      paid({ amountTotalCents: 100n }),
      paid({ amountSubtotalCents: 100n, amountTotalCents: 100n }),
      paid({ currency: 'eur' }),
      paid({ amountTotalCents: null }),
      paid({ amountTotalCents: 1999n }),
      paid({ amountTotalCents: 799n, discountCents: 100n }),
      paid({ paymentStatus: 'no_payment_required' }),
      paid({ paymentStatus: 'weird' }),
    ]) {
      expect(
        checkPayment(purchase, facts).kind,
        JSON.stringify(facts, (_k, v) => (typeof v === 'bigint' ? String(v) : v)),
      ).toBe('mismatch');
    }
  });

  it('checks an auto-recharge payment intent on amount_received', () => {
    const ar = { ...purchase, kind: 'AUTO_RECHARGE' as const };
    expect(checkPayment(ar, paid({ paymentStatus: 'succeeded' })).kind).toBe('paid');
    expect(checkPayment(ar, paid({ paymentStatus: 'processing' })).kind).toBe('pending');
    expect(checkPayment(ar, paid({ paymentStatus: 'succeeded', amountTotalCents: 500n })).kind).toBe('mismatch');
  });

  it('names the refund status', () => {
    expect(statusAfterRefund(999n, 999n)).toBe('REFUNDED');
    expect(statusAfterRefund(1n, 999n)).toBe('PARTIALLY_REFUNDED');
  });
});

describe('packs', () => {
  it('are worth at least 1,000 credits per dollar', () => {
    expect(CREDIT_PACKS.map((p) => p.id)).toEqual(['starter', 'pro', 'enterprise']);
    for (const p of CREDIT_PACKS) expect(p.credits).toBeGreaterThanOrEqual(p.priceCents * 10_000n);
  });
});

describe('auto-recharge rules', () => {
  it('buys the pack, or whole cents (>= $0.50) up to the target', () => {
    expect(rechargeAmount({ pack: findPack('pro'), targetBalance: null }, 0n, 'top-up')).toEqual({
      packId: 'pro',
      amountCents: 4999n,
      credits: 52_000_000n,
    });
    expect(rechargeAmount({ pack: null, targetBalance: 20_000_000n }, 9_280_001n, 'top-up')).toEqual({
      packId: 'top-up',
      amountCents: 1072n,
      credits: 10_720_000n,
    });
    expect(rechargeAmount({ pack: null, targetBalance: 1_000_000n }, 999_000n, 'top-up')).toEqual({
      packId: 'top-up',
      amountCents: 50n,
      credits: 500_000n,
    });
    expect(rechargeAmount({ pack: null, targetBalance: 1_000n }, 5_000n, 'top-up')).toBeNull();
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.bigInt({ min: -(10n ** 9n), max: 10n ** 12n }), (target, available) => {
        const r = rechargeAmount({ pack: null, targetBalance: target }, available, 'top-up');
        return r === null ? available >= target : available + r.credits >= target && r.amountCents >= 50n;
      }),
    );
  });

  it('fires only when enabled, under the threshold, outside the window, within the monthly limit', () => {
    const base = {
      enabled: true,
      available: 100n,
      threshold: 1000n,
      lastAttemptAt: null,
      now: new Date('2026-11-24T12:00:00Z'),
      windowSeconds: 3600,
      pendingAutoRecharges: 0,
      spentThisMonthCents: 0n,
      monthlyLimitCents: 999n,
      amount: { packId: 'starter', amountCents: 999n, credits: 1n },
      hasPaymentMethod: true,
    };
    expect(decideRecharge(base)).toEqual({ fire: true });
    expect(decideRecharge({ ...base, enabled: false })).toEqual({ fire: false, reason: 'disabled' });
    expect(decideRecharge({ ...base, available: 1000n })).toEqual({ fire: false, reason: 'above-threshold' });
    expect(decideRecharge({ ...base, pendingAutoRecharges: 1 })).toEqual({ fire: false, reason: 'in-flight' });
    expect(decideRecharge({ ...base, lastAttemptAt: new Date('2026-11-24T11:30:00Z') })).toEqual({ fire: false, reason: 'window' });
    expect(decideRecharge({ ...base, lastAttemptAt: new Date('2026-11-24T10:59:00Z') })).toEqual({ fire: true });
    expect(decideRecharge({ ...base, spentThisMonthCents: 1n })).toEqual({ fire: false, reason: 'monthly-limit' });
    expect(decideRecharge({ ...base, hasPaymentMethod: false })).toEqual({ fire: false, reason: 'no-payment-method' });
  });
});
