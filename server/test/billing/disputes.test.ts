import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStatement } from '../../src/statements/statement.builder.js';
import { deliver, event, type FakeStripe } from './fake-stripe.js';
import { buyPack, checkoutAndPay, ledgerOf, startBillingApp, type BillingTest } from './support.js';

let b: BillingTest;
beforeAll(async () => {
  b = await startBillingApp();
});
afterAll(async () => b?.close());

let disputeSeq = 0;
/** A Stripe dispute of the payment intent's charge, as the `charge.dispute.*` events carry it. */
function dispute(fake: FakeStripe, paymentIntentId: string, amount: number, status = 'needs_response', id = `dp_fake_${++disputeSeq}`) {
  const charge = fake.intents.get(paymentIntentId)!.latest_charge;
  return {
    id,
    object: 'dispute',
    amount,
    currency: 'usd',
    charge: charge.id,
    payment_intent: paymentIntentId,
    reason: 'fraudulent',
    status,
  };
}
const created = (d: Record<string, unknown>) => event('charge.dispute.created', d);
const closed = (d: Record<string, unknown>, status: 'won' | 'lost') => event('charge.dispute.closed', { ...d, status });

const balanceOf = async (accountId: string) =>
  BigInt((await b.t.db.query<{ posted: string }>(`select posted from accounts where id = $1`, [accountId]))[0].posted);
const disputeRow = async (id: string) => (await b.t.db.query(`select * from purchase_disputes where id = $1`, [id]))[0];
async function deliverOk(payload: Record<string, unknown>) {
  const res = await deliver(b.t.url, payload);
  expect(res.status).toBe(200);
  return res.json();
}

