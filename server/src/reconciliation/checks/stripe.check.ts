import type Stripe from 'stripe';
import { toBigInt } from '../../db/values.js';
import { compareStripeCharges, type PurchaseLite } from '../reconciliation.rules.js';
import type { Check } from './check.js';
import { purchasesFulfilledIn, purchasesOfCharges } from '../queries/stripe.queries.js';
import { stripeChargesOfDay } from './stripe.source.js';

/** A PostgreSQL array literal for one `?::text[]` parameter (knex would expand a JS array into a list). */
const pgTextArray = (values: string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '')}"`).join(',')}}`;

const toLite = (r: Record<string, string | null>): PurchaseLite => ({
  id: r.id as string,
  accountId: r.account_id as string,
  status: r.status as string,
  kind: r.kind as string,
  credits: toBigInt(r.credits),
  amountPaidCents: r.amount_paid_cents === null ? null : toBigInt(r.amount_paid_cents),
  refundedCents: toBigInt(r.refunded_cents),
  paymentIntentId: r.stripe_payment_intent_id,
  transactionId: r.transaction_id,
});

/** Three-way: the day's Stripe charges and refunds vs purchases and REFUND entries. */
export const stripeCheck = (stripe: Stripe | null): Check => ({
  name: 'stripe',
  async run({ em, from, to }) {
    if (!stripe) return { skipped: 'STRIPE_SECRET_KEY is not set' };
    const { charges, aroundIntents } = await stripeChargesOfDay(stripe, from, to);
    const intents = charges.map((c) => c.paymentIntentId).filter((x): x is string => Boolean(x));
    const metaIds = charges.map((c) => c.purchaseIdFromMetadata).filter((x): x is string => Boolean(x && /^[0-9a-f-]{36}$/i.test(x)));
    const range = [from.toISOString(), to.toISOString()];
    const purchases = (await purchasesOfCharges(em, [pgTextArray(intents), pgTextArray(metaIds), ...range])).map(toLite);
    const byIntent = new Map(purchases.filter((p) => p.paymentIntentId).map((p) => [p.paymentIntentId as string, p]));
    const byId = new Map(purchases.map((p) => [p.id, p]));
    const fulfilled = await purchasesFulfilledIn(em, range);
    return compareStripeCharges(charges, { byIntent, byId }, fulfilled.map(toLite), aroundIntents);
  },
});
