import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { chargeRefunded, deliver, event } from './fake-stripe.js';
import { MyPurchases, buyPack, checkoutAndPay, ledgerOf, purchaseRow, startBillingApp, type BillingTest } from './support.js';

const Refulfill = graphql(`
  mutation BillingRefulfill($purchaseId: ID!, $reason: String!) {
    refulfillPurchase(purchaseId: $purchaseId, reason: $reason) {
      id
      status
      creditsMillicredits
      stripePaymentIntentId
      receiptUrl
    }
  }
`);
const Replay = graphql(`
  mutation BillingReplay($eventId: ID!, $reason: String!) {
    replayStripeEvent(eventId: $eventId, reason: $reason) {
      outcome
      event {
        id
        status
        attempts
        lastError
      }
    }
  }
`);
const Stale = graphql(`
  query BillingStale {
    stalePurchases(olderThanMinutes: 0) {
      id
      status
    }
  }
`);
const RefulfillStale = graphql(`
  mutation BillingRefulfillStale($reason: String!) {
    refulfillStalePurchases(reason: $reason, olderThanMinutes: 0) {
      outcome
      purchase {
        id
        status
      }
    }
  }
`);
const NegativeBalances = graphql(`
  query BillingNegativeBalances {
    negativeBalances {
      accountId
      balanceMillicredits
    }
  }
`);
const Spend = graphql(`
  mutation BillingSpend($input: RecordUsageInput!) {
    recordUsage(input: $input) {
      chargedMillicredits
    }
  }
`);

let b: BillingTest;
beforeAll(async () => {
  b = await startBillingApp();
});
afterAll(async () => b?.close());

const balanceOf = async (accountId: string) =>
  BigInt((await b.t.db.query<{ posted: string }>(`select posted from accounts where id = $1`, [accountId]))[0].posted);
const auditRows = (action: string, targetId: string) =>
  b.t.db.query(`select actor_role, action, reason, before, after from audit_log where action = $1 and target_id = $2 order by id`, [
    action,
    targetId,
  ]);

