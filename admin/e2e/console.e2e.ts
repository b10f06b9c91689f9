import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatUsdCents, formatUsdMicros } from '../../server/src/money/format';
import { charge, customer, gql } from './api';
import { launchChromium, watchErrors } from './browser';
import { repoRoot } from './server';
import { signInStaff } from './staff';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

const base = () => inject('baseUrl');

const signIn = (email?: string, password?: string): Promise<Page> => signInStaff(browser, email, password);

async function staffUser(role: 'SUPPORT' | 'FINANCE' | 'ADMIN') {
  const email = `${role.toLowerCase()}-${Date.now()}@e2e.test`;
  const password = `${role.toLowerCase()}-password-1234`;
  await gql(`mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { id } }`, {
    input: { email, password, role, name: `${role} person` },
  });
  return { email, password };
}

async function proxyCall(key: string, model: string) {
  return fetch(`${base()}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }], max_tokens: 16 }),
  });
}

describe('the console', () => {
  it('signs staff in and out', async () => {
    const page = await signIn();
    const errors = watchErrors(page);
    await page.getByRole('button', { name: 'Administrator' }).click();
    await page.getByRole('menuitem', { name: 'Logout' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    // The session is gone on the server too: the API answers as signed out.
    const viewer = await page.evaluate(async () =>
      (
        await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ viewer { kind } }' }),
        })
      ).json(),
    );
    expect(viewer).toEqual({ data: { viewer: null } });
    // A wrong password gets the one generic message.
    await page.getByRole('textbox', { name: 'Email' }).fill(inject('staffEmail'));
    await page.getByRole('textbox', { name: 'Password' }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/Wrong email or password/).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows dashboard figures that agree with the GraphQL API, and measures the first chart', async () => {
    const a = await customer(50_000_000n, 'dash');
    await charge(a.key, 'gpt-4o', 12_000, 3_000);
    await charge(a.key, 'gpt-4o-mini', 40_000, 10_000);
    const page = await signIn();
    const started = Date.now();
    await page.goto(`${base()}/admin/`);
    await page.locator('[data-testid=panel-revenue] [data-testid=chart] svg').first().waitFor();
    const firstChartMs = Date.now() - started;
    mkdirSync(path.join(repoRoot, '.data'), { recursive: true });
    writeFileSync(path.join(repoRoot, '.data/e2e-dashboard.json'), JSON.stringify({ firstChartMs }));
    console.log(`dashboard: first chart ${firstChartMs} ms after opening`);

    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() - 29)).toISOString();
    const figures = await gql<{
      financeDaily: Array<{ date: string; revenueMillicredits: string; costMicroUsd: string; marginMillicredits: string }>;
      financeByModel: Array<{ model: string }>;
      liability: { outstandingMillicredits: string };
    }>(
      `query($from: DateTime!, $to: DateTime!) { financeDaily(from: $from, to: $to) { date revenueMillicredits costMicroUsd marginMillicredits } financeByModel(from: $from, to: $to, orderBy: COST, limit: 8) { model } liability { outstandingMillicredits } }`,
      { from, to: new Date().toISOString() },
    );
    const day = figures.financeDaily.find((d) => d.date === today)!;
    expect(BigInt(day.revenueMillicredits)).toBeGreaterThan(0n);
    const row = page.getByTestId('panel-revenue').getByRole('row').filter({ hasText: today });
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells).toEqual([
      today,
      formatUsdMicros(day.revenueMillicredits),
      formatUsdMicros(day.costMicroUsd),
      formatUsdMicros(day.marginMillicredits),
      expect.any(String),
    ]);
    const modelCells = await page.getByTestId('panel-models-cost').locator('tbody tr td:first-child').allTextContents();
    expect(modelCells).toEqual(figures.financeByModel.map((m) => m.model));
    await page.getByTestId('stat-liability').getByText(formatUsdCents(figures.liability.outstandingMillicredits)).waitFor();
    await page
      .getByTestId('time-zone')
      .getByText(/Times are shown in/)
      .waitFor();
    await page.context().close();
  });

  it('adjusts a balance in the dialog; the entry is in the ledger and the audit log', async () => {
    const a = await customer(1_000_000n, 'adjust');
    const page = await signIn();
    await page.goto(`${base()}/admin/accounts/${a.id}/show`);
    await page.getByTestId('account-balance').getByText('1,000.000 credits').waitFor();
    await page.getByRole('button', { name: 'Adjust balance' }).click();
    await page.getByLabel('Amount (credits)').fill('-250.125');
    await page.getByRole('textbox', { name: 'Reason' }).fill('Refund of a duplicate charge');
    await page.getByLabel('Reference id (optional)').fill('INC-4242');
    await page.getByRole('button', { name: 'Review' }).click();
    expect(await page.getByTestId('adjust-after').textContent()).toBe('749.875 credits');
    await page.getByRole('button', { name: 'Apply adjustment' }).click();
    await page.getByTestId('account-balance').getByText('749.875 credits').waitFor(); // live, over graphql-ws
    await page.getByRole('tab', { name: 'Ledger' }).click();
    const entry = page.getByRole('row').filter({ hasText: 'Refund of a duplicate charge' });
    await entry.waitFor();
    expect(await entry.getByRole('cell').allTextContents()).toEqual([
      expect.any(String),
      'ADJUSTMENT',
      '-250.125',
      '749.875',
      'Refund of a duplicate charge',
      'INC-4242',
    ]);
    await page.goto(`${base()}/admin/auditLog`);
    const audited = page.getByRole('row').filter({ hasText: 'Refund of a duplicate charge' }).first();
    await audited.waitFor();
    // Amounts in credits, before → after as fields, the target by email and linked: no raw JSON, no bare id.
    await audited.getByText('Balance: 1,000 credits → 749.875 credits').waitFor();
    await audited.getByText('Amount: -250.125 credits').waitFor();
    const target = audited.getByRole('link', { name: new RegExp(a.email) });
    expect(await target.getAttribute('href')).toBe(`/admin/accounts/${a.id}/show`);
    expect(await audited.textContent()).not.toContain('Millicredits');
    await page.context().close();
  });

  it('switches a model off (the proxy refuses it) and on again', async () => {
    const a = await customer(5_000_000n, 'switch');
    expect((await proxyCall(a.key, 'creditmeter-sim')).status).toBe(200);
    const page = await signIn();
    await page.goto(`${base()}/admin/rateCards`);
    await page.getByRole('row').filter({ hasText: 'Active' }).click();
    const row = page.getByTestId('rate-creditmeter-sim');
    await row.getByRole('button', { name: 'Switch off creditmeter-sim' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await row.getByRole('button', { name: 'Switch on creditmeter-sim' }).waitFor();
    const refused = await proxyCall(a.key, 'creditmeter-sim');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('model_disabled');
    await row.getByRole('button', { name: 'Switch on creditmeter-sim' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await row.getByRole('button', { name: 'Switch off creditmeter-sim' }).waitFor();
    expect((await proxyCall(a.key, 'creditmeter-sim')).status).toBe(200);
    await page.context().close();
  });

  it('publishes a rate card with a diff against the active one, then rolls back', async () => {
    const before = await gql<{ rateCards: Array<{ id: string; version: number; active: boolean }> }>(`{ rateCards { id version active } }`);
    const active = before.rateCards.find((c) => c.active)!;
    const page = await signIn();
    await page.goto(`${base()}/admin/rateCards/create`);
    const model = page.getByRole('group', { name: 'Model 1' });
    const field = model.getByLabel('Output credits / 1k', { exact: true });
    const old = await field.inputValue();
    await field.fill('9.999');
    await page.getByRole('button', { name: 'Review and publish' }).click();
    await page.getByTestId('rate-diff').getByText(`Output credits / 1k ${old} → 9.999`).waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText(/published and active/).waitFor();
    const published = await gql<{ rateCards: Array<{ id: string; version: number; active: boolean }> }>(
      `{ rateCards { id version active } }`,
    );
    const now = published.rateCards.find((c) => c.active)!;
    expect(now.version).toBe(Math.max(...before.rateCards.map((c) => c.version)) + 1);

    await page.goto(`${base()}/admin/rateCards/${active.id}/show`);
    await page.getByRole('button', { name: `Make version ${active.version} active (roll back)` }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText(`Version ${active.version} is now active`).waitFor();
    const after = await gql<{ rateCards: Array<{ id: string; active: boolean }> }>(`{ rateCards { id active } }`);
    expect(after.rateCards.find((c) => c.active)!.id).toBe(active.id);
    await page.context().close();
  });

  it('compares the active card with the price catalogue, drafts a card from it and publishes it through the diff', async () => {
    type Rates = { activeRates: Array<{ model: string; inputPer1k: string; cachedInputPer1k: string; outputPer1k: string }> };
    const before = await gql<{ rateCards: Array<{ id: string; version: number; active: boolean }> }>(`{ rateCards { id version active } }`);
    const active = before.rateCards.find((c) => c.active)!;
    const page = await signIn();
    const errors = watchErrors(page);
    await page.goto(`${base()}/admin/catalog`);
    await page.getByRole('heading', { name: 'Active card against the catalogue' }).waitFor();
    // The demo card's gpt-4o costs are the catalogue's; its margin is 100% on each class.
    const gpt4o = page.getByTestId('compare-gpt-4o');
    await gpt4o.getByText('$2.50').first().waitFor();
    expect(await gpt4o.getByText('Cost differs from the catalogue').count()).toBe(0);
    expect(await gpt4o.getByText('100%').count()).toBe(1);
    await page
      .getByTestId('not-on-card')
      .getByText(/^gpt-4\.1-nano \(openai\)/)
      .waitFor();

    await page.getByRole('textbox', { name: 'Markup over cost (%)' }).fill('50');
    await page.getByRole('checkbox', { name: 'gpt-4.1-nano (openai)' }).check();
    await page.getByRole('button', { name: 'Draft rate card from catalogue' }).click();
    await page.waitForURL(/\/admin\/rateCards\/create$/);
    await page
      .getByTestId('catalog-draft')
      .getByText(/50% over cost: gpt-4\.1-nano/)
      .waitFor();
    await page.getByRole('button', { name: 'Review and publish' }).click();
    const diff = page.getByTestId('rate-diff');
    await diff.getByText('gpt-4.1-nano: added').waitFor();
    // Only the drafted model changes: the rest of the card is the active one.
    expect(await diff.getByRole('listitem').count()).toBe(1);
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText(/published and active/).waitFor();

    const { activeRates } = await gql<Rates>(`{ activeRates { model inputPer1k cachedInputPer1k outputPer1k } }`);
    // $0.10 / $0.025 / $0.40 per 1M + 50%, rounded up to the millicredit per 1k.
    expect(activeRates.find((r) => r.model === 'gpt-4.1-nano')).toEqual({
      model: 'gpt-4.1-nano',
      inputPer1k: '0.150',
      cachedInputPer1k: '0.038',
      outputPer1k: '0.600',
    });
    expect(activeRates.length).toBeGreaterThan(1);
    await gql(`mutation($id: ID!) { activateRateCard(id: $id) { id } }`, { id: active.id });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows SUPPORT no Adjust button, and the API refuses the adjustment too', async () => {
    const support = await staffUser('SUPPORT');
    const a = await customer(1_000n, 'support-view');
    const page = await signIn(support.email, support.password);
    await page.goto(`${base()}/admin/accounts/${a.id}/show`);
    await page.getByTestId('account-balance').waitFor();
    expect(await page.getByRole('button', { name: 'Adjust balance' }).count()).toBe(0);
    const answer = await page.evaluate(async (accountId) => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }',
          variables: { input: { accountId, amountMillicredits: '1000', reason: 'should not work' } },
        }),
      });
      return res.json();
    }, a.id);
    expect(answer.errors[0].extensions.code).toBe('FORBIDDEN');
    const { account } = await gql<{ account: { balance: { balanceMillicredits: string } } }>(
      `query($id: ID!) { account(id: $id) { balance { balanceMillicredits } } }`,
      { id: a.id },
    );
    expect(account.balance.balanceMillicredits).toBe('1000');
    expect(await page.getByRole('menuitem', { name: 'Staff users' }).count()).toBe(0);
    await page.context().close();
  });
});
