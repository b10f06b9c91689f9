import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chargeRefunded, deliver } from '../billing/fake-stripe.js';
import { buyPack, startBillingApp, type BillingTest } from '../billing/support.js';

let b: BillingTest;
beforeAll(async () => {
  b = await startBillingApp({ NOTIFY_WORKER: 'false' });
});
afterAll(async () => b?.close());

const events = (accountId: string, type: string) =>
  b.t.db.query<{ data: Record<string, unknown> }>(`select data from outbox_events where account_id = $1 and type = $2 order by seq`, [
    accountId,
    type,
  ]);

describe('billing events', () => {
  it('purchase.fulfilled once per purchase, purchase.refunded per refund, written with the change', async () => {
    const user = await b.t.account();
    const { purchaseId, session, completed } = await buyPack(b, user.key, 'starter');
    await deliver(b.t.url, completed); // a repeat fulfils nothing and says nothing
    const fulfilled = await events(user.id, 'purchase.fulfilled');
    expect(fulfilled).toHaveLength(1);
    expect(fulfilled[0].data).toMatchObject({
      purchaseId,
      packId: 'starter',
      creditsMillicredits: '10000000',
      amountPaidCents: '999',
      currency: 'usd',
    });

    await deliver(b.t.url, chargeRefunded(b.fake, session.payment_intent, 333));
    await deliver(b.t.url, chargeRefunded(b.fake, session.payment_intent, 333)); // repeat: unchanged, no event
    const refunded = await events(user.id, 'purchase.refunded');
    expect(refunded).toHaveLength(1);
    expect(refunded[0].data).toMatchObject({
      purchaseId,
      status: 'PARTIALLY_REFUNDED',
      refundedCents: '333',
      debitedMillicredits: '3333333',
    });
  });

  it('auto_recharge.failed when the off-session payment is declined', async () => {
    const user = await b.t.account();
    await buyPack(b, user.key, 'starter');
    await b.t.gql(
      `mutation { setAutoRecharge(input: { enabled: true, thresholdMillicredits: "9900000", targetBalanceMillicredits: "20000000", monthlyLimitCents: 5000 }) { enabled } }`,
      {},
      user.key,
    );
    b.fake.intentOutcome = 'card_declined';
    try {
      const res = await b.t.gql(
        `mutation { recordUsage(input: { model: "test-model", inputTokens: 100000, outputTokens: 0, idempotencyKey: "ar-1" }) { chargedMillicredits } }`,
        {},
        user.key,
      );
      expect(res.errors).toBeUndefined();
      await b.t.services.billing.autoRecharge.drain();
    } finally {
      b.fake.intentOutcome = 'succeeded';
    }
    const failed = await events(user.id, 'auto_recharge.failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].data).toMatchObject({ accountId: user.id, autoRechargeDisabled: true });
    expect(String(failed[0].data.reason)).toMatch(/insufficient_funds|card_declined/);
  });
});
