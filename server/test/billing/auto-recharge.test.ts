import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { deliver, event } from './fake-stripe.js';
import { buyPack, startBillingApp, type BillingTest } from './support.js';

const SetAutoRecharge = graphql(`
  mutation BillingSetAutoRecharge($input: SetAutoRechargeInput!) {
    setAutoRecharge(input: $input) {
      enabled
      thresholdMillicredits
      packId
      targetBalanceMillicredits
      monthlyLimitCents
      hasPaymentMethod
      notice
    }
  }
`);
const MyAutoRecharge = graphql(`
  query BillingMyAutoRecharge {
    me {
      balance {
        availableMillicredits
      }
      autoRecharge {
        enabled
        spentThisMonthCents
        lastAttemptAt
        notice
        hasPaymentMethod
      }
    }
  }
`);
const Charge = graphql(`
  mutation BillingCharge($input: RecordUsageInput!) {
    recordUsage(input: $input) {
      chargedMillicredits
    }
  }
`);

const spendAll = (b: BillingTest, key: string, n: number, tag: string) =>
  Promise.all(
    Array.from({ length: n }, (_, i) =>
      // 100,000 input tokens x 2.400 = 240,000 millicredits each
      b.t.gql(Charge, { input: { model: 'test-model', inputTokens: 100_000, outputTokens: 0, idempotencyKey: `${tag}-${i}` } }, key),
    ),
  );

const intentsFor = (b: BillingTest, accountId: string) =>
  b.fake.calls('POST', '/v1/payment_intents').filter((r) => r.params['metadata[account_id]'] === accountId);

async function settle(b: BillingTest, accountId: string) {
  await b.t.services.billing.autoRecharge.drain();
  const rows = await b.t.db.query(`select * from purchases where account_id = $1 and kind = 'AUTO_RECHARGE' order by created_at`, [
    accountId,
  ]);
  return rows;
}

async function deliverIntent(b: BillingTest, paymentIntentId: string) {
  const intent = b.fake.intents.get(paymentIntentId)!;
  return deliver(b.t.url, event('payment_intent.succeeded', { ...intent, latest_charge: intent.latest_charge.id }));
}

/** One charge that brings available credits down to about `target`. */
async function spendTo(b: BillingTest, key: string, target: bigint, tag: string) {
  const me = await b.t.gql(MyAutoRecharge, {}, key);
  const available = BigInt(me.data!.me.balance.availableMillicredits);
  const inputTokens = Number(((available - target) * 10n) / 24n);
  const res = await b.t.gql(Charge, { input: { model: 'test-model', inputTokens, outputTokens: 0, idempotencyKey: tag } }, key);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
}

