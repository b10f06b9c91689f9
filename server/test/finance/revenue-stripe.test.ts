import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cashLines, deferredStateAt, movementLines } from '../../src/finance/queries/revenue.queries.js';
import { journalRows, rollForward, tieOut } from '../../src/finance/revenue.rules.js';
import { chargeRefunded, deliver, event } from '../billing/fake-stripe.js';
import { buyPack, checkoutAndPay, purchaseRow, startBillingApp, type BillingTest } from '../billing/support.js';
import { ADMIN } from '../grants/history.js';

let b: BillingTest;
beforeAll(async () => {
  b = await startBillingApp();
});
afterAll(async () => b?.close());

const dbNow = async () => (await b.t.db.query<{ now: Date }>(`select clock_timestamp() as now`))[0].now;

describe('revenue roll-forward over real purchases and refunds (Stripe fake)', () => {
  it('a pack bought through Checkout, used, partly refunded by webhook, beside promotions, goodwill and an expiry', async () => {
    const { ledger, grants, usage } = b.t.services;
    const user = await b.t.account();
    const from = await dbNow();
    const { purchaseId, session } = await buyPack(b, user.key, 'starter'); // 10,000 credits for $9.99
    await ledger.post({ accountId: user.id, type: 'PROMO', delta: 1_000_000n, counterparty: 'promotions' });
    await ledger.adjustBalance(ADMIN, { accountId: user.id, amountMillicredits: '500000', reason: 'outage goodwill' });
    // 1M input tokens at 2.400 credits / 1k: 2,400 credits, paid by promotional, goodwill, then 900 paid credits.
    const used = await usage.record(null, user.id, {
      model: 'test-model',
      inputTokens: 1_000_000,
      outputTokens: 0,
      idempotencyKey: 'rf-1',
    });
    expect(used.chargedMillicredits).toBe(2_400_000n);
    const bonus = await ledger.post({ accountId: user.id, type: 'BONUS', delta: 300_000n, counterparty: 'promotions' });
    await b.t.db.query(`update grants set expires_at = now() - interval '1 minute' where source_transaction_id = $1`, [bonus.id]);
    await grants.expireDue();
    expect((await deliver(b.t.url, chargeRefunded(b.fake, session.payment_intent, 500))).status).toBe(200);
    const refunded = BigInt(String((await purchaseRow(b, purchaseId)).refunded_credits));
    expect(refunded).toBeGreaterThan(0n);
    const to = await dbNow();

    const sql = b.t.services.orm.em.fork();
    const lines = await movementLines(sql, from, to);
    const r = rollForward(lines);
    expect(r.paid).toMatchObject({ purchased: 10_000_000n, recognised: 900_000n, breakage: 0n, refunded, adjusted: 0n, reclassified: 0n });
    expect(r.paid.closing - r.paid.opening).toBe(9_100_000n - refunded);
    expect(r.promotional).toMatchObject({ purchased: 1_300_000n, recognised: 1_000_000n, breakage: 300_000n });
    expect(r.promotional.closing - r.promotional.opening).toBe(0n);
    expect(r.adjustments).toMatchObject({ adjusted: 500_000n, recognised: 500_000n });
    expect(tieOut(r, await deferredStateAt(sql, to))).toEqual([]);
    const [{ posted }] = await b.t.db.query<{ posted: string }>(`select posted::text from accounts where id = $1`, [user.id]);
    expect(BigInt(posted)).toBe(9_100_000n - refunded);

    // The journal books the sale and the refund through Stripe clearing at the cash Stripe moved
    // ($9.99 in, $5.00 back), the usage as revenue; the pack's 10,000 credits for $9.99 differ by
    // $0.01, and the refund's credits (5,005,005) from its $5.00 by 5,005 µ$: both to 4900.
    const journal = journalRows(lines, await cashLines(sql, from, to));
    const sum = (code: string, side: 'debit' | 'credit') => journal.filter((j) => j.account === code).reduce((s, j) => s + j[side], 0n);
    expect(sum('1100', 'debit')).toBe(9_990_000n);
    expect(sum('1100', 'credit')).toBe(5_000_000n);
    expect(refunded).toBe(5_005_005n);
    expect(sum('4900', 'debit') - sum('4900', 'credit')).toBe(10_000n - 5_005n);
    expect(sum('2200', 'debit') + sum('2200', 'credit')).toBe(0n);
    expect(sum('4000', 'credit')).toBe(900_000n);
    expect(sum('2300', 'credit') - sum('2300', 'debit')).toBe(r.paid.closing - r.paid.opening);
    expectBalanced(journal);
  });

  it('books a taxed payment and a lost dispute at their cash, the tax to 2200, and ties to the ledger and to the purchase revenue', async () => {
    const user = await b.t.account();
    const from = await dbNow();
    const bought = await checkoutAndPay(b, user.key, 'starter', { tax: 200 }); // $11.99, $2.00 of it tax
    expect((await deliver(b.t.url, bought.completed)).status).toBe(200);
    const charge = b.fake.intents.get(bought.session.payment_intent)!.latest_charge;
    const dispute = {
      id: 'dp_journal_1',
      object: 'dispute',
      amount: 600,
      currency: 'usd',
      charge: charge.id,
      payment_intent: bought.session.payment_intent,
      reason: 'fraudulent',
      status: 'needs_response',
    };
    expect((await deliver(b.t.url, event('charge.dispute.created', dispute))).status).toBe(200);
    expect((await deliver(b.t.url, event('charge.dispute.closed', { ...dispute, status: 'lost' }))).status).toBe(200);
    const to = await dbNow();

    const sql = b.t.services.orm.em.fork();
    const lines = await movementLines(sql, from, to);
    const r = rollForward(lines);
    // floor(10,000,000 x 600 / 1199) credits taken back by the dispute.
    const disputed = (10_000_000n * 600n) / 1199n;
    expect(r.paid).toMatchObject({ purchased: 10_000_000n, refunded: disputed });
    expect(tieOut(r, await deferredStateAt(sql, to))).toEqual([]);

    const journal = journalRows(lines, await cashLines(sql, from, to));
    const net = (code: string) => journal.filter((j) => j.account === code).reduce((s, j) => s + j.debit - j.credit, 0n);
    expect(net('1100')).toBe((1199n - 600n) * 10_000n);
    // Tax: $2.00 collected, the dispute's 101 cents of it (600 less its pre-tax share 499) given back.
    expect(net('2200')).toBe(-(200n - 101n) * 10_000n);
    expect(net('2300')).toBe(-(10_000_000n - disputed));
    expect(net('1100') + net('2200') + net('2300') + net('4900')).toBe(0n);
    expectBalanced(journal);
    // What Stripe kept, less the tax in it, is the purchase's revenue to the cent.
    const finance = await b.t.account(0n, 'FINANCE');
    const p = await b.t.gql(`query($id: ID!) { purchase(id: $id) { revenueCents } }`, { id: bought.purchaseId }, finance.key);
    expect(BigInt(p.data.purchase.revenueCents) * 10_000n).toBe(net('1100') + net('2200'));
  });
});

/** Every entry (rows sharing a reference) balances, and so does the whole journal. */
function expectBalanced(journal: ReturnType<typeof journalRows>) {
  for (const ref of new Set(journal.map((j) => j.reference))) {
    const entry = journal.filter((j) => j.reference === ref);
    expect(
      entry.reduce((s, j) => s + j.debit - j.credit, 0n),
      ref,
    ).toBe(0n);
    expect(
      entry.every((j) => (j.debit === 0n) !== (j.credit === 0n)),
      ref,
    ).toBe(true);
  }
}
