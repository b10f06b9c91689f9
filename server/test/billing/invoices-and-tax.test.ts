import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { deliver } from './fake-stripe.js';
import { checkoutAndPay, ledgerOf, purchaseRow, startBillingApp, type BillingTest } from './support.js';

const PurchaseDetails = graphql(`
  query BillingPurchaseDetails($id: ID!) {
    purchase(id: $id) {
      id
      status
      packName
      accountEmail
      amountPaidCents
      subtotalCents
      taxCents
      totalCents
      revenueCents
      refundableCents
      refundedCents
      creditsMillicredits
      refundedCreditsMillicredits
      invoiceUrl
      invoicePdfUrl
      receiptUrl
      ledgerEntries {
        type
        amountMillicredits
      }
      disputes {
        id
      }
    }
  }
`);

const RefundPurchase = graphql(`
  mutation BillingRefundPurchase($purchaseId: ID!, $amountCents: Int, $reason: String!) {
    refundPurchase(purchaseId: $purchaseId, amountCents: $amountCents, reason: $reason) {
      id
      status
      refundedCents
    }
  }
`);

const STARTER_CREDITS = '10000000';

/** The checkout session parameters the fake received for the session `id`. */
const sessionParams = (b: BillingTest, id: string) =>
  b.fake.calls('POST', '/v1/checkout/sessions').find((r) => b.fake.sessions.get(id)?.client_reference_id === r.params.client_reference_id)!
    .params;

describe('invoices without automatic tax', () => {
  let b: BillingTest;
  beforeAll(async () => {
    b = await startBillingApp();
  });
  afterAll(async () => b?.close());

  it('creates every Checkout Session with an invoice and asks for no tax', async () => {
    const { key } = await b.t.account(0n);
    const { sessionId, completed, purchaseId } = await checkoutAndPay(b, key);
    const params = sessionParams(b, sessionId);
    expect(params['invoice_creation[enabled]']).toBe('true');
    expect(params['invoice_creation[invoice_data][metadata][purchase_id]']).toBe(purchaseId);
    for (const taxParam of [
      'automatic_tax[enabled]',
      'tax_id_collection[enabled]',
      'billing_address_collection',
      'line_items[0][price_data][tax_behavior]',
    ])
      expect(params[taxParam], taxParam).toBeUndefined();

    expect((await deliver(b.t.url, completed)).status).toBe(200);
    const res = await b.t.gql(PurchaseDetails, { id: purchaseId }, key);
    const p = res.data!.purchase!;
    expect(p).toMatchObject({ status: 'FULFILLED', subtotalCents: 999, taxCents: 0, totalCents: 999, revenueCents: 999 });
    const invoiceId = b.fake.sessions.get(sessionId)!.invoice as string;
    expect(p.invoiceUrl).toBe(b.fake.invoices.get(invoiceId)!.hosted_invoice_url);
    expect(p.invoicePdfUrl).toBe(b.fake.invoices.get(invoiceId)!.invoice_pdf);
    expect(b.fake.calls('GET', `/v1/invoices/${invoiceId}`)).toHaveLength(1);
  });
});

