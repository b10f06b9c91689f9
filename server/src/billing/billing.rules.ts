import { centsToMillicredits, millicreditsToCentsCeil, refundedCreditsShare } from '../money/money.js';
import type { CreditPack } from './packs.js';
import type { PaymentFacts, Purchase, PurchaseStatus } from './billing.types.js';

export type PaymentCheck =
  | { kind: 'paid'; amountPaidCents: bigint; discountCents: bigint; subtotalCents: bigint; taxCents: bigint }
  | { kind: 'pending' }
  | { kind: 'mismatch'; reason: string };

/**
 * Does what Stripe says was paid match the server's own purchase row? The pack price must be the
 * pre-tax subtotal, the currency ours, and the total exactly the subtotal minus Stripe's discount
 * (a Stripe promotion code) plus the tax Stripe computed. Anything else credits nothing.
 */
export function checkPayment(purchase: Pick<Purchase, 'amountCents' | 'currency' | 'kind'>, facts: PaymentFacts): PaymentCheck {
  const intent = purchase.kind === 'AUTO_RECHARGE';
  if (intent) {
    if (facts.paymentStatus !== 'succeeded') return { kind: 'pending' };
  } else if (facts.paymentStatus === 'unpaid') {
    return { kind: 'pending' };
  } else if (facts.paymentStatus !== 'paid' && facts.paymentStatus !== 'no_payment_required') {
    return { kind: 'mismatch', reason: `payment_status is ${facts.paymentStatus}` };
  }
  if ((facts.currency ?? '').toLowerCase() !== purchase.currency.toLowerCase()) {
    return { kind: 'mismatch', reason: `currency ${facts.currency ?? 'none'} differs from ${purchase.currency}` };
  }
  const total = facts.amountTotalCents;
  if (total === null) return { kind: 'mismatch', reason: 'no amount paid' };
  const tax = facts.taxCents;
  const subtotal = facts.amountSubtotalCents ?? total - tax;
  if (subtotal !== purchase.amountCents) {
    return { kind: 'mismatch', reason: `pre-tax amount ${subtotal} differs from the pack price ${purchase.amountCents}` };
  }
  const discount = facts.discountCents;
  if (tax < 0n) return { kind: 'mismatch', reason: `negative tax ${tax}` };
  if (discount < 0n || discount > subtotal || total !== subtotal - discount + tax) {
    return { kind: 'mismatch', reason: `paid ${total} of ${subtotal} with a discount of ${discount} and tax of ${tax}` };
  }
  if (facts.paymentStatus === 'no_payment_required' && total !== 0n) {
    return { kind: 'mismatch', reason: 'no_payment_required with a non-zero total' };
  }
  return { kind: 'paid', amountPaidCents: total, discountCents: discount, subtotalCents: subtotal, taxCents: tax };
}

/**
 * The pre-tax part of `cents` of a payment whose total `totalCents` carried `taxCents` of tax:
 * what a refund or dispute of that many cents takes off revenue (the rest goes back to the tax
 * authority's share). Rounded down, so revenue is never reduced by tax.
 */
export function preTaxShare(cents: bigint, totalCents: bigint, taxCents: bigint): bigint {
  if (totalCents <= 0n || taxCents <= 0n) return cents;
  return (cents * (totalCents - taxCents)) / totalCents;
}

/**
 * Revenue from a purchase in cents: what was charged less the tax, less the pre-tax share of what
 * was refunded or taken by disputes lost. Null until paid. Tax never enters it, whether collected,
 * refunded or disputed.
 */
export function revenueCents(p: Pick<Purchase, 'totalCents' | 'taxCents' | 'refundedCents' | 'lostDisputeCents'>): bigint | null {
  if (p.totalCents === null) return null;
  const tax = p.taxCents ?? 0n;
  const back = p.refundedCents + p.lostDisputeCents;
  return p.totalCents - tax - preTaxShare(back < p.totalCents ? back : p.totalCents, p.totalCents, tax);
}

/** What the buyer may still get back: the total charged less what was refunded already or lost to disputes. */
export function refundableCents(p: Pick<Purchase, 'amountPaidCents' | 'refundedCents' | 'lostDisputeCents'>): bigint {
  if (p.amountPaidCents === null) return 0n;
  const left = p.amountPaidCents - p.refundedCents - p.lostDisputeCents;
  return left > 0n ? left : 0n;
}

