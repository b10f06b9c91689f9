import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { customer, gql } from './api';
import { launchChromium, watchErrors } from './browser';
import { buyPack } from './seed';
import { signInStaff } from './staff';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

const base = () => inject('baseUrl');

async function financeUser() {
  const email = `finance-refunds-${Date.now()}@e2e.test`;
  const password = 'finance-password-1234';
  await gql(`mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { id } }`, {
    input: { email, password, role: 'FINANCE', name: 'Finance person' },
  });
  return { email, password };
}

describe('purchases in the console', () => {
  it('lists purchases by email and pack name, opens one and refunds it; the refund is in the ledger and the audit log', async () => {
    const buyer = await customer(0n, 'refundee');
    const purchaseId = await buyPack(buyer.key, 'starter');
    const finance = await financeUser();
    const page = await signInStaff(browser, finance.email, finance.password);
    const errors = watchErrors(page);

    await page.goto(`${base()}/admin/purchases`);
    const row = page.getByRole('row').filter({ hasText: buyer.email });
    await row.waitFor();
    await expect(row.getByText('Starter', { exact: true }).count()).resolves.toBe(1);
    await row.getByText('FULFILLED').click();
    await page.waitForURL(`**/admin/purchases/${purchaseId}/show`);
    await expect(page.getByTestId('purchase-account').textContent()).resolves.toBe(buyer.email);
    await page.getByRole('heading', { name: /Starter pack/ }).waitFor();

    const reason = `Customer asked e2e ${Date.now()}`;
    await page.getByRole('button', { name: 'Refund' }).click();
    const dialog = page.getByRole('dialog');
    // More than was paid is refused in the form, before anything is sent.
    await dialog.getByTestId('refund-amount').fill('10.00');
    await dialog.getByTestId('refund-reason').fill(reason);
    await dialog.getByRole('button', { name: /^Refund/ }).click();
    await dialog.getByText('At most $9.99 is left to refund').waitFor();
    await dialog.getByTestId('refund-amount').fill('4.00');
    await dialog.getByRole('button', { name: 'Refund $4.00' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByTestId('purchase-status').getByText('PARTIALLY_REFUNDED').waitFor();
    await expect(page.getByTestId('purchase-refunded').textContent()).resolves.toBe('$4.00');
    // 400 of 999 cents: 4,004.004 of 10,000 credits go back.
    await page.getByTestId('purchase-ledger').getByRole('row').filter({ hasText: 'REFUND' }).filter({ hasText: '-4,004.004' }).waitFor();

    // The account's ledger shows the REFUND entry.
    await page.getByTestId('purchase-account').click();
    await page.getByRole('tab', { name: 'Ledger' }).click();
    await page.getByRole('row').filter({ hasText: 'REFUND' }).filter({ hasText: '-4,004.004' }).first().waitFor();

    // The audit log has the request, with its reason and who made it.
    await page.goto(`${base()}/admin/auditLog`);
    const entry = page.getByRole('row').filter({ hasText: reason });
    await entry.waitFor();
    await expect(entry.textContent()).resolves.toMatch(/billing\.refundPurchase/);
    await expect(entry.textContent()).resolves.toMatch(/FINANCE/);

    const { purchase } = await gql<{ purchase: { status: string; refundedCents: number } }>(
      `query($id: ID!) { purchase(id: $id) { status refundedCents } }`,
      { id: purchaseId },
    );
    expect(purchase).toEqual({ status: 'PARTIALLY_REFUNDED', refundedCents: 400 });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