describe('invoices and tax with STRIPE_AUTOMATIC_TAX=true', () => {
  let b: BillingTest;
  beforeAll(async () => {
    b = await startBillingApp({ STRIPE_AUTOMATIC_TAX: 'true' });
  });
  afterAll(async () => b?.close());

  it('asks Stripe for automatic tax, the tax ID and the billing address, with the pack price tax-exclusive', async () => {
    const { key } = await b.t.account(0n);
    const { sessionId } = await checkoutAndPay(b, key);
    const params = sessionParams(b, sessionId);
    expect(params).toMatchObject({
      'invoice_creation[enabled]': 'true',
      'automatic_tax[enabled]': 'true',
      'tax_id_collection[enabled]': 'true',
      billing_address_collection: 'required',
      'line_items[0][price_data][tax_behavior]': 'exclusive',
      'line_items[0][price_data][unit_amount]': '999',
    });
  });

  it('credits exactly the pack for a session whose total includes tax (paid 1199 of 999), and records the split', async () => {
    const account = await b.t.account(0n);
    const { purchaseId, completed } = await checkoutAndPay(b, account.key, 'starter', { tax: 200 });
    expect(completed.data.object.amount_total).toBe(1199);
    expect((await deliver(b.t.url, completed)).status).toBe(200);

    const row = await purchaseRow(b, purchaseId);
    expect(row.status).toBe('FULFILLED');
    expect(row.failure_reason).toBeNull();
    const ledger = await ledgerOf(b, account.id);
    expect(ledger.filter((e) => e.type === 'PURCHASE').map((e) => e.amount)).toEqual([STARTER_CREDITS]);

    const p = (await b.t.gql(PurchaseDetails, { id: purchaseId }, account.key)).data!.purchase!;
    expect(p).toMatchObject({
      packName: 'Starter',
      subtotalCents: 999,
      taxCents: 200,
      totalCents: 1199,
      amountPaidCents: 1199,
      creditsMillicredits: STARTER_CREDITS,
      refundableCents: 1199,
    });
    expect(p.invoiceUrl).toMatch(/^https:\/\/invoice\.stripe\.test\/i\/in_/);
    expect(p.invoicePdfUrl).toMatch(/\/pdf$/);

    // The month's statement shows what was paid, the tax in it and the invoice.
    const month = new Date().toISOString().slice(0, 7);
    const csv = await (await fetch(`${b.t.url}/statements/${month}.csv`, { headers: { authorization: `Bearer ${account.key}` } })).text();
    const lines = csv.split(/\r?\n/);
    const purchaseLine = lines.find((l) => l.startsWith('PURCHASE,'))!;
    expect(purchaseLine).toContain(`,11.99,2.00,${p.invoiceUrl}`);
    expect(lines.find((l) => l.startsWith('TOTAL_PAID,'))).toMatch(/,11\.99,2\.00,$/);
  });

  it('counts revenue before tax: a taxed purchase earns its pre-tax amount, and a refund takes back only its pre-tax share', async () => {
    const account = await b.t.account(0n);
    const { purchaseId, completed } = await checkoutAndPay(b, account.key, 'starter', { tax: 200 });
    await deliver(b.t.url, completed);
    const finance = await b.t.account(0n, 'FINANCE');
    const before = (await b.t.gql(PurchaseDetails, { id: purchaseId }, finance.key)).data!.purchase!;
    expect(before.revenueCents).toBe(999);

    const refunded = await b.t.gql(RefundPurchase, { purchaseId, amountCents: 600, reason: 'customer asked' }, finance.key);
    expect(refunded.errors).toBeUndefined();
    const pi = (await purchaseRow(b, purchaseId)).stripe_payment_intent_id as string;
    expect((await deliver(b.t.url, b.fake.chargeRefundedEvent(pi))).status).toBe(200);

    const after = (await b.t.gql(PurchaseDetails, { id: purchaseId }, finance.key)).data!.purchase!;
    // 600 of 1199 refunded: 600 × 999 / 1199 = 499 of revenue, the rest was tax.
    expect(after).toMatchObject({ status: 'PARTIALLY_REFUNDED', refundedCents: 600, revenueCents: 500, refundableCents: 599 });
    // Credits go back in proportion to the payment, tax included: 600/1199 of the pack.
    expect(after.refundedCreditsMillicredits).toBe(((10_000_000n * 600n) / 1199n).toString());
  });

  it('refundPurchase calls Stripe once per request and the charge.refunded webhook books it once', async () => {
    const account = await b.t.account(0n);
    const { purchaseId, completed } = await checkoutAndPay(b, account.key, 'starter', { tax: 200 });
    await deliver(b.t.url, completed);
    const finance = await b.t.account(0n, 'FINANCE');
    const refundsBefore = b.fake.calls('POST', '/v1/refunds').length;

    const res = await b.t.gql(RefundPurchase, { purchaseId, amountCents: null, reason: 'duplicate purchase' }, finance.key);
    expect(res.errors).toBeUndefined();
    // Nothing is booked until Stripe says so.
    expect(res.data!.refundPurchase).toMatchObject({ status: 'FULFILLED', refundedCents: 0 });
    const calls = b.fake.calls('POST', '/v1/refunds').slice(refundsBefore);
    expect(calls).toHaveLength(1);
    const pi = (await purchaseRow(b, purchaseId)).stripe_payment_intent_id as string;
    expect(calls[0].params).toMatchObject({ payment_intent: pi, amount: '1199', 'metadata[purchase_id]': purchaseId });
    expect(calls[0].idempotencyKey).toBe(`refund:${purchaseId}:0:1199`);

    const refundedEvent = b.fake.chargeRefundedEvent(pi);
    expect((await deliver(b.t.url, refundedEvent)).status).toBe(200);
    expect((await deliver(b.t.url, refundedEvent)).status).toBe(200); // Stripe's retry
    expect((await deliver(b.t.url, b.fake.chargeRefundedEvent(pi))).status).toBe(200); // another event, same state
    const refunds = (await ledgerOf(b, account.id)).filter((e) => e.type === 'REFUND');
    expect(refunds.map((e) => e.amount)).toEqual([`-${STARTER_CREDITS}`]);
    expect((await purchaseRow(b, purchaseId)).status).toBe('REFUNDED');

    const audit = await b.t.db.query<{ action: string; reason: string; actor_role: string | null }>(
      `select action, reason, actor_role from audit_log where target_id = $1 and action = 'billing.refundPurchase'`,
      [purchaseId],
    );
    expect(audit).toEqual([{ action: 'billing.refundPurchase', reason: 'duplicate purchase', actor_role: 'FINANCE' }]);

    // Everything is refunded now: asking again is refused and reaches no one.
    const again = await b.t.gql(RefundPurchase, { purchaseId, amountCents: 1, reason: 'again' }, finance.key);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(b.fake.calls('POST', '/v1/refunds').slice(refundsBefore)).toHaveLength(1);
  });

  it('refuses a bad refund with a typed error and changes nothing', async () => {
    const account = await b.t.account(0n);
    const { purchaseId, completed } = await checkoutAndPay(b, account.key, 'starter', { tax: 200 });
    await deliver(b.t.url, completed);
    const finance = await b.t.account(0n, 'FINANCE');
    const refundsBefore = b.fake.calls('POST', '/v1/refunds').length;
    const auditBefore = await b.t.db.query(`select count(*)::int n from audit_log`);
    for (const [amountCents, reason, field] of [
      [0, 'zero', 'amountCents'],
      [-5, 'negative', 'amountCents'],
      [1200, 'more than was paid', 'amountCents'],
      [100, '   ', 'reason'],
    ] as const) {
      const res = await b.t.gql(RefundPurchase, { purchaseId, amountCents, reason }, finance.key);
      expect(res.errors?.[0].extensions, `${amountCents} ${reason}`).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const unknown = await b.t.gql(RefundPurchase, { purchaseId: crypto.randomUUID(), amountCents: 1, reason: 'x' }, finance.key);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(b.fake.calls('POST', '/v1/refunds').length).toBe(refundsBefore);
    expect(await b.t.db.query(`select count(*)::int n from audit_log`)).toEqual(auditBefore);
    expect((await purchaseRow(b, purchaseId)).refunded_cents).toBe('0');
  });

  it('turns Stripe refusing a refund into a typed error, with nothing booked', async () => {
    const account = await b.t.account(0n);
    const { purchaseId, completed } = await checkoutAndPay(b, account.key, 'starter', { tax: 200 });
    await deliver(b.t.url, completed);
    const finance = await b.t.account(0n, 'FINANCE');
    // Refunded in Stripe's dashboard, webhook not yet here: our row still thinks 1199 are refundable.
    const pi = (await purchaseRow(b, purchaseId)).stripe_payment_intent_id as string;
    b.fake.intents.get(pi)!.latest_charge.amount_refunded = 1199;
    const res = await b.t.gql(RefundPurchase, { purchaseId, amountCents: 100, reason: 'goodwill' }, finance.key);
    expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(res.errors?.[0].message).toMatch(/Stripe refused the refund/);
    expect((await ledgerOf(b, account.id)).filter((e) => e.type === 'REFUND')).toHaveLength(0);
  });
});