/**
 * What every Checkout Session adds so that a purchase yields an invoice, and with automatic tax
 * also the tax, the billing address it is computed from and the buyer's tax ID. An existing
 * customer lets Checkout save the address and name it collects (Stripe requires it for both).
 */
export function checkoutInvoiceParams(o: { automaticTax: boolean; existingCustomer: boolean; metadata: Record<string, string> }) {
  return {
    invoice_creation: { enabled: true, invoice_data: { metadata: o.metadata } },
    ...(o.automaticTax
      ? {
          automatic_tax: { enabled: true },
          tax_id_collection: { enabled: true },
          billing_address_collection: 'required' as const,
          ...(o.existingCustomer ? { customer_update: { address: 'auto' as const, name: 'auto' as const } } : {}),
        }
      : {}),
  };
}

/** Status after `refundedCents` of `paidCents` were refunded. */
export const statusAfterRefund = (refundedCents: bigint, paidCents: bigint): PurchaseStatus =>
  refundedCents >= paidCents ? 'REFUNDED' : 'PARTIALLY_REFUNDED';

/** Why a charge's cumulative `amount_refunded` cannot be applied to a payment of `paidCents`, if it cannot. */
export function refundProblem(refundedCents: bigint, paidCents: bigint): string | null {
  if (refundedCents < 0n) return `amount_refunded ${refundedCents} is negative`;
  if (refundedCents > paidCents) return `amount_refunded ${refundedCents} exceeds the ${paidCents} cents paid`;
  return null;
}

/** Stripe refuses card charges under $0.50. */
export const MIN_CHARGE_CENTS = 50n;

export interface RechargeAmount {
  packId: string;
  amountCents: bigint;
  credits: bigint;
}

/**
 * What one auto-recharge buys: the chosen pack, or enough whole cents (at the nominal 1,000
 * credits per dollar, at least $0.50) to bring `available` up to the target balance.
 */
export function rechargeAmount(
  settings: { pack: CreditPack | null; targetBalance: bigint | null },
  available: bigint,
  topUpPackId: string,
): RechargeAmount | null {
  if (settings.pack) return { packId: settings.pack.id, amountCents: settings.pack.priceCents, credits: settings.pack.credits };
  if (settings.targetBalance === null) return null;
  const missing = settings.targetBalance - available;
  if (missing <= 0n) return null;
  let cents = millicreditsToCentsCeil(missing);
  if (cents < MIN_CHARGE_CENTS) cents = MIN_CHARGE_CENTS;
  return { packId: topUpPackId, amountCents: cents, credits: centsToMillicredits(cents) };
}

export type RechargeDecision =
  | { fire: true }
  | {
      fire: false;
      reason: 'disabled' | 'above-threshold' | 'window' | 'in-flight' | 'monthly-limit' | 'nothing-to-buy' | 'no-payment-method';
    };

/** Pure decision over the state read under the settings row's lock. */
export function decideRecharge(input: {
  enabled: boolean;
  available: bigint;
  threshold: bigint;
  lastAttemptAt: Date | null;
  now: Date;
  windowSeconds: number;
  pendingAutoRecharges: number;
  spentThisMonthCents: bigint;
  monthlyLimitCents: bigint;
  amount: RechargeAmount | null;
  hasPaymentMethod: boolean;
}): RechargeDecision {
  if (!input.enabled) return { fire: false, reason: 'disabled' };
  if (input.available >= input.threshold) return { fire: false, reason: 'above-threshold' };
  if (input.pendingAutoRecharges > 0) return { fire: false, reason: 'in-flight' };
  if (input.lastAttemptAt && input.now.getTime() - input.lastAttemptAt.getTime() < input.windowSeconds * 1000) {
    return { fire: false, reason: 'window' };
  }
  if (!input.amount) return { fire: false, reason: 'nothing-to-buy' };
  if (!input.hasPaymentMethod) return { fire: false, reason: 'no-payment-method' };
  if (input.spentThisMonthCents + input.amount.amountCents > input.monthlyLimitCents) return { fire: false, reason: 'monthly-limit' };
  return { fire: true };
}

/** Narrow readers for Stripe objects (payload fields are untyped JSON). */
export const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
export const cents = (v: unknown): bigint | null => (typeof v === 'number' && Number.isSafeInteger(v) ? BigInt(v) : null);
/** An expandable field: the id string, or the expanded object's id. */
export const idOf = (v: unknown): string | null =>
  typeof v === 'string' ? v : v && typeof v === 'object' ? str((v as { id?: unknown }).id) : null;

