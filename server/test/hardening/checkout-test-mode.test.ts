import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { CreateCheckout } from '../billing/support.js';
import { startTestApp, type TestApp } from '../support/harness.js';

describe('the test-mode checkout is explicit', () => {
  it('is on by default only with the embedded database, otherwise only with CHECKOUT_TEST_MODE=true, never in production', () => {
    expect(loadConfig({}).checkoutTestMode).toMatch(/embedded database/);
    expect(loadConfig({ DATABASE_URL: 'postgres://db.example/x' }).checkoutTestMode).toBeNull();
    expect(loadConfig({ DATABASE_URL: 'postgres://db.example/x', CHECKOUT_TEST_MODE: 'true' }).checkoutTestMode).toMatch(/CHECKOUT_TEST_MODE=true/);
    expect(loadConfig({ CHECKOUT_TEST_MODE: 'false' }).checkoutTestMode).toBeNull();
    expect(loadConfig({ NODE_ENV: 'production' }).checkoutTestMode).toBeNull();
    expect(() => loadConfig({ NODE_ENV: 'production', CHECKOUT_TEST_MODE: 'true' })).toThrow(/CHECKOUT_TEST_MODE/);
  });

  describe('a server on its own database without Stripe (NODE_ENV not production)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(); // NODE_ENV=test: not production, DATABASE_URL set
    });
    afterAll(async () => t?.close());

    it('refuses checkout and credits nothing to whoever POSTs', async () => {
      const user = await t.account();
      const res = await t.gql(CreateCheckout, { packId: 'starter' }, user.key);
      expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(res.errors?.[0]?.message).toMatch(/CHECKOUT_TEST_MODE/);
      // Even a TEST_CHECKOUT row left from an earlier run cannot be completed.
      const [row] = await t.db.query<{ id: string }>(
        `insert into purchases (account_id, kind, pack_id, amount_cents, currency, credits) values ($1, 'TEST_CHECKOUT', 'starter', 999, 'usd', 10000000) returning id`,
        [user.id],
      );
      expect((await fetch(`${t.url}/billing/test-checkout/${row.id}`)).status).toBe(404);
      expect((await fetch(`${t.url}/billing/test-checkout/${row.id}`, { method: 'POST' })).status).toBe(404);
      const [acct] = await t.db.query<{ posted: string }>(`select posted from accounts where id = $1`, [user.id]);
      expect(acct.posted).toBe('0');
    });
  });

  describe('with CHECKOUT_TEST_MODE=true', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ CHECKOUT_TEST_MODE: 'true' });
    });
    afterAll(async () => t?.close());

    it('the page says it is test mode, why, and that production never has it', async () => {
      const user = await t.account();
      const res = await t.gql(CreateCheckout, { packId: 'starter' }, user.key);
      expect(res.data!.createCheckoutSession.testMode).toBe(true);
      const html = await (await fetch(`${t.url}/billing/test-checkout/${res.data!.createCheckoutSession.purchaseId}`)).text();
      expect(html).toMatch(/TEST MODE/);
      expect(html).toMatch(/because CHECKOUT_TEST_MODE=true is set/);
      expect(html).toMatch(/never available in production/);
    });
  });
});
