import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charge, customer, gql } from './api';
import { expectAccessible, launchChromium, watchErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

describe('the Credits page usage details and expiring credits', () => {
  it('pages through every call with its key, groups them by key, and lists what expires and when', async () => {
    const account = await customer(50_000_000n, 'history');
    const { createApiKey } = await gql<{ createApiKey: { key: string } }>(
      `mutation($id: ID!) { createApiKey(accountId: $id, label: "Batch jobs") { key } }`,
      { id: account.id },
    );
    // 25 calls: 15 with the first key (1,500 millicredits each), 10 with "Batch jobs" (600 each).
    for (let i = 0; i < 15; i++) await charge(account.key, 'gpt-4o-mini', 1000, 1000);
    for (let i = 0; i < 10; i++) await charge(createApiKey.key, 'gpt-4o-mini', 2000, 0);
    const code = `EXPIRES${Date.now() % 1_000_000}`;
    await gql(`mutation($input: CreatePromoCodeInput!) { createPromoCode(input: $input) { id } }`, {
      input: { code, creditsMillicredits: '7000000', maxRedemptions: 1, grantValidDays: 5 },
    });
    await gql(`mutation($code: String!) { redeemPromoCode(code: $code) { id } }`, { code }, account.key);

    const { createPortalSession } = await gql<{ createPortalSession: { url: string } }>(
      `mutation { createPortalSession { url } }`,
      {},
      account.key,
    );
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(createPortalSession.url);

    const calls = page.getByTestId('usage-calls');
    await calls.waitFor();
    expect(await calls.locator('tbody tr').count()).toBe(20);
    await page.getByText('Calls 1–20 of 25').waitFor();
    // Newest first: the ten "Batch jobs" calls, then the first key's.
    expect(await calls.locator('tbody tr').first().locator('td').nth(5).textContent()).toBe('Batch jobs');
    expect(await calls.locator('tbody tr').first().locator('td').nth(2).textContent()).toBe('0.6');
    await page.getByRole('button', { name: 'Older' }).click();
    await page.getByText('Calls 21–25 of 25').waitFor();
    expect(await calls.locator('tbody tr').count()).toBe(5);
    expect(await calls.locator('tbody tr').first().locator('td').nth(2).textContent()).toBe('1.5');
    await page.getByRole('button', { name: 'Newer' }).click();
    await page.getByText('Calls 1–20 of 25').waitFor();

    await page.getByRole('tab', { name: 'By key' }).click();
    const groups = page.getByTestId('usage-groups');
    await groups.waitFor();
    const rows = await groups
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent)));
    expect(rows.map((r) => [r[1], r[2]])).toEqual([
      ['22.5', '15'],
      ['6', '10'],
    ]);
    expect(rows[1][0]).toBe('Batch jobs');

    const expiring = page.getByTestId('expiring-credits');
    await expiring.waitFor();
    const cells = await expiring.locator('tbody tr td').allTextContents();
    expect(cells[1]).toBe('7,000');
    expect(cells[2]).toBe('Promotion');
    expect(cells[0]).toMatch(/\(in [45] days\)$/);

    await expectAccessible(page, 'credits usage details');
    expect(errors).toEqual([]);
    await context.close();
  });
});
