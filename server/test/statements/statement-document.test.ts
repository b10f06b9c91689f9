import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStatement } from '../../src/statements/statement.builder.js';
import {
  formatApproxUsd as approxUsd,
  formatCents as usdCents,
  formatCount as integer,
  formatCredits as credits,
  millicreditsToCents as centsOf,
} from '../../src/money/format.js';
import { longDate } from '../../src/statements/statement.format.js';
import { statementPdf } from '../../src/statements/statement.render.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { postAt, usageAt } from '../finance/support.js';

/** The text a PDF shows: pdfkit writes standard-font text as hex strings inside TJ arrays. */
function pdfText(pdf: Buffer): string {
  const body = pdf.toString('latin1');
  const shown: string[] = [];
  for (const m of body.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    shown.push([...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1], 'hex').toString('latin1')).join(''));
  }
  return shown.join('\n');
}

describe('statement formats', () => {
  it('formats credits, cents and counts with thousands separators, exactly', () => {
    expect(credits(1_234_567_890n)).toBe('1,234,567.890');
    expect(credits(-1_200n)).toBe('-1.200');
    expect(credits(5n)).toBe('0.005');
    expect(usdCents(999n)).toBe('$9.99');
    expect(usdCents(123_456_78n)).toBe('$123,456.78');
    expect(integer(1_000_000n)).toBe('1,000,000');
    expect(approxUsd(147_000n)).toBe('~$0.15');
    expect(longDate(new Date('2026-11-30T23:59:59.999Z'))).toBe('30 Nov 2026');
  });

  it('round-trips credits text to the same millicredits for any amount (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (m) => {
        expect(BigInt(credits(m).replace(/[,.]/g, ''))).toBe(m);
        const cents = centsOf(m);
        expect(cents * 10_000n - m <= 5_000n && m - cents * 10_000n <= 5_000n).toBe(true);
      }),
    );
  });
});

describe('the statement document', () => {
  let t: TestApp;
  let account: { id: string; key: string };
  const purchaseId = randomUUID();

  beforeAll(async () => {
    t = await startTestApp({
      COMPANY_NAME: 'Creditmeter Demo Ltd',
      COMPANY_ADDRESS: '1 Ledger Lane\\nLondon EC1A 1AA',
      SUPPORT_EMAIL: 'billing@creditmeter.test',
    });
    const created = await t.services.accounts.create(null, { email: 'ada@customer.test', name: 'Ada Lovelace' });
    account = { id: created.id, key: (await t.services.auth.createKey(null, created.id)).key };
    await postAt(t.db, account.id, 'PURCHASE', 'sales', 1_000_000n, new Date('2026-10-03T10:00:00Z'), purchaseId);
    await t.db.query(
      `insert into purchases (id, account_id, kind, pack_id, status, amount_cents, amount_paid_cents, credits, receipt_url)
       values ($1, $2, 'CHECKOUT', 'starter', 'FULFILLED', 999, 999, 1000000, 'https://pay.stripe.test/receipts/r_999')`,
      [purchaseId, account.id],
    );
    for (let day = 1; day <= 28; day++) {
      await usageAt(
        t.db,
        account.id,
        day % 3 ? 'gpt-4o-mini' : 'gpt-4o',
        12_345n,
        6_000n,
        new Date(`2026-10-${String(day).padStart(2, '0')}T12:00:00Z`),
        { i: 1_500n, c: 200n, o: 900n },
      );
    }
    await postAt(t.db, account.id, 'ADJUSTMENT', 'adjustments', 2_500n, new Date('2026-10-29T09:00:00Z'));
  });
  afterAll(() => t?.close());

  it('shows the seller, the customer, the period, the $9.99 paid, usage per model and per day, balances and page numbers', async () => {
    const res = await fetch(`${t.url}/statements/2026-10.pdf`, { headers: { authorization: `Bearer ${account.key}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/filename="CM-202610-[0-9A-F]{8}\.pdf"/);
    const served = Buffer.from(await res.arrayBuffer());
    expect(served.subarray(0, 5).toString()).toBe('%PDF-');

    const s = await buildStatement(
      t.services.orm.em,
      account.id,
      new Date('2026-10-01T00:00:00Z'),
      new Date('2026-11-01T00:00:00Z'),
      '2026-10',
    );
    const seller = { name: 'Creditmeter Demo Ltd', address: '1 Ledger Lane\\nLondon EC1A 1AA', supportEmail: 'billing@creditmeter.test' };
    const pdf = await statementPdf(s, seller, { compress: false });
    const text = pdfText(pdf);
    for (const expected of [
      'Creditmeter Demo Ltd',
      'London EC1A 1AA',
      'billing@creditmeter.test',
      s.number,
      '1 Oct 2026 - 31 Oct 2026',
      'Ada Lovelace',
      'ada@customer.test',
      '$9.99',
      '1,000.000', // paid exactly; the pack's credits
      'gpt-4o-mini',
      'gpt-4o',
      '28 Oct 2026',
      credits(s.closing),
      'Opening balance on 1 Oct 2026',
      'Closing balance on 31 Oct 2026',
      'Page 1 of',
      'Receipt',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain('$10.00');
    expect(s.closing).toBe(1_000_000n - 28n * 12_345n + 2_500n);
    expect(credits(s.closing)).toBe('656.840');
    expect(pdf.toString('latin1')).toContain('/URI (https://pay.stripe.test/receipts/r_999)');

    // For a person to look at: .data/statements/statement-2026-10.pdf (+ PNG pages when pdftoppm is installed).
    const dir = path.join(t.services.config.repoRoot, '.data', 'statements');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'statement-2026-10.pdf'), await statementPdf(s, seller));
    try {
      execFileSync('pdftoppm', ['-png', '-r', '80', path.join(dir, 'statement-2026-10.pdf'), path.join(dir, 'statement-2026-10')]);
    } catch {
      /* a viewing aid only */
    }
  });

  it('carries the same figures in the CSV', async () => {
    const csv = await (await fetch(`${t.url}/statements/2026-10.csv`, { headers: { authorization: `Bearer ${account.key}` } })).text();
    expect(csv).toContain('https://pay.stripe.test/receipts/r_999,9.99');
    expect(csv).toMatch(/USAGE_BY_MODEL,,"gpt-4o-mini: 19 calls/);
    expect(csv).toContain('USAGE_BY_DAY,2026-10-28,1 calls,,-12345,-12.345,-0.01,,');
    expect(csv).toMatch(/\nCLOSING_BALANCE,2026-10-31,Closing balance 2026-10,[0-9a-f-]{36},656840,656\.840,0\.66,,,,\n/);
    expect(csv).toMatch(
      /STATEMENT,\d{4}-\d{2}-\d{2},"Statement CM-202610-[0-9A-F]{8} from Creditmeter Demo Ltd for Ada Lovelace ada@customer\.test, 2026-10-01 to 2026-10-31/,
    );
  });

  it('refuses a month that has not begun (400), once', async () => {
    const res = await fetch(`${t.url}/statements/2999-01.pdf`, { headers: { authorization: `Bearer ${account.key}` } });
    expect(res.status).toBe(400);
  });
});