describe('auto-recharge (window 1 hour)', () => {
  let b: BillingTest;
  beforeAll(async () => {
    b = await startBillingApp();
  });
  afterAll(async () => b?.close());

  it('fires ONE off-session payment under concurrent charges, fulfilled by the webhook, then waits for the window', async () => {
    const user = await b.t.account();
    await buyPack(b, user.key, 'starter'); // saves the card; 10,000,000 mc
    const set = await b.t.gql(
      SetAutoRecharge,
      { input: { enabled: true, thresholdMillicredits: '9000000', packId: 'starter', monthlyLimitCents: 10_000 } },
      user.key,
    );
    expect(set.errors).toBeUndefined();
    expect(set.data!.setAutoRecharge).toMatchObject({ enabled: true, hasPaymentMethod: true, packId: 'starter' });

    const results = await spendAll(b, user.key, 8, 'burst'); // -1,920,000 -> 8,080,000
    expect(results.every((r) => !r.errors)).toBe(true);
    const rows = await settle(b, user.id);
    expect(rows).toHaveLength(1);
    const intents = intentsFor(b, user.id);
    expect(intents).toHaveLength(1);
    expect(intents[0].params).toMatchObject({
      amount: '999',
      currency: 'usd',
      off_session: 'true',
      confirm: 'true',
      'metadata[purchase_id]': rows[0].id,
    });
    expect(intents[0].params.customer).toMatch(/^cus_/);
    expect(intents[0].params.payment_method).toMatch(/^pm_/);
    expect(intents[0].idempotencyKey).toBe(`auto-recharge:${rows[0].id}`);
    expect(rows[0]).toMatchObject({ status: 'PENDING', pack_id: 'starter', amount_cents: '999' });

    // Fulfilled through the same webhook path (twice delivered, credited once).
    const piId = rows[0].stripe_payment_intent_id as string;
    expect((await deliverIntent(b, piId)).status).toBe(200);
    expect((await deliverIntent(b, piId)).status).toBe(200);
    let me = await b.t.gql(MyAutoRecharge, {}, user.key);
    expect(me.data!.me.balance.availableMillicredits).toBe(String(8_080_000 + 10_000_000));
    expect(me.data!.me.autoRecharge).toMatchObject({ enabled: true, spentThisMonthCents: 999 });

    // Under the threshold again within the window: nothing more.
    await spendAll(b, user.key, 40, 'drain'); // -9,600,000 -> 8,480,000
    expect(await settle(b, user.id)).toHaveLength(1);
    expect(intentsFor(b, user.id)).toHaveLength(1);
    me = await b.t.gql(MyAutoRecharge, {}, user.key);
    expect(me.data!.me.balance.availableMillicredits).toBe('8480000');
  });

  it('validates its settings', async () => {
    const user = await b.t.account();
    const bad = [
      { enabled: true, thresholdMillicredits: '100', monthlyLimitCents: 1000 },
      { enabled: true, thresholdMillicredits: '100', packId: 'starter', targetBalanceMillicredits: '500', monthlyLimitCents: 1000 },
      { enabled: true, thresholdMillicredits: '100', packId: 'nope', monthlyLimitCents: 1000 },
      { enabled: true, thresholdMillicredits: '1000', targetBalanceMillicredits: '500', monthlyLimitCents: 1000 },
      { enabled: true, thresholdMillicredits: '-1', packId: 'starter', monthlyLimitCents: 1000 },
      { enabled: true, thresholdMillicredits: '100', packId: 'starter', monthlyLimitCents: -5 },
    ];
    for (const input of bad) {
      const res = await b.t.gql(SetAutoRecharge, { input }, user.key);
      expect(res.errors?.[0].extensions?.code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
    }
    const other = await b.t.account();
    const foreign = await b.t.gql(
      SetAutoRecharge,
      { input: { accountId: other.id, enabled: true, thresholdMillicredits: '1', packId: 'starter', monthlyLimitCents: 1 } },
      user.key,
    );
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('auto-recharge (no window)', () => {
  let b: BillingTest;
  beforeAll(async () => {
    b = await startBillingApp({ AUTO_RECHARGE_WINDOW_SECONDS: 0 });
  });
  afterAll(async () => b?.close());

  it('respects the monthly limit and tells the user', async () => {
    const user = await b.t.account();
    await buyPack(b, user.key, 'starter'); // 10,000,000
    await b.t.gql(
      SetAutoRecharge,
      { input: { enabled: true, thresholdMillicredits: '9000000', packId: 'starter', monthlyLimitCents: 2000 } },
      user.key,
    );

    for (let round = 0; round < 3; round++) {
      await spendTo(b, user.key, 8_500_000n, `round${round}`);
      const rows = await settle(b, user.id);
      for (const r of rows.filter((r) => r.status === 'PENDING')) await deliverIntent(b, r.stripe_payment_intent_id as string);
    }
    const rows = await settle(b, user.id);
    // 999 + 999 = 1998 <= 2000; a third would exceed the limit.
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.status === 'FULFILLED')).toBe(true);
    expect(intentsFor(b, user.id)).toHaveLength(2);
    const me = await b.t.gql(MyAutoRecharge, {}, user.key);
    expect(me.data!.me.autoRecharge).toMatchObject({
      enabled: true,
      spentThisMonthCents: 1998,
      notice: expect.stringMatching(/Monthly auto-recharge limit/),
    });
    expect(BigInt(me.data!.me.balance.availableMillicredits)).toBeLessThan(9_000_000n);
  });

  it('turns itself off and tells the user when the card is declined', async () => {
    const user = await b.t.account();
    await buyPack(b, user.key, 'starter');
    await b.t.gql(
      SetAutoRecharge,
      { input: { enabled: true, thresholdMillicredits: '9900000', targetBalanceMillicredits: '20000000', monthlyLimitCents: 5000 } },
      user.key,
    );
    b.fake.intentOutcome = 'card_declined';
    try {
      await spendAll(b, user.key, 3, 'declined'); // 9,280,000 available
      const rows = await settle(b, user.id);
      expect(rows).toHaveLength(1);
      // top up to 20,000,000 from 9,280,000 (or a little more, after concurrent charges): whole cents
      expect(rows[0]).toMatchObject({ status: 'FAILED', pack_id: 'top-up' });
      expect(BigInt(rows[0].credits as string)).toBe(BigInt(rows[0].amount_cents as string) * 10_000n);
      const me = await b.t.gql(MyAutoRecharge, {}, user.key);
      expect(me.data!.me.autoRecharge).toMatchObject({ enabled: false, notice: expect.stringMatching(/insufficient_funds.*turned off/) });
      await spendAll(b, user.key, 2, 'after');
      expect(await settle(b, user.id)).toHaveLength(1);
    } finally {
      b.fake.intentOutcome = 'succeeded';
    }
  });
});

describe('auto-recharge invoices, with STRIPE_AUTOMATIC_TAX=true', () => {
  let b: BillingTest;
  beforeAll(async () => {
    b = await startBillingApp({ STRIPE_AUTOMATIC_TAX: 'true' });
    b.fake.invoiceTax = 200;
  });
  afterAll(async () => b?.close());

  it('pays a taxed invoice for the pack: the intent charges its total, the credits are exactly the pack', async () => {
    const user = await b.t.account();
    await buyPack(b, user.key, 'starter'); // 10,000,000 mc, card saved
    await b.t.gql(
      SetAutoRecharge,
      { input: { enabled: true, thresholdMillicredits: '9900000', packId: 'starter', monthlyLimitCents: 10_000 } },
      user.key,
    );
    await spendAll(b, user.key, 1, 'taxed'); // 9,760,000 available
    const rows = await settle(b, user.id);
    expect(rows).toHaveLength(1);
    const purchaseId = rows[0].id as string;

    const [created] = b.fake.calls('POST', '/v1/invoices').filter((r) => r.params['metadata[purchase_id]'] === purchaseId);
    expect(created.params).toMatchObject({
      'automatic_tax[enabled]': 'true',
      collection_method: 'charge_automatically',
      auto_advance: 'false',
    });
    const invoiceId = rows[0].stripe_invoice_id as string;
    const [item] = b.fake.calls('POST', '/v1/invoiceitems').filter((r) => r.params.invoice === invoiceId);
    expect(item.params).toMatchObject({ amount: '999', tax_behavior: 'exclusive' });
    const [intent] = intentsFor(b, user.id);
    expect(intent.params).toMatchObject({ amount: '1199', 'metadata[invoice_id]': invoiceId, 'metadata[tax_cents]': '200' });
    expect(b.fake.invoices.get(invoiceId)).toMatchObject({ status: 'paid', amount_paid: 1199 });

    expect((await deliverIntent(b, rows[0].stripe_payment_intent_id as string)).status).toBe(200);
    const [after] = await settle(b, user.id);
    expect(after).toMatchObject({ status: 'FULFILLED', subtotal_cents: '999', tax_cents: '200', total_cents: '1199', credits: '10000000' });
    expect(after.invoice_url).toBe(b.fake.invoices.get(invoiceId)!.hosted_invoice_url);
    const me = await b.t.gql(MyAutoRecharge, {}, user.key);
    expect(me.data!.me.balance.availableMillicredits).toBe(String(9_760_000 + 10_000_000));
  });
});