export function sessionFacts(session: Record<string, unknown>): PaymentFacts {
  const details = (session.total_details ?? {}) as Record<string, unknown>;
  return {
    paymentStatus: str(session.payment_status) ?? 'unknown',
    amountSubtotalCents: cents(session.amount_subtotal),
    amountTotalCents: cents(session.amount_total),
    discountCents: cents(details.amount_discount) ?? 0n,
    taxCents: cents(details.amount_tax) ?? 0n,
    currency: str(session.currency),
    invoiceId: idOf(session.invoice),
    checkoutSessionId: str(session.id),
    paymentIntentId: idOf(session.payment_intent),
    customerId: idOf(session.customer),
  };
}

/** The tax Stripe computed on an invoice (its total_taxes), in cents. */
export const invoiceTaxCents = (invoice: { total_taxes?: Array<{ amount: number }> | null }): number =>
  (invoice.total_taxes ?? []).reduce((sum, t) => sum + t.amount, 0);

const metadataCents = (v: unknown): bigint => (typeof v === 'string' && /^\d{1,15}$/.test(v) ? BigInt(v) : 0n);

/**
 * An auto-recharge's payment intent pays its invoice's total; the server wrote the tax in it and
 * the invoice into the intent's metadata when it created both, so the pre-tax part is the pack's.
 */
export function intentFacts(intent: Record<string, unknown>): PaymentFacts {
  const metadata = (intent.metadata ?? {}) as Record<string, unknown>;
  const tax = metadataCents(metadata.tax_cents);
  const amount = cents(intent.amount);
  return {
    paymentStatus: str(intent.status) ?? 'unknown',
    amountSubtotalCents: amount === null ? null : amount - tax,
    amountTotalCents: cents(intent.amount_received),
    discountCents: 0n,
    taxCents: tax,
    currency: str(intent.currency),
    invoiceId: str(metadata.invoice_id),
    checkoutSessionId: null,
    paymentIntentId: str(intent.id),
    customerId: idOf(intent.customer),
  };
}

export const metadataPurchaseId = (object: Record<string, unknown>): string | null => {
  const metadata = (object.metadata ?? {}) as Record<string, unknown>;
  return str(metadata.purchase_id) ?? str(object.client_reference_id);
};

/** First day of the calendar month (UTC) that contains `now`: the monthly limit's period. */
export const monthStart = (now: Date): Date => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

/** What a Stripe dispute object says: its id, amount, status and the payment it contests. */
export interface DisputeFacts {
  disputeId: string;
  amountCents: bigint;
  status: string;
  reason: string | null;
  paymentIntentId: string | null;
}

export function disputeFacts(dispute: Record<string, unknown>): DisputeFacts | string {
  const disputeId = str(dispute.id);
  if (!disputeId || disputeId.length > 255) return 'dispute has no id';
  const amountCents = cents(dispute.amount);
  if (amountCents === null || amountCents < 0n) return `dispute ${disputeId} has no valid amount`;
  const charge = dispute.charge && typeof dispute.charge === 'object' ? (dispute.charge as Record<string, unknown>) : null;
  return {
    disputeId,
    amountCents,
    status: str(dispute.status) ?? 'unknown',
    reason: str(dispute.reason),
    paymentIntentId: idOf(dispute.payment_intent) ?? idOf(charge?.payment_intent),
  };
}

/** A closed dispute gives the credits back when the merchant kept the money (won, or an inquiry that ended). */
export const disputeKeptMoney = (status: string): boolean => status === 'won' || status === 'warning_closed';

/**
 * Credits a dispute of `amountCents` takes back: the paid share (as for refunds), never more than
 * the purchase still holds after its refunds and its other disputes.
 */
export function disputedCredits(
  purchase: { credits: bigint; refundedCredits: bigint },
  amountCents: bigint,
  paidCents: bigint,
  otherDisputedCredits: bigint,
): bigint {
  const share = refundedCreditsShare(purchase.credits, amountCents < paidCents ? amountCents : paidCents, paidCents);
  const left = purchase.credits - purchase.refundedCredits - otherDisputedCredits;
  if (left <= 0n) return 0n;
  return share < left ? share : left;
}
