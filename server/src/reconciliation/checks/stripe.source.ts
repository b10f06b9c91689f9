import type Stripe from 'stripe';
import type { StripeChargeLite } from '../reconciliation.rules.js';

const secs = (d: Date) => Math.floor(d.getTime() / 1000);
const paid = (c: Stripe.Charge) => c.paid && c.status === 'succeeded';

const lite = (c: Stripe.Charge): StripeChargeLite => ({
  id: c.id,
  amountCents: BigInt(c.amount),
  amountRefundedCents: BigInt(c.amount_refunded ?? 0),
  paymentIntentId: typeof c.payment_intent === 'string' ? c.payment_intent : (c.payment_intent?.id ?? null),
  purchaseIdFromMetadata: c.metadata?.purchase_id ?? null,
  created: new Date(c.created * 1000),
});

/** Every item of an auto-paginating Stripe list (the SDK's toArray stops at 10,000). */
async function collect<T>(list: AsyncIterable<T>, max = 1_000_000): Promise<T[]> {
  const out: T[] = [];
  for await (const item of list) {
    out.push(item);
    if (out.length >= max) throw new Error(`more than ${max} Stripe objects in one day`);
  }
  return out;
}

/**
 * What Stripe says about a day, through the SDK: the paid charges created that day, plus the
 * older charges that the day's refunds touched; and the payment intents of the charges paid a
 * day either side (so a purchase fulfilled just after midnight still finds its charge).
 */
export async function stripeChargesOfDay(
  stripe: Stripe,
  from: Date,
  to: Date,
): Promise<{ charges: StripeChargeLite[]; aroundIntents: Set<string> }> {
  const around = await collect(stripe.charges.list({ created: { gte: secs(from) - 86_400, lt: secs(to) + 86_400 }, limit: 100 }));
  const charges = around.filter((c) => paid(c) && c.created >= secs(from) && c.created < secs(to)).map(lite);
  const refunds = await collect(stripe.refunds.list({ created: { gte: secs(from), lt: secs(to) }, limit: 100, expand: ['data.charge'] }));
  const seen = new Set(charges.map((c) => c.id));
  for (const r of refunds) {
    if (r.status !== 'succeeded' || !r.charge || typeof r.charge === 'string') continue;
    if (!seen.has(r.charge.id)) {
      seen.add(r.charge.id);
      charges.push(lite(r.charge));
    }
  }
  const aroundIntents = new Set(
    around
      .filter(paid)
      .map((c) => lite(c).paymentIntentId)
      .filter((x): x is string => Boolean(x)),
  );
  return { charges, aroundIntents };
}
