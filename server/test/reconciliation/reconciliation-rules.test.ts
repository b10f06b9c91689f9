import { describe, expect, it } from 'vitest';
import { compareProviderUsage, compareStripeCharges, type PurchaseLite } from '../../src/reconciliation/reconciliation.rules.js';

const rates = { inputPer1k: 2400n, cachedInputPer1k: 1200n, outputPer1k: 9600n };
const mt = (model: string, i: bigint, c: bigint, o: bigint, n: bigint) => ({
  model,
  inputTokens: i,
  cachedInputTokens: c,
  outputTokens: o,
  requests: n,
});

describe('provider usage comparison', () => {
  it('is silent when the provider agrees, and prices drift per token kind when it does not', () => {
    expect(compareProviderUsage([mt('m', 1000n, 100n, 50n, 2n)], [mt('m', 1000n, 100n, 50n, 2n)], () => rates)).toEqual([]);
    // We recorded 1 more uncached input token and 3 more output tokens than the provider billed.
    const [f] = compareProviderUsage([mt('m', 1001n, 100n, 53n, 2n)], [mt('m', 1000n, 100n, 50n, 2n)], () => rates);
    expect(f).toMatchObject({ subject: 'm', driftTokens: 4n, driftMillicredits: 32n }); // (2400 + 3 x 9600) / 1000 = 31.2 -> 32
    // Cached tokens moved between kinds: total tokens equal, credits differ.
    const [g] = compareProviderUsage([mt('m', 1000n, 0n, 0n, 1n)], [mt('m', 1000n, 1000n, 0n, 1n)], () => rates);
    expect(g).toMatchObject({ driftTokens: 0n, driftMillicredits: 1200n });
  });

  it('reports models only one side knows, without a price when no rate is known', () => {
    const findings = compareProviderUsage([], [mt('gpt-unknown', 10n, 0n, 10n, 1n)], () => null);
    expect(findings).toEqual([expect.objectContaining({ subject: 'gpt-unknown', driftTokens: -20n, driftMillicredits: null })]);
  });
});

describe('Stripe charge comparison', () => {
  const purchase = (over: Partial<PurchaseLite>): PurchaseLite => ({
    id: 'p1',
    accountId: 'a1',
    status: 'FULFILLED',
    kind: 'CHECKOUT',
    credits: 9_990_000n,
    amountPaidCents: 999n,
    refundedCents: 0n,
    paymentIntentId: 'pi_1',
    transactionId: 't1',
    ...over,
  });
  const charge = (over: Partial<Parameters<typeof compareStripeCharges>[0][number]> = {}) => ({
    id: 'ch_1',
    amountCents: 999n,
    amountRefundedCents: 0n,
    paymentIntentId: 'pi_1',
    purchaseIdFromMetadata: null,
    created: new Date(),
    ...over,
  });

  it('matches charges to purchases by payment intent or metadata, and reports refund drift', () => {
    const p = purchase({});
    const maps = { byIntent: new Map([['pi_1', p]]), byId: new Map([['p1', p]]) };
    expect(compareStripeCharges([charge()], maps, [p], new Set(['pi_1']))).toEqual([]);
    expect(compareStripeCharges([charge({ paymentIntentId: null, purchaseIdFromMetadata: 'p1' })], maps, [], new Set())).toEqual([]);
    const [drift] = compareStripeCharges([charge({ amountRefundedCents: 500n })], maps, [], new Set());
    expect(drift).toMatchObject({ check: 'stripe_refund_drift', driftMillicredits: -5_000_000n });
  });

  it('ignores test-mode checkouts with no Stripe charge', () => {
    const p = purchase({ kind: 'TEST_CHECKOUT', paymentIntentId: null });
    expect(compareStripeCharges([], { byIntent: new Map(), byId: new Map() }, [p], new Set())).toEqual([]);
  });
});
