import { ceilDiv, centsToMillicredits, type Per1kRates } from '../money/money.js';

/** A discrepancy found by a check; stored on the run and counted by a metric. */
export interface Finding {
  check: string;
  accountId?: string | null;
  subject?: string | null;
  expected?: string | null;
  actual?: string | null;
  driftMillicredits?: bigint | null;
  driftTokens?: bigint | null;
  details?: Record<string, unknown> | null;
}

export interface CheckSummary {
  name: string;
  status: 'OK' | 'MISMATCH' | 'SKIPPED' | 'FAILED';
  findings: number;
  note?: string;
}

/** Per-model token totals of one day (ours from usage rows, theirs from the provider's report). */
export interface ModelTokens {
  model: string;
  /** All prompt tokens, cached included (OpenAI's `input_tokens`). */
  inputTokens: bigint;
  cachedInputTokens: bigint;
  outputTokens: bigint;
  requests: bigint;
}

const abs = (v: bigint) => (v < 0n ? -v : v);

/**
 * Provider usage vs our usage rows, per model. Drift in tokens is ours - theirs over all token
 * kinds; drift in credits prices the per-kind token differences at the model's rates (what we
 * under- or over-charged, signed like the tokens).
 */
export function compareProviderUsage(ours: ModelTokens[], theirs: ModelTokens[], ratesOf: (model: string) => Per1kRates | null): Finding[] {
  const byModel = new Map<string, { ours?: ModelTokens; theirs?: ModelTokens }>();
  for (const o of ours) byModel.set(o.model, { ...byModel.get(o.model), ours: o });
  for (const t of theirs) byModel.set(t.model, { ...byModel.get(t.model), theirs: t });
  const zero: ModelTokens = { model: '', inputTokens: 0n, cachedInputTokens: 0n, outputTokens: 0n, requests: 0n };
  const findings: Finding[] = [];
  for (const [model, { ours: o = zero, theirs: t = zero }] of [...byModel.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const dUncached = o.inputTokens - o.cachedInputTokens - (t.inputTokens - t.cachedInputTokens);
    const dCached = o.cachedInputTokens - t.cachedInputTokens;
    const dOutput = o.outputTokens - t.outputTokens;
    const dRequests = o.requests - t.requests;
    if (dUncached === 0n && dCached === 0n && dOutput === 0n && dRequests === 0n) continue;
    const rates = ratesOf(model);
    let driftMillicredits: bigint | null = null;
    if (rates) {
      const exact = dUncached * rates.inputPer1k + dCached * rates.cachedInputPer1k + dOutput * rates.outputPer1k;
      const magnitude = ceilDiv(abs(exact), 1000n);
      driftMillicredits = exact < 0n ? -magnitude : magnitude;
    }
    findings.push({
      check: 'provider_usage',
      subject: model,
      expected: `provider: ${t.inputTokens} input (${t.cachedInputTokens} cached), ${t.outputTokens} output, ${t.requests} requests`,
      actual: `ours: ${o.inputTokens} input (${o.cachedInputTokens} cached), ${o.outputTokens} output, ${o.requests} requests`,
      driftTokens: dUncached + dCached + dOutput,
      driftMillicredits,
      details: {
        inputTokens: (dUncached + dCached).toString(),
        cachedInputTokens: dCached.toString(),
        outputTokens: dOutput.toString(),
        requests: dRequests.toString(),
      },
    });
  }
  return findings;
}

export interface StripeChargeLite {
  id: string;
  amountCents: bigint;
  amountRefundedCents: bigint;
  paymentIntentId: string | null;
  purchaseIdFromMetadata: string | null;
  created: Date;
}

export interface PurchaseLite {
  id: string;
  accountId: string;
  status: string;
  kind: string;
  credits: bigint;
  amountPaidCents: bigint | null;
  refundedCents: bigint;
  paymentIntentId: string | null;
  transactionId: string | null;
}

/** What one paid charge says against its purchase: it has none, it was not fulfilled, or refunds differ. */
function chargeFindings(c: StripeChargeLite, p: PurchaseLite | null): Finding[] {
  if (!p) {
    return [
      {
        check: 'stripe_charge_without_purchase',
        subject: c.id,
        expected: 'a fulfilled purchase for this paid charge',
        actual: 'no purchase',
        driftMillicredits: centsToMillicredits(c.amountCents),
        details: { chargeId: c.id, paymentIntentId: c.paymentIntentId, amountCents: c.amountCents.toString() },
      },
    ];
  }
  const findings: Finding[] = [];
  if (!p.transactionId || !['FULFILLED', 'PARTIALLY_REFUNDED', 'REFUNDED'].includes(p.status)) {
    findings.push({
      check: 'stripe_charge_not_fulfilled',
      accountId: p.accountId,
      subject: p.id,
      expected: 'FULFILLED with a PURCHASE entry',
      actual: p.status,
      driftMillicredits: p.credits,
      details: { chargeId: c.id, purchaseId: p.id },
    });
  }
  if (c.amountRefundedCents !== p.refundedCents) {
    findings.push({
      check: 'stripe_refund_drift',
      accountId: p.accountId,
      subject: p.id,
      expected: `${c.amountRefundedCents} cents refunded (Stripe)`,
      actual: `${p.refundedCents} cents refunded (purchase)`,
      driftMillicredits: centsToMillicredits(p.refundedCents - c.amountRefundedCents),
      details: { chargeId: c.id, purchaseId: p.id },
    });
  }
  return findings;
}

/**
 * The day's paid Stripe charges against the purchases (and, through them, the ledger): every charge
 * must belong to a fulfilled purchase, every fulfilled purchase of the day to a charge, and Stripe's
 * refunded amount must be what the purchase (and its REFUND entries) records.
 */
export function compareStripeCharges(
  charges: StripeChargeLite[],
  purchases: { byIntent: Map<string, PurchaseLite>; byId: Map<string, PurchaseLite> },
  fulfilledOfDay: PurchaseLite[],
  chargesAround: Set<string>,
): Finding[] {
  const purchaseOf = (c: StripeChargeLite) =>
    (c.paymentIntentId && purchases.byIntent.get(c.paymentIntentId)) ||
    (c.purchaseIdFromMetadata && purchases.byId.get(c.purchaseIdFromMetadata)) ||
    null;
  const withoutCharge = fulfilledOfDay.filter(
    (p) => p.kind !== 'TEST_CHECKOUT' && (!p.paymentIntentId || !chargesAround.has(p.paymentIntentId)),
  );
  return [
    ...charges.flatMap((c) => chargeFindings(c, purchaseOf(c))),
    ...withoutCharge.map((p) => ({
      check: 'purchase_without_stripe_charge',
      accountId: p.accountId,
      subject: p.id,
      expected: 'a paid Stripe charge',
      actual: p.paymentIntentId ? `no charge for ${p.paymentIntentId}` : 'no payment intent',
      driftMillicredits: p.credits,
    })),
  ];
}