describe('charge.refunded', () => {
  it('a full refund debits all the credits with a REFUND linked to the PURCHASE, once', async () => {
    const user = await b.t.account();
    const { purchaseId, session } = await buyPack(b, user.key, 'pro');
    const refund = chargeRefunded(b.fake, session.payment_intent, 4999);
    expect((await deliver(b.t.url, refund)).status).toBe(200);
    expect((await deliver(b.t.url, refund)).status).toBe(200);
    expect((await deliver(b.t.url, { ...refund, id: `${refund.id}_again` })).status).toBe(200);

    const entries = await ledgerOf(b, user.id);
    const purchase = entries.find((e) => e.type === 'PURCHASE')!;
    const refunds = entries.filter((e) => e.type === 'REFUND');
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amount: '-52000000', reversal_of_id: purchase.id, reference_id: purchaseId });
    // Audited although no one signed in sent it: reconciliation ties every REFUND entry to its audit row.
    expect(await auditRows('billing.refund', purchaseId)).toEqual([
      expect.objectContaining({
        actor_role: null,
        after: expect.objectContaining({ transactionId: refunds[0].id, amountMillicredits: '-52000000' }),
      }),
    ]);
    expect(await balanceOf(user.id)).toBe(0n);
    expect(await purchaseRow(b, purchaseId)).toMatchObject({ status: 'REFUNDED', refunded_cents: '4999', refunded_credits: '52000000' });
  });

  it('partial refunds debit their share, never more than the credits in sum, in any order', async () => {
    const user = await b.t.account();
    const { purchaseId, session } = await buyPack(b, user.key, 'starter'); // 999 cents, 10,000,000 mc
    const pi = session.payment_intent;
    // Cumulative 333, then 666 (delivered out of order and repeated), then the rest.
    await deliver(b.t.url, chargeRefunded(b.fake, pi, 666));
    await deliver(b.t.url, chargeRefunded(b.fake, pi, 333));
    await deliver(b.t.url, chargeRefunded(b.fake, pi, 666));
    let row = await purchaseRow(b, purchaseId);
    expect(row.status).toBe('PARTIALLY_REFUNDED');
    // floor(10,000,000 x 666 / 999) = 6,666,666
    expect(row.refunded_credits).toBe('6666666');
    expect(await balanceOf(user.id)).toBe(10_000_000n - 6_666_666n);

    await Promise.all([deliver(b.t.url, chargeRefunded(b.fake, pi, 999)), deliver(b.t.url, chargeRefunded(b.fake, pi, 800))]);
    row = await purchaseRow(b, purchaseId);
    expect(row).toMatchObject({ status: 'REFUNDED', refunded_credits: '10000000', refunded_cents: '999' });
    const refunds = (await ledgerOf(b, user.id)).filter((e) => e.type === 'REFUND');
    expect(refunds.reduce((s, e) => s + BigInt(e.amount), 0n)).toBe(-10_000_000n);
    expect(await balanceOf(user.id)).toBe(0n);
  });

  it('refunding spent credits takes the balance negative: the account can spend nothing and shows in the report', async () => {
    const user = await b.t.account();
    const { session } = await buyPack(b, user.key, 'starter');
    const spent = await b.t.gql(
      Spend,
      { input: { model: 'test-model', inputTokens: 1_000_000, outputTokens: 0, idempotencyKey: 'spend-1' } },
      user.key,
    );
    expect(spent.errors).toBeUndefined(); // 2,400,000 mc
    await deliver(b.t.url, chargeRefunded(b.fake, session.payment_intent, 999));
    expect(await balanceOf(user.id)).toBe(-2_400_000n);

    const refused = await b.t.gql(
      Spend,
      { input: { model: 'cheap-model', inputTokens: 1, outputTokens: 0, idempotencyKey: 'spend-2' } },
      user.key,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('INSUFFICIENT_CREDITS');

    const finance = await b.t.account(0n, 'FINANCE');
    const report = await b.t.gql(NegativeBalances, {}, finance.key);
    expect(report.data!.negativeBalances).toContainEqual({ accountId: user.id, balanceMillicredits: '-2400000' });
    expect((await b.t.gql(NegativeBalances, {}, user.key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('staff operations', () => {
  it('re-runs fulfilment of a paid purchase whose webhook never arrived (audited, once)', async () => {
    const user = await b.t.account();
    const { purchaseId, session } = await checkoutAndPay(b, user.key, 'pro'); // paid at Stripe; no webhook
    const admin = await b.t.account(0n, 'ADMIN');

    expect((await b.t.gql(Refulfill, { purchaseId, reason: 'stuck' }, user.key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Support sees stale purchases but acting on them is ADMIN's (issue 10: view SUPPORT+, act ADMIN).
    const support = await b.t.account(0n, 'SUPPORT');
    const refused = await b.t.gql(Refulfill, { purchaseId, reason: 'stuck' }, support.key);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: 'This operation needs the ADMIN role' });
    expect(await auditRows('billing.refulfilPurchase', purchaseId)).toHaveLength(0);

    const first = await b.t.gql(Refulfill, { purchaseId, reason: 'ticket 42: paid, no credits' }, admin.key);
    expect(first.errors).toBeUndefined();
    expect(first.data!.refulfillPurchase).toMatchObject({ status: 'FULFILLED', stripePaymentIntentId: session.payment_intent });
    expect(first.data!.refulfillPurchase.receiptUrl).toMatch(/receipts/);
    const again = await b.t.gql(Refulfill, { purchaseId, reason: 'clicked twice' }, admin.key);
    expect(again.data!.refulfillPurchase.status).toBe('FULFILLED');
    // The late webhook changes nothing either.
    expect((await deliver(b.t.url, event('checkout.session.completed', session))).status).toBe(200);

    expect(await balanceOf(user.id)).toBe(52_000_000n);
    expect((await ledgerOf(b, user.id)).filter((e) => e.type === 'PURCHASE')).toHaveLength(1);
    const audits = await auditRows('billing.refulfilPurchase', purchaseId);
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({
      actor_role: 'ADMIN',
      reason: 'ticket 42: paid, no credits',
      after: expect.objectContaining({ status: 'FULFILLED' }),
    });
  });

  it('re-run refuses to credit what Stripe does not report as paid', async () => {
    const user = await b.t.account();
    const res = await b.t.gql(`mutation { createCheckoutSession(packId: "starter") { purchaseId } }`, {}, user.key);
    const purchaseId = res.data.createCheckoutSession.purchaseId;
    const admin = await b.t.account(0n, 'ADMIN');
    const out = await b.t.gql(Refulfill, { purchaseId, reason: 'user says paid' }, admin.key);
    expect(out.data!.refulfillPurchase.status).toBe('PENDING');
    expect(await balanceOf(user.id)).toBe(0n);
    expect(await auditRows('billing.refulfilPurchase', purchaseId)).toHaveLength(1);
  });

  it('replays a stored event that failed (refund before fulfilment) once the purchase is fulfilled', async () => {
    const user = await b.t.account();
    const { purchaseId, session, completed } = await checkoutAndPay(b, user.key, 'starter');
    // The refund event overtakes the (delayed) completion: no purchase has this intent yet.
    const refund = chargeRefunded(b.fake, session.payment_intent, 999);
    expect((await deliver(b.t.url, refund)).status).toBe(200);
    expect((await b.t.db.query(`select status from stripe_events where id = $1`, [refund.id]))[0].status).toBe('FAILED');

    expect((await deliver(b.t.url, completed)).status).toBe(200);
    expect(await balanceOf(user.id)).toBe(10_000_000n);

    const support = await b.t.account(0n, 'SUPPORT');
    expect((await b.t.gql(Replay, { eventId: refund.id, reason: 'x' }, support.key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await b.t.db.query(`select status from stripe_events where id = $1`, [refund.id]))[0].status).toBe('FAILED');
    const admin = await b.t.account(0n, 'ADMIN');
    const replay = await b.t.gql(Replay, { eventId: refund.id, reason: 'refund arrived first' }, admin.key);
    expect(replay.errors).toBeUndefined();
    expect(replay.data!.replayStripeEvent).toMatchObject({ outcome: 'refunded', event: { id: refund.id, status: 'PROCESSED' } });
    const again = await b.t.gql(Replay, { eventId: refund.id, reason: 'again' }, admin.key);
    expect(again.data!.replayStripeEvent.outcome).toBe('unchanged');
    expect(await balanceOf(user.id)).toBe(0n);
    expect((await purchaseRow(b, purchaseId)).status).toBe('REFUNDED');
    expect(await auditRows('billing.replayEvent', refund.id)).toHaveLength(2);
    expect(await auditRows('billing.refund', purchaseId)).toEqual([
      expect.objectContaining({
        actor_role: 'ADMIN',
        reason: 'refund arrived first',
        after: expect.objectContaining({ amountMillicredits: '-10000000' }),
      }),
    ]);

    // Replaying the processed completion credits nothing more.
    const completion = await b.t.gql(Replay, { eventId: completed.id, reason: 'check' }, admin.key);
    expect(completion.data!.replayStripeEvent.outcome).toBe('already');
    expect(await balanceOf(user.id)).toBe(0n);
    expect((await b.t.gql(Replay, { eventId: 'evt_nope', reason: 'x' }, admin.key)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('recovers an outage: lists stale PENDING purchases and re-runs them in bulk; late webhooks change nothing', async () => {
    const user = await b.t.account();
    const paid = [await checkoutAndPay(b, user.key, 'starter'), await checkoutAndPay(b, user.key, 'pro')];
    const unpaid = await b.t.gql(`mutation { createCheckoutSession(packId: "starter") { purchaseId } }`, {}, user.key);
    const unpaidId = unpaid.data.createCheckoutSession.purchaseId as string;
    const support = await b.t.account(0n, 'SUPPORT');
    const admin = await b.t.account(0n, 'ADMIN');

    const stale = await b.t.gql(Stale, {}, support.key);
    expect(stale.data!.stalePurchases.map((p) => p.id)).toEqual(expect.arrayContaining([...paid.map((p) => p.purchaseId), unpaidId]));
    expect((await b.t.gql(Stale, {}, user.key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    expect((await b.t.gql(RefulfillStale, { reason: 'outage' }, support.key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const run = await b.t.gql(RefulfillStale, { reason: 'webhook outage 14:00-15:00' }, admin.key);
    expect(run.errors).toBeUndefined();
    const byId = new Map(run.data!.refulfillStalePurchases.map((r) => [r.purchase.id, r]));
    expect(byId.get(paid[0].purchaseId)).toMatchObject({ outcome: 'fulfilled', purchase: { status: 'FULFILLED' } });
    expect(byId.get(paid[1].purchaseId)).toMatchObject({ outcome: 'fulfilled', purchase: { status: 'FULFILLED' } });
    expect(byId.get(unpaidId)).toMatchObject({ outcome: 'pending', purchase: { status: 'PENDING' } });
    expect(await balanceOf(user.id)).toBe(62_000_000n);

    // Stripe's retries arrive once the endpoint is back: answered 200, nothing credited twice.
    for (const p of paid) expect((await deliver(b.t.url, p.completed)).status).toBe(200);
    expect(await balanceOf(user.id)).toBe(62_000_000n);
    expect((await ledgerOf(b, user.id)).filter((e) => e.type === 'PURCHASE')).toHaveLength(2);
  });

  it('shows purchases only to their owner (and staff)', async () => {
    const owner = await b.t.account();
    const other = await b.t.account();
    const { purchaseId } = await buyPack(b, owner.key, 'starter');
    const q = `query P($id: ID!) { purchase(id: $id) { id status } }`;
    expect((await b.t.gql(q, { id: purchaseId }, owner.key)).data.purchase.status).toBe('FULFILLED');
    expect((await b.t.gql(q, { id: purchaseId }, other.key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const mine = await b.t.gql(MyPurchases, {}, other.key);
    expect(mine.data!.me.purchases).toEqual([]);
  });
});
