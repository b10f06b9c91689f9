import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FulfilmentService } from '../../src/billing/fulfilment.service.js';
import { sessionFacts } from '../../src/billing/billing.rules.js';
import { createLogger } from '../../src/logger.js';
import { counterValue, counters } from '../../src/metrics/metrics.js';
import { graphql } from '../gql/index.js';
import { deliver, event, WEBHOOK_SECRET } from './fake-stripe.js';
import { MyPurchases, buyPack, checkoutAndPay, ledgerOf, purchaseRow, startBillingApp, type BillingTest } from './support.js';

const FailedEvents = graphql(`
  query BillingFailedEvents {
    failedStripeEvents(first: 50) {
      id
      type
      status
      attempts
      lastError
      purchaseId
    }
  }
`);

const STARTER = 10_000_000n; // 10,000 credits

let b: BillingTest;
beforeAll(async () => {
  b = await startBillingApp();
});
afterAll(async () => b?.close());

const eventCount = async () => Number((await b.t.db.query<{ n: string }>(`select count(*) as n from stripe_events`))[0].n);
const balanceOf = async (accountId: string) =>
  BigInt((await b.t.db.query<{ posted: string }>(`select posted from accounts where id = $1`, [accountId]))[0].posted);

describe('POST /webhooks/stripe signatures', () => {
  it('refuses forged, missing and tampered signatures with 400 and writes nothing', async () => {
    const user = await b.t.account();
    const { completed, purchaseId } = await checkoutAndPay(b, user.key);
    const before = await eventCount();
    const failuresBefore = await counterValue(counters.webhookFailures, { type: 'unverified' });
    const body = JSON.stringify(completed);

    const forged = await deliver(b.t.url, body, { secret: 'whsec_someone_else' });
    const missing = await deliver(b.t.url, body, { signature: null });
    const garbage = await deliver(b.t.url, body, { signature: 't=1,v1=deadbeef' });
    // Signed correctly, then the amount is changed in transit.
    const { default: Stripe } = await import('stripe');
    const goodHeader = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET });
    const tampered = await deliver(b.t.url, body.replace('"amount_total":999', '"amount_total":1'), { signature: goodHeader });
    // A correct signature that is too old (replay of a captured request).
    const stale = Stripe.webhooks.generateTestHeaderString({
      payload: body,
      secret: WEBHOOK_SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    const old = await deliver(b.t.url, body, { signature: stale });

    expect([forged.status, missing.status, garbage.status, tampered.status, old.status]).toEqual([400, 400, 400, 400, 400]);
    expect(await eventCount()).toBe(before);
    expect(await counterValue(counters.webhookFailures, { type: 'unverified' })).toBe(failuresBefore + 5);
    expect((await purchaseRow(b, purchaseId)).status).toBe('PENDING');
    expect(await balanceOf(user.id)).toBe(0n);
  });
});

describe('POST /webhooks/stripe bad text', () => {
  it('answers 400 with a clear message and writes nothing for a signed event PostgreSQL cannot store', async () => {
    const user = await b.t.account();
    const { purchaseId, completed } = await checkoutAndPay(b, user.key);
    const before = await eventCount();
    const nulInId = { ...completed, id: 'evt_nul\u0000id' };
    const nulInPayload = {
      ...completed,
      id: `${completed.id}_b`,
      data: { object: { ...completed.data.object, client_reference_id: 'a\u0000b' } },
    };
    const loneSurrogate = { ...completed, id: `${completed.id}_c`, type: 'checkout.session.completed\ud800' };
    const answers = [];
    for (const payload of [nulInId, nulInPayload, loneSurrogate]) {
      const res = await deliver(b.t.url, payload); // signed with the real SDK: the signature is valid
      answers.push({ status: res.status, body: await res.json() });
    }
    expect(answers).toEqual([
      { status: 400, body: { error: 'the event holds text that cannot be stored (a NUL character or a lone surrogate) at id' } },
      {
        status: 400,
        body: {
          error: 'the event holds text that cannot be stored (a NUL character or a lone surrogate) at data.object.client_reference_id',
        },
      },
      { status: 400, body: { error: 'the event holds text that cannot be stored (a NUL character or a lone surrogate) at type' } },
    ]);
    expect(await eventCount()).toBe(before);
    expect((await purchaseRow(b, purchaseId)).status).toBe('PENDING');
    expect(await balanceOf(user.id)).toBe(0n);
  });
});

