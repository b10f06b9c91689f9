import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchChromium, watchErrors } from './browser';
import { repoRoot, startServer, type RunningServer } from './server';

/**
 * A server of its own on a fresh embedded database: the first start a new user sees, with the
 * demo's month of history and no reconciliation run yet.
 */
let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  // The scheduled daily run would fill the list at the next ten-minute mark: here only "Run now" may.
  [server, browser] = await Promise.all([startServer({ RECONCILIATION_CRON: 'off' }), launchChromium()]);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await page.goto(`${server.url}/admin/`);
  await page.getByRole('textbox', { name: 'Email' }).fill(server.staff.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(server.staff.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('menuitem', { name: 'Accounts' }).waitFor();
  return page;
}

describe('the first start', () => {
  it('draws the seeded demo on the dashboard: non-zero charts and sub-cent figures', async () => {
    const page = await signIn();
    const errors = watchErrors(page);
    const revenue = page.getByTestId('panel-revenue');
    await revenue.locator('[data-testid=chart] svg .recharts-line-curve').first().waitFor();
    // Thirty days with revenue: the table has a row per day, each with an exact USD figure.
    const cells = await revenue.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(cells.length).toBeGreaterThanOrEqual(30);
    expect(cells.filter((c) => c !== '$0.00').length).toBeGreaterThanOrEqual(29);
    // Sub-cent: a figure past the cents, as the API gives it, never rounded to "$0.0x".
    expect(cells.some((c) => /^\$\d+\.\d{3,6}$/.test(c))).toBe(true);
    // The axis is scaled to the data: its ticks are not all "$0.00".
    const ticks = await revenue.locator('.recharts-yAxis .recharts-cartesian-axis-tick-value').allTextContents();
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(await page.getByTestId('panel-credits').locator('[data-testid=chart] svg .recharts-bar-rectangle').count()).toBeGreaterThan(10);
    expect(await page.getByTestId('panel-breakage').getByTestId('empty').count()).toBe(0);
    mkdirSync(path.join(repoRoot, '.data'), { recursive: true });
    await page.screenshot({ path: path.join(repoRoot, '.data/e2e-first-start-dashboard.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('runs reconciliation from the empty list with "Run now" and shows the result', async () => {
    const page = await signIn();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/admin/reconciliation`);
    const empty = page.getByTestId('reconciliation-empty');
    await empty.getByText('No reconciliation run yet.').waitFor();
    await expectAccessible(page, 'reconciliation, empty');
    await empty.getByRole('button', { name: 'Run now' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await page.waitForURL(/\/admin\/reconciliation\/[^/]+\/show$/);
    await page.getByRole('heading', { name: 'Checks' }).waitFor();
    await page.getByText('Balanced', { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByRole('cell', { name: 'account_balances' }).waitFor();
    // Audited with the staff user who asked for it.
    await page.goto(`${server.url}/admin/auditLog`);
    const row = page.getByRole('row').filter({ hasText: 'reconciliation.run' }).first();
    await row.getByText(server.staff.email).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