describe('Stripe disputes', () => {
  it('a dispute takes the purchase credits back once, however often Stripe delivers it', async () => {
    const user = await b.t.account();
    const { purchaseId, session } = await buyPack(b, user.key, 'starter'); // 999 cents, 10,000,000 mc
    const d = dispute(b.fake, session.payment_intent, 999);
    const first = created(d);
    await deliverOk(first);
    expect(await deliverOk(first)).toMatchObject({ duplicate: true });
    await deliverOk({ ...first, id: `${first.id}_redelivered` }); // another event for the same dispute

    const entries = await ledgerOf(b, user.id);
    const purchase = entries.find((e) => e.type === 'PURCHASE')!;
    const taken = entries.filter((e) => e.type === 'REFUND');
    expect(taken).toHaveLength(1);
    expect(taken[0]).toMatchObject({ amount: '-10000000', reversal_of_id: purchase.id, reference_id: purchaseId });
    expect(await balanceOf(user.id)).toBe(0n);
    expect(await disputeRow(d.id)).toMatchObject({ status: 'OPEN', credits: '10000000', debit_transaction_id: taken[0].id });
  });

  it('a dispute closed won gives exactly the credits back, once; a lost one keeps them taken', async () => {
    const user = await b.t.account();
    const won = await buyPack(b, user.key, 'starter');
    const lost = await buyPack(b, user.key, 'starter');
    const dWon = dispute(b.fake, won.session.payment_intent, 500);
    const dLost = dispute(b.fake, lost.session.payment_intent, 999);
    await deliverOk(created(dWon));
    await deliverOk(created(dLost));
    // floor(10,000,000 x 500 / 999) = 5,005,005 taken back by the first, all of the second.
    expect(await balanceOf(user.id)).toBe(20_000_000n - 5_005_005n - 10_000_000n);

    const closedWon = closed(dWon, 'won');
    await deliverOk(closedWon);
    await deliverOk(closedWon);
    await deliverOk({ ...closedWon, id: `${closedWon.id}_again` });
    await deliverOk(closed(dLost, 'lost'));
    await deliverOk(closed(dLost, 'won')); // a dispute closes once: a later contrary event changes nothing
    expect(await balanceOf(user.id)).toBe(10_000_000n);

    const entries = await ledgerOf(b, user.id);
    const debit = entries.find((e) => e.type === 'REFUND' && e.reference_id === won.purchaseId)!;
    const restores = entries.filter((e) => e.type === 'REVERSAL');
    expect(restores).toHaveLength(1);
    expect(restores[0]).toMatchObject({ amount: '5005005', reversal_of_id: debit.id, reference_id: won.purchaseId });
    expect(await disputeRow(dWon.id)).toMatchObject({ status: 'WON', restore_transaction_id: restores[0].id });
    expect(await disputeRow(dLost.id)).toMatchObject({ status: 'LOST', restore_transaction_id: null });
  });

  it('a dispute larger than the balance takes the account below zero, but never more than the purchase credited', async () => {
    const user = await b.t.account();
    const { purchaseId, session } = await buyPack(b, user.key, 'starter');
    const spend = `mutation { adjustBalance(input: { accountId: "${user.id}", amountMillicredits: "-8000000", reason: "spent" }) { id } }`;
    expect((await b.t.gql(spend)).errors).toBeUndefined(); // spent
    const first = dispute(b.fake, session.payment_intent, 5000); // more than the 999 cents paid
    const second = dispute(b.fake, session.payment_intent, 999); // a second dispute of the same charge
    await deliverOk(created(first));
    await deliverOk(created(second));
    expect(await balanceOf(user.id)).toBe(2_000_000n - 10_000_000n);
    expect(await disputeRow(first.id)).toMatchObject({ credits: '10000000' });
    expect(await disputeRow(second.id)).toMatchObject({ credits: '0', debit_transaction_id: null });

    await deliverOk(closed(first, 'won'));
    expect(await balanceOf(user.id)).toBe(2_000_000n);
    const [row] = await b.t.db.query(`select status, refunded_credits from purchases where id = $1`, [purchaseId]);
    expect(row).toMatchObject({ status: 'FULFILLED', refunded_credits: '0' });
  });

  it('a dispute closed won before it was seen open takes nothing; its late opening changes nothing', async () => {
    const user = await b.t.account();
    const { session } = await buyPack(b, user.key, 'starter');
    const d = dispute(b.fake, session.payment_intent, 999);
    await deliverOk(closed(d, 'won'));
    await deliverOk(created(d));
    expect(await balanceOf(user.id)).toBe(10_000_000n);
    expect(await disputeRow(d.id)).toMatchObject({ status: 'WON', credits: '0' });
  });

  it('a dispute of an unknown payment is stored as FAILED and answered 200 (a retry cannot fix it)', async () => {
    const res = await deliver(b.t.url, created({ id: 'dp_unknown', amount: 100, payment_intent: 'pi_nobody', status: 'needs_response' }));
    expect(res.status).toBe(200);
    const [stored] = await b.t.db.query(
      `select status, last_error from stripe_events where payload->'data'->'object'->>'id' = 'dp_unknown'`,
    );
    expect(stored).toMatchObject({ status: 'FAILED' });
    expect(await disputeRow('dp_unknown')).toBeUndefined();
  });

  it('shows on the statement and is counted by the reconciliation', async () => {
    const user = await b.t.account();
    const { session } = await buyPack(b, user.key, 'starter');
    const d = dispute(b.fake, session.payment_intent, 999);
    await deliverOk(created(d));
    await deliverOk(closed(d, 'won'));

    const now = new Date();
    const statement = await buildStatement(
      b.t.services.orm.em,
      user.id,
      new Date(now.getTime() - 3_600_000),
      new Date(now.getTime() + 60_000),
      'now',
    );
    const lines = statement.lines.filter((l) => l.section === 'REFUND');
    expect(lines.map((l) => [l.type, l.amount])).toEqual([
      ['REFUND', -10_000_000n],
      ['REVERSAL', 10_000_000n],
    ]);
    expect(lines[0].description).toContain(d.id);
    expect(statement.closing).toBe(10_000_000n);

    const day = now.toISOString().slice(0, 10);
    const clean = await b.t.services.reconciliation.runNow('MANUAL', day, null);
    expect(clean.checks.find((c) => c.name === 'disputes_match_ledger')).toMatchObject({ status: 'OK', findings: 0 });
    expect(clean.checks.find((c) => c.name === 'ledger_entries_audited')).toMatchObject({ status: 'OK', findings: 0 }); // disputes are audited

    // A dispute row that disagrees with its ledger entries is a finding.
    await b.t.db.query(`update purchase_disputes set credits = credits - 1 where id = $1`, [d.id]);
    const run = await b.t.services.reconciliation.runNow('MANUAL', day, null);
    const findings = await b.t.services.reconciliation.findings(run.id);
    expect(findings.filter((f) => f.subject === d.id).map((f) => f.check)).toEqual(['dispute_ledger_mismatch']);
  });

  it("a dispute lost comes off the purchase's revenue by its pre-tax share (tax stays out); one won changes nothing", async () => {
    const user = await b.t.account();
    const finance = await b.t.account(0n, 'FINANCE');
    const figures = async (id: string) =>
      (await b.t.gql(`query($id: ID!) { purchase(id: $id) { revenueCents refundableCents lostDisputeCents } }`, { id }, finance.key)).data
        .purchase;
    const lost = await checkoutAndPay(b, user.key, 'starter', { tax: 200 });
    const won = await checkoutAndPay(b, user.key, 'starter', { tax: 200 });
    await deliverOk(lost.completed);
    await deliverOk(won.completed);
    expect(await figures(lost.purchaseId)).toEqual({ revenueCents: 999, refundableCents: 1199, lostDisputeCents: 0 });

    const dLost = dispute(b.fake, lost.session.payment_intent, 600);
    const dWon = dispute(b.fake, won.session.payment_intent, 600);
    await deliverOk(created(dLost));
    await deliverOk(created(dWon));
    // Open: the money is in dispute, not lost yet.
    expect(await figures(lost.purchaseId)).toEqual({ revenueCents: 999, refundableCents: 1199, lostDisputeCents: 0 });
    await deliverOk(closed(dLost, 'lost'));
    await deliverOk(closed(dLost, 'lost'));
    await deliverOk(closed(dWon, 'won'));
    // 600 of 1199 lost: 600 x 999 / 1199 = 499 of revenue, the rest was tax.
    expect(await figures(lost.purchaseId)).toEqual({ revenueCents: 500, refundableCents: 599, lostDisputeCents: 600 });
    expect(await figures(won.purchaseId)).toEqual({ revenueCents: 999, refundableCents: 1199, lostDisputeCents: 0 });
  });
});
