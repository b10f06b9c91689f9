import { parse } from 'csv-parse/sync';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatUsdSixDecimals } from '../../server/src/money/format';
import { charge, customer, gql } from './api';
import { expectAccessible, launchChromium, watchErrors } from './browser';
import { repoRoot } from './server';
import { signInStaff } from './staff';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

async function staffUser(role: 'SUPPORT' | 'FINANCE') {
  const email = `revenue-${role.toLowerCase()}-${Date.now()}@e2e.test`;
  const password = `${role.toLowerCase()}-password-1234`;
  await gql(`mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { id } }`, {
    input: { email, password, role, name: `${role} person` },
  });
  return { email, password };
}

describe('the Revenue page', () => {
  it('shows FINANCE the month roll-forward as the API gives it, tied to the ledger, with a balanced journal to download', async () => {
    const a = await customer(5_000_000n, 'revenue');
    await charge(a.key, 'gpt-4o-mini', 40_000, 10_000);
    const month = new Date().toISOString().slice(0, 7);
    const { revenueRollForward: api } = await gql<{
      revenueRollForward: {
        tiesToLedger: boolean;
        total: { closingDeferredMillicredits: string };
        adjustments: { adjustedMillicredits: string; recognisedMillicredits: string };
      };
    }>(
      `query($month: String!) { revenueRollForward(month: $month) { tiesToLedger total { closingDeferredMillicredits }
         adjustments { adjustedMillicredits recognisedMillicredits } } }`,
      { month },
    );
    expect(api.tiesToLedger).toBe(true);
    expect(BigInt(api.adjustments.adjustedMillicredits)).toBeGreaterThanOrEqual(5_000_000n);

    const finance = await staffUser('FINANCE');
    const page = await signInStaff(browser, finance.email, finance.password);
    const errors = watchErrors(page);
    await page.getByRole('menuitem', { name: 'Revenue' }).click();
    await page.getByRole('heading', { name: 'Deferred revenue roll-forward' }).waitFor();
    await page.getByText(/^Ties to the ledger/).waitFor();
    const closing = page.getByRole('row', { name: /Closing balance/ });
    await expect
      .poll(() => closing.getByRole('cell').last().innerText())
      .toContain(formatUsdSixDecimals(BigInt(api.total.closingDeferredMillicredits)));
    const goodwill = page
      .getByRole('row', { name: /Staff adjustments/ })
      .getByRole('cell')
      .nth(2);
    expect(await goodwill.innerText()).toContain(formatUsdSixDecimals(BigInt(api.adjustments.adjustedMillicredits)));
    await expectAccessible(page, 'revenue');
    await page.screenshot({ path: path.join(repoRoot, '.data/e2e-revenue.png'), fullPage: true });

    const href = await page.getByRole('link', { name: 'Journal CSV' }).getAttribute('href');
    expect(href).toBe(`/reports/journal/${month}.csv`);
    const csv = await page.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
    }, href!);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    // RFC 4180: account names and memos may hold commas (quoted), so parse, never split.
    const [header, ...lines] = parse(csv.text) as string[][];
    expect(header.join(',')).toBe('date,account_code,account_name,debit,credit,memo,reference');
    const net = new Map<string, bigint>();
    const micros = (s: string) => (s ? BigInt(s.replace('.', '')) : 0n);
    for (const cells of lines) {
      expect(cells).toHaveLength(header.length);
      const ref = cells.at(-1)!;
      net.set(ref, (net.get(ref) ?? 0n) + micros(cells[3]) - micros(cells[4]));
    }
    expect(lines.length).toBeGreaterThan(0);
    for (const [ref, sum] of net) expect(sum, ref).toBe(0n);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is not offered to SUPPORT, and its journal is refused', async () => {
    const support = await staffUser('SUPPORT');
    const page = await signInStaff(browser, support.email, support.password);
    expect(await page.getByRole('menuitem', { name: 'Revenue' }).count()).toBe(0);
    const status = await page.evaluate(async (url) => (await fetch(url)).status, `${inject('baseUrl')}/reports/journal/2026-01.csv`);
    expect(status).toBe(403);
    await page.context().close();
  });
});
