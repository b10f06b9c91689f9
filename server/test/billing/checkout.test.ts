import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { CreateCheckout, MyPurchases, startBillingApp, type BillingTest } from './support.js';

const Packs = graphql(`
  query BillingPacks {
    creditPacks {
      id
      name
      priceCents
      creditsMillicredits
    }
  }
`);

let b: BillingTest;
beforeAll(async () => {
  b = await startBillingApp();
});
afterAll(async () => b?.close());

describe('creditPacks', () => {
  it('offers starter, pro and enterprise at >= 1,000 credits per dollar', async () => {
    const res = await b.t.gql(Packs, {}, null);
    expect(res.errors).toBeUndefined();
    const packs = res.data!.creditPacks;
    expect(packs.map((p) => [p.id, p.priceCents])).toEqual([
      ['starter', 999],
      ['pro', 4999],
      ['enterprise', 9999],
    ]);
    for (const p of packs) {
      // millicredits per cent >= 10,000 (1,000 credits per dollar)
      expect(BigInt(p.creditsMillicredits)).toBeGreaterThanOrEqual(BigInt(p.priceCents) * 10_000n);
    }
  });
});

describe('createCheckoutSession', () => {
  it('writes the PENDING purchase first and creates a payment-mode session with the server price', async () => {
    const user = await b.t.account();
    const before = b.fake.calls('POST', '/v1/checkout/sessions').length;
    const res = await b.t.gql(CreateCheckout, { packId: 'pro', returnTo: '/chat?x=1' }, user.key);
    expect(res.errors).toBeUndefined();
    const out = res.data!.createCheckoutSession;
    expect(out).toMatchObject({ testMode: false, url: expect.stringMatching(/^https:\/\/checkout\.stripe\.test\//) });

    const calls = b.fake.calls('POST', '/v1/checkout/sessions');
    expect(calls).toHaveLength(before + 1);
    const p = calls.at(-1)!.params;
    expect(p).toMatchObject({
      mode: 'payment',
      client_reference_id: out.purchaseId,
      'metadata[purchase_id]': out.purchaseId,
      'metadata[account_id]': user.id,
      'line_items[0][price_data][unit_amount]': '4999',
      'line_items[0][price_data][currency]': 'usd',
      allow_promotion_codes: 'true',
      'payment_intent_data[setup_future_usage]': 'off_session',
      'payment_intent_data[metadata][purchase_id]': out.purchaseId,
      customer_creation: 'always',
    });
    expect(calls.at(-1)!.idempotencyKey).toBe(`checkout:${out.purchaseId}`);
    const success = new URL(p.success_url.replace('{CHECKOUT_SESSION_ID}', 'cs'));
    expect(success.origin).toBe('https://app.example.test');
    expect(success.searchParams.get('returnTo')).toBe('/chat?x=1');
    expect(new URL(p.cancel_url).searchParams.get('checkout')).toBe('cancel');

    const purchases = await b.t.gql(MyPurchases, {}, user.key);
    expect(purchases.data!.me.purchases).toEqual([
      expect.objectContaining({
        id: out.purchaseId,
        status: 'PENDING',
        amountCents: 4999,
        creditsMillicredits: '52000000',
        stripeCheckoutSessionId: out.id,
      }),
    ]);
  });

  it('refuses an unknown pack or a foreign returnTo before any Stripe call or row', async () => {
    const user = await b.t.account();
    const before = b.fake.requests.length;
    const unknown = await b.t.gql(CreateCheckout, { packId: 'mega' }, user.key);
    const foreign = await b.t.gql(CreateCheckout, { packId: 'starter', returnTo: 'https://evil.example/phish' }, user.key);
    const anonymous = await b.t.gql(CreateCheckout, { packId: 'starter' }, null);
    expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(foreign.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(b.fake.requests.length).toBe(before);
    expect(await b.t.db.query(`select id from purchases where account_id = $1`, [user.id])).toEqual([]);
  });

  it('passes the saved Stripe customer on a later checkout', async () => {
    const user = await b.t.account();
    await b.t.db.query(
      `insert into billing_customers (account_id, stripe_customer_id, payment_method_id) values ($1, 'cus_saved', 'pm_saved')`,
      [user.id],
    );
    await b.t.gql(CreateCheckout, { packId: 'starter' }, user.key);
    const p = b.fake.calls('POST', '/v1/checkout/sessions').at(-1)!.params;
    expect(p.customer).toBe('cus_saved');
    expect(p.customer_creation).toBeUndefined();
  });
});

describe('test-mode checkout (no STRIPE_SECRET_KEY)', () => {
  let demo: TestApp;
  beforeAll(async () => {
    demo = await startTestApp({ PUBLIC_APP_URL: 'http://127.0.0.1:1', CHECKOUT_TEST_MODE: 'true' });
  });
  afterAll(async () => demo?.close());

  it('buys a pack end to end through the same fulfilment, once', async () => {
    const user = await demo.account();
    const res = await demo.gql(CreateCheckout, { packId: 'starter', returnTo: '/chat' }, user.key);
    expect(res.errors).toBeUndefined();
    const out = res.data!.createCheckoutSession;
    expect(out.testMode).toBe(true);
    expect(out.url).toBe(`http://127.0.0.1:1/billing/test-checkout/${out.purchaseId}`);
    const path = `/billing/test-checkout/${out.purchaseId}`;

    const page = await fetch(`${demo.url}${path}`);
    expect(page.status).toBe(200);
    const pending = await page.text();
    expect(pending).toMatch(/TEST MODE/);
    // The pack by its name and credits as the Credits page writes them, sized for a phone.
    expect(pending).toContain('<h1 id="pack">Starter pack</h1>');
    expect(pending).toContain('10,000 credits');
    expect(pending).not.toContain('10000.000');
    expect(pending).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(pending).toContain('Complete test purchase');

    const posts = await Promise.all(
      [1, 2, 3].map(() => fetch(`${demo.url}${path}`, { method: 'POST', headers: { accept: 'application/json' } })),
    );
    expect(posts.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(((await posts[0].json()) as any).redirect).toBe(
      'http://127.0.0.1:1/credits?checkout=success&purchase=' + out.purchaseId + '&returnTo=%2Fchat',
    );

    // Paid: the page says so and leads back, and never offers to pay again.
    const paid = await (await fetch(`${demo.url}${path}`)).text();
    expect(paid).toContain('<h1 id="outcome">Paid</h1>');
    expect(paid).toContain('10,000 credits were added');
    expect(paid).not.toContain('Complete test purchase');
    expect(paid).toContain(
      `href="http://127.0.0.1:1/credits?checkout=success&#38;purchase=${out.purchaseId}&#38;returnTo=%2Fchat">Back to your Credits page`,
    );

    const me = await demo.gql(MyPurchases, {}, user.key);
    expect(me.data!.me.balance.balanceMillicredits).toBe('10000000');
    expect(me.data!.me.purchases[0]).toMatchObject({ status: 'FULFILLED', kind: 'TEST_CHECKOUT' });
    const [evt] = await demo.db.query(`select source, status from stripe_events where id = $1`, [`evt_testmode_${out.purchaseId}`]);
    expect(evt).toEqual({ source: 'TEST_MODE', status: 'PROCESSED' });
  });

  it('refuses webhooks without a configured signing secret', async () => {
    const res = await fetch(`${demo.url}/webhooks/stripe`, { method: 'POST', headers: { 'stripe-signature': 't=1,v1=x' }, body: '{}' });
    expect(res.status).toBe(400);
  });

  it('has no test-mode page when Stripe is configured', async () => {
    const user = await b.t.account();
    const res = await b.t.gql(CreateCheckout, { packId: 'starter' }, user.key);
    const post = await fetch(`${b.t.url}/billing/test-checkout/${res.data!.createCheckoutSession.purchaseId}`, { method: 'POST' });
    expect(post.status).toBe(404);
    expect((await b.t.db.query(`select status from purchases where id = $1`, [res.data!.createCheckoutSession.purchaseId]))[0].status).toBe(
      'PENDING',
    );
  });
});
