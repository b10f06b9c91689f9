import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlOf } from '../../src/db/sql.js';
import { deferredStateAt, movementLines } from '../../src/reports/revenue.repository.js';
import { journalRows, rollForward, tieOut } from '../../src/reports/revenue.rules.js';
import { chargeRefunded, deliver } from '../billing/fake-stripe.js';
import { buyPack, purchaseRow, startBillingApp, type BillingTest } from '../billing/support.js';
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

    const sql = sqlOf(b.t.services.orm.em.fork());
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

    // The journal books the sale and the refund through Stripe clearing, the usage as revenue.
    const journal = journalRows(lines);
    const sum = (code: string, side: 'debit' | 'credit') => journal.filter((j) => j.account === code).reduce((s, j) => s + j[side], 0n);
    expect(sum('1100', 'debit')).toBe(10_000_000n);
    expect(sum('1100', 'credit')).toBe(refunded);
    expect(sum('4000', 'credit')).toBe(900_000n);
    expect(sum('2300', 'credit') - sum('2300', 'debit')).toBe(r.paid.closing - r.paid.opening);
  });
});
