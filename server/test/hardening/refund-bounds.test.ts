import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chargeRefunded, deliver } from '../billing/fake-stripe.js';
import { buyPack, ledgerOf, purchaseRow, startBillingApp, type BillingTest } from '../billing/support.js';

let b: BillingTest;
beforeAll(async () => {
  b = await startBillingApp();
});
afterAll(async () => b?.close());

const eventRow = async (id: string) => (await b.t.db.query(`select status, last_error from stripe_events where id = $1`, [id]))[0];

describe('charge.refunded with an impossible amount', () => {
  it.each([
    ['negative', -500],
    ['more than was paid', 5000],
  ])('(%s) is stored as a FAILED event, answered 200, and changes nothing', async (_name, amount) => {
    const user = await b.t.account();
    const { purchaseId, session } = await buyPack(b, user.key, 'pro'); // $49.99 paid
    const ledgerBefore = await ledgerOf(b, user.id);
    const refund = chargeRefunded(b.fake, session.payment_intent, amount);
    const res = await deliver(b.t.url, refund);
    expect(res.status).toBe(200);
    expect(await eventRow(refund.id)).toMatchObject({ status: 'FAILED', last_error: expect.stringMatching(/amount_refunded/) });
    // A redelivery is not a retry storm either: still 200, still nothing.
    expect((await deliver(b.t.url, refund)).status).toBe(200);
    expect(await ledgerOf(b, user.id)).toEqual(ledgerBefore);
    expect(await purchaseRow(b, purchaseId)).toMatchObject({ status: 'FULFILLED', refunded_cents: '0', refunded_credits: '0' });
  });

  it('a full refund still works, and the database refuses refunded_cents above the payment', async () => {
    const user = await b.t.account();
    const { purchaseId, session } = await buyPack(b, user.key, 'starter');
    expect((await deliver(b.t.url, chargeRefunded(b.fake, session.payment_intent, 999))).status).toBe(200);
    expect(await purchaseRow(b, purchaseId)).toMatchObject({ status: 'REFUNDED', refunded_cents: '999' });
    await expect(b.t.db.query(`update purchases set refunded_cents = 1000 where id = $1`, [purchaseId])).rejects.toThrow(/purchases_refund_within_payment/);
  });
});