describe('fulfilment', () => {
  it('credits a paid session once, with receipt URL and payment intent on the purchase', async () => {
    const user = await b.t.account();
    const { purchaseId, session } = await buyPack(b, user.key, 'starter');
    const res = await b.t.gql(MyPurchases, {}, user.key);
    expect(res.errors).toBeUndefined();
    const me = res.data!.me;
    expect(me.balance.balanceMillicredits).toBe(STARTER.toString());
    expect(me.purchases).toHaveLength(1);
    expect(me.purchases[0]).toMatchObject({
      id: purchaseId,
      packId: 'starter',
      status: 'FULFILLED',
      kind: 'CHECKOUT',
      amountCents: 999,
      amountPaidCents: 999,
      creditsMillicredits: STARTER.toString(),
      stripeCheckoutSessionId: session.id,
      stripePaymentIntentId: session.payment_intent,
    });
    expect(me.purchases[0].receiptUrl).toMatch(/^https:\/\/pay\.stripe\.test\/receipts\/ch_/);
    const entries = await ledgerOf(b, user.id);
    expect(entries).toEqual([expect.objectContaining({ type: 'PURCHASE', amount: STARTER.toString(), reference_id: purchaseId })]);
    expect(me.purchases[0].transactionId).toBe(entries[0].id);
  });

  it('answers a repeated event 200 and credits nothing twice (sequential)', async () => {
    const user = await b.t.account();
    const { completed } = await checkoutAndPay(b, user.key, 'pro');
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await deliver(b.t.url, completed)).status);
    expect(statuses).toEqual([200, 200, 200]);
    expect(await balanceOf(user.id)).toBe(52_000_000n);
    expect((await ledgerOf(b, user.id)).filter((e) => e.type === 'PURCHASE')).toHaveLength(1);
  });

  it('credits once under 6 concurrent deliveries of the same event', async () => {
    const user = await b.t.account();
    const { completed, purchaseId } = await checkoutAndPay(b, user.key, 'enterprise');
    const responses = await Promise.all(Array.from({ length: 6 }, () => deliver(b.t.url, completed)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await balanceOf(user.id)).toBe(110_000_000n);
    expect((await ledgerOf(b, user.id)).filter((e) => e.type === 'PURCHASE')).toHaveLength(1);
    expect((await purchaseRow(b, purchaseId)).status).toBe('FULFILLED');
  });

  it('credits once under 6 concurrent deliveries of distinct events for one session', async () => {
    const user = await b.t.account();
    const { session } = await checkoutAndPay(b, user.key, 'starter');
    const events = Array.from({ length: 6 }, (_, i) =>
      event(i % 2 ? 'checkout.session.async_payment_succeeded' : 'checkout.session.completed', session),
    );
    const responses = await Promise.all(events.map((e) => deliver(b.t.url, e)));
    // A refusal's body says why (the event inbox keeps the error too): printed, so a failure here can be read.
    for (const r of responses) if (r.status !== 200) console.error('webhook delivery answered', r.status, await r.text());
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await balanceOf(user.id)).toBe(STARTER);
    expect((await ledgerOf(b, user.id)).filter((e) => e.type === 'PURCHASE')).toHaveLength(1);
  });

  it('completed (async, unpaid) then async_payment_succeeded for one session credits once, on success', async () => {
    const user = await b.t.account();
    const { session, purchaseId } = await checkoutAndPay(b, user.key, 'starter', { paymentStatus: 'unpaid' });
    expect((await deliver(b.t.url, event('checkout.session.completed', session))).status).toBe(200);
    expect((await purchaseRow(b, purchaseId)).status).toBe('PENDING');
    expect(await balanceOf(user.id)).toBe(0n);

    session.payment_status = 'paid';
    expect((await deliver(b.t.url, event('checkout.session.async_payment_succeeded', session))).status).toBe(200);
    expect((await deliver(b.t.url, event('checkout.session.completed', session))).status).toBe(200);
    expect(await balanceOf(user.id)).toBe(STARTER);
    expect((await purchaseRow(b, purchaseId)).status).toBe('FULFILLED');
    expect((await ledgerOf(b, user.id)).filter((e) => e.type === 'PURCHASE')).toHaveLength(1);
  });

  it('marks an underpaid session FAILED and credits nothing', async () => {
    const user = await b.t.account();
    const { completed, purchaseId } = await checkoutAndPay(b, user.key, 'pro', { amountTotal: 100 });
    expect((await deliver(b.t.url, completed)).status).toBe(200);
    const row = await purchaseRow(b, purchaseId);
    expect(row.status).toBe('FAILED');
    expect(row.failure_reason).toMatch(/paid 100 of 4999/);
    expect(await balanceOf(user.id)).toBe(0n);
    expect(await ledgerOf(b, user.id)).toEqual([]);
  });

  it('logs a warning (no payload, no email) when the payment does not match', async () => {
    const lines: string[] = [];
    const log = createLogger('info', new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    const fulfilment = new FulfilmentService(b.t.services.orm.em, b.t.services.ledger, null, log);
    const user = await b.t.account();
    const { session, purchaseId } = await checkoutAndPay(b, user.key, 'starter', { amountTotal: 5 });
    const outcome = await fulfilment.fulfil(purchaseId, sessionFacts(session));
    expect(outcome.kind).toBe('mismatch');
    const warning = lines.map((l) => JSON.parse(l)).find((l) => l.level === 40);
    expect(warning).toMatchObject({ purchaseId, accountId: user.id, reason: expect.stringMatching(/paid 5 of 999/) });
    expect(lines.join('')).not.toMatch(/example\.test|cs_test|metadata/);
    expect(await balanceOf(user.id)).toBe(0n);
  });

  it('refuses a session in another currency or whose subtotal is not the pack price', async () => {
    const user = await b.t.account();
    const a = await checkoutAndPay(b, user.key, 'starter');
    a.session.currency = 'eur';
    await deliver(b.t.url, event('checkout.session.completed', a.session));
    const c = await checkoutAndPay(b, user.key, 'starter');
    c.session.amount_subtotal = 1;
    c.session.amount_total = 1;
    await deliver(b.t.url, event('checkout.session.completed', c.session));
    expect((await purchaseRow(b, a.purchaseId)).status).toBe('FAILED');
    expect((await purchaseRow(b, c.purchaseId)).status).toBe('FAILED');
    expect(await balanceOf(user.id)).toBe(0n);
  });

  it('accepts a Stripe promotion code discount and records what was paid', async () => {
    const user = await b.t.account();
    const { completed, purchaseId } = await checkoutAndPay(b, user.key, 'starter', { discount: 200 });
    expect((await deliver(b.t.url, completed)).status).toBe(200);
    const row = await purchaseRow(b, purchaseId);
    expect(row).toMatchObject({ status: 'FULFILLED', amount_paid_cents: '799', discount_cents: '200' });
    expect(await balanceOf(user.id)).toBe(STARTER);
  });

  it('keeps an event for an unknown session as FAILED, credits nothing, and lists it for staff', async () => {
    const unknown = event('checkout.session.completed', {
      id: 'cs_test_unknown',
      object: 'checkout.session',
      payment_status: 'paid',
      amount_subtotal: 999,
      amount_total: 999,
      currency: 'usd',
      metadata: { purchase_id: '00000000-0000-4000-8000-000000000000' },
      client_reference_id: null,
    });
    const noMetadata = event('checkout.session.completed', {
      id: 'cs_test_foreign',
      object: 'checkout.session',
      payment_status: 'paid',
      amount_total: 500,
      currency: 'usd',
      metadata: {},
    });
    const credits = await b.t.db.query(`select count(*) as n from ledger_transactions where type = 'PURCHASE'`);
    const failed = await counterValue(counters.webhookFailures, { type: 'checkout.session.completed' });
    expect((await deliver(b.t.url, unknown)).status).toBe(200);
    expect((await deliver(b.t.url, noMetadata)).status).toBe(200);
    expect(await b.t.db.query(`select count(*) as n from ledger_transactions where type = 'PURCHASE'`)).toEqual(credits);
    expect(await counterValue(counters.webhookFailures, { type: 'checkout.session.completed' })).toBe(failed + 2);

    const support = await b.t.account(0n, 'SUPPORT');
    const list = await b.t.gql(FailedEvents, {}, support.key);
    expect(list.errors).toBeUndefined();
    const ids = list.data!.failedStripeEvents.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining([unknown.id, noMetadata.id]));
    expect(list.data!.failedStripeEvents.find((e) => e.id === unknown.id)).toMatchObject({
      status: 'FAILED',
      lastError: expect.stringMatching(/unknown purchase/),
    });

    const user = await b.t.account();
    expect((await b.t.gql(FailedEvents, {}, user.key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('ignores event types it does not handle (stored, answered 200)', async () => {
    const e = event('customer.created', { id: 'cus_x', object: 'customer' });
    expect((await deliver(b.t.url, e)).status).toBe(200);
    const [row] = await b.t.db.query(`select status from stripe_events where id = $1`, [e.id]);
    expect(row.status).toBe('IGNORED');
  });
});
