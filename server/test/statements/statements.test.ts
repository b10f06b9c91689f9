import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTIONS, buildStatement } from '../../src/statements/statement.builder.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { postAt, usageAt } from '../finance/support.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const get = (path: string, key?: string) => fetch(`${t.url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });

describe('monthly statements', () => {
  let user: { id: string; key: string };
  const purchaseId = randomUUID();

  beforeAll(async () => {
    user = await t.account(0n);
    await postAt(t.db, user.id, 'BONUS', 'promotions', 100_000n, new Date('2026-10-10T08:00:00Z'));
    await usageAt(t.db, user.id, 'test-model', 3_000n, 900n, new Date('2026-10-20T08:00:00Z'));
    await postAt(t.db, user.id, 'PURCHASE', 'sales', 50_000n, new Date('2026-10-31T23:59:59.999Z'), purchaseId);
    await t.db.query(
      `insert into purchases (id, account_id, kind, pack_id, status, amount_cents, credits, receipt_url) values ($1, $2, 'CHECKOUT', 'starter', 'FULFILLED', 999, 50000, 'https://pay.stripe.test/receipts/r_1')`,
      [purchaseId, user.id],
    );
    await postAt(t.db, user.id, 'REFUND', 'refunds', -10_000n, new Date('2026-11-01T00:00:00Z'), purchaseId);
    await usageAt(t.db, user.id, 'test-model', 2_500n, 800n, new Date('2026-11-15T08:00:00Z'));
    await usageAt(t.db, user.id, 'cheap-model', 40n, 10n, new Date('2026-11-16T08:00:00Z'));
    await postAt(t.db, user.id, 'ADJUSTMENT', 'adjustments', -700n, new Date('2026-11-20T08:00:00Z'));
    await postAt(t.db, user.id, 'BONUS', 'promotions', 5n, new Date('2026-12-01T00:00:00Z'));
  });

  it('opening + movements = closing across a month boundary, and one month closes where the next opens', async () => {
    const oct = await buildStatement(
      t.services.orm.em,
      user.id,
      new Date('2026-10-01T00:00:00Z'),
      new Date('2026-11-01T00:00:00Z'),
      '2026-10',
    );
    const nov = await buildStatement(
      t.services.orm.em,
      user.id,
      new Date('2026-11-01T00:00:00Z'),
      new Date('2026-12-01T00:00:00Z'),
      '2026-11',
    );
    expect(oct.opening).toBe(0n);
    expect(oct.totals).toMatchObject({ PROMOTIONAL: 100_000n, DEDUCTION: -3_000n, PURCHASE: 50_000n, REFUND: 0n });
    expect(oct.closing).toBe(147_000n);
    expect(nov.opening).toBe(oct.closing);
    expect(nov.totals).toMatchObject({ REFUND: -10_000n, DEDUCTION: -2_540n, ADJUSTMENT: -700n, PURCHASE: 0n });
    expect(nov.closing).toBe(147_000n - 10_000n - 2_540n - 700n);
    for (const s of [oct, nov]) expect(SECTIONS.reduce((sum, k) => sum + s.totals[k], s.opening)).toBe(s.closing);
    // The ledger's own running balance agrees at the end of November.
    const [last] = await t.db.query<{ balance_after: string }>(
      `select balance_after from ledger_postings where account_id = $1 and created_at < '2026-12-01T00:00:00Z' order by id desc limit 1`,
      [user.id],
    );
    expect(BigInt(last.balance_after)).toBe(nov.closing);
    expect(nov.usage.map((u) => [u.model, u.calls, u.charged])).toEqual([
      ['test-model', 1n, 2_500n],
      ['cheap-model', 1n, 40n],
    ]);
    expect(nov.usageTotal).toBe(-nov.totals.DEDUCTION);
  });

  it('holds for any period and any history (property)', async () => {
    const acct = await t.account(0n);
    const base = Date.parse('2025-01-01T00:00:00Z');
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 60 * 86_400 }),
            amount: fc.integer({ min: -5_000, max: 20_000 }).filter((n) => n !== 0),
          }),
          { maxLength: 8 },
        ),
        fc.integer({ min: 0, max: 30 * 86_400 }),
        fc.integer({ min: 1, max: 30 * 86_400 }),
        async (entries, start, length) => {
          for (const e of entries) await postAt(t.db, acct.id, 'ADJUSTMENT', 'adjustments', BigInt(e.amount), new Date(base + e.at * 1000));
          const a = new Date(base + start * 1000);
          const b = new Date(a.getTime() + length * 1000);
          const c = new Date(b.getTime() + 86_400_000);
          const first = await buildStatement(t.services.orm.em, acct.id, a, b, 'p1');
          const second = await buildStatement(t.services.orm.em, acct.id, b, c, 'p2');
          expect(SECTIONS.reduce((s, k) => s + first.totals[k], first.opening)).toBe(first.closing);
          expect(second.opening).toBe(first.closing);
          const [{ s }] = await t.db.query<{ s: string }>(
            `select coalesce(sum(amount), 0) s from ledger_postings where account_id = $1 and created_at < $2`,
            [acct.id, b.toISOString()],
          );
          expect(first.closing).toBe(BigInt(s));
        },
      ),
      { numRuns: 15 },
    );
  });

  it('serves the caller its CSV with credits, approximate USD and receipt links', async () => {
    const res = await get('/statements/2026-10.csv', user.key);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = await res.text();
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe(
      'section,date,description,reference,amount_millicredits,amount_credits,amount_usd_approx,receipt_url,paid_usd,tax_usd,invoice_url',
    );
    expect(lines[1]).toMatch(/^OPENING_BALANCE,2026-10-01,.*,0,0\.000,0\.00,,,,$/);
    expect(lines.at(-1)).toMatch(/^CLOSING_BALANCE,2026-10-31,.*,147000,147\.000,0\.15,,,,$/);
    // The purchase at what was paid ($9.99), never derived from its credits.
    expect(lines.find((l) => l.startsWith('PURCHASE,'))).toMatch(
      /,50000,50\.000,0\.05,https:\/\/pay\.stripe\.test\/receipts\/r_1,9\.99,,$/,
    );
    expect(lines).toContain('TOTAL_PAID,,Amount paid for purchases (tax included),,,,,,9.99,0.00,');
    expect(lines).toContain('USAGE_BY_DAY,2026-10-20,1 calls,,-3000,-3.000,0.00,,,,');
    expect(text).toMatch(/USAGE_BY_MODEL,,"test-model: 1 calls/);
  });

  it('serves a PDF from the same data', async () => {
    const res = await get('/statements/2026-11.pdf', user.key);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(body.length).toBeGreaterThan(1000);
  });

  it('keeps statements private: own account for users, any account for staff', async () => {
    const other = await t.account(0n);
    expect((await get(`/statements/2026-11.csv?accountId=${user.id}`, other.key)).status).toBe(403);
    expect((await get('/statements/2026-11.csv')).status).toBe(401);
    expect((await get('/statements/2026-13.csv', user.key)).status).toBe(400);
    expect((await get('/statements/november.csv', user.key)).status).toBe(404);
    const support = await t.account(0n, 'SUPPORT');
    const res = await get(`/statements/2026-11.csv?accountId=${user.id}`, support.key);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(',133760,133.760,0.13,,');
  });
});
