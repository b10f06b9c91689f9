import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { gql } from './api';

export interface Stop {
  app: 'home' | 'graphiql' | 'credits' | 'console';
  name: string;
}

/** Waits until every finite animation and transition (a dialog fading in) has finished; spinners run on. */
const settled = (page: Page) =>
  page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );

/**
 * Every page of both apps, in a state worth looking at. `visit` is called on each (axe, or a
 * screenshot). Pages are reached as their users reach them: a portal link, the staff sign-in.
 */
export async function tour(
  browser: Browser,
  viewport: { width: number; height: number },
  customerKey: string,
  visit: (page: Page, stop: Stop) => Promise<void>,
) {
  const base = inject('baseUrl');
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const stop = async (app: Stop['app'], name: string) => {
    await settled(page);
    await visit(page, { app, name });
  };

  await page.goto(`${base}/`);
  await stop('home', 'home');

  await page.goto(`${base}/graphql`);
  await page.locator('.graphiql-container').waitFor();
  await page.getByText('query Me').first().waitFor();
  await stop('graphiql', 'graphiql');

  await page.goto(`${base}/credits`);
  await page.getByRole('heading', { name: 'Open your Credits page from the app' }).waitFor();
  await stop('credits', 'credits-signed-out');
  await page.goto(`${base}/credits?portal=expired&returnTo=${encodeURIComponent('/app/billing')}`);
  await page.getByTestId('link-expired').waitFor();
  await stop('credits', 'credits-link-expired');

  // The demo's stand-in for Stripe Checkout, before and after paying.
  const checkout = (
    await gql<{ createCheckoutSession: { url: string; purchaseId: string } }>(
      `mutation { createCheckoutSession(packId: "pro", returnTo: "/app/billing") { url purchaseId } }`,
      {},
      customerKey,
    )
  ).createCheckoutSession;
  await page.goto(checkout.url);
  await page.getByRole('button', { name: 'Complete test purchase' }).waitFor();
  await stop('credits', 'checkout-test-mode');
  await page.getByRole('button', { name: 'Complete test purchase' }).click();
  await page.waitForURL(/\/credits\?/);
  await page.goto(checkout.url);
  await page.getByRole('heading', { name: 'Paid' }).waitFor();
  await stop('credits', 'checkout-test-mode-paid');

  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${customerKey}` },
    body: JSON.stringify({ query: 'mutation { createPortalSession(returnTo: "/app") { url } }' }),
  });
  const { data } = (await res.json()) as { data: { createPortalSession: { url: string } } };
  await page.goto(data.createPortalSession.url);
  await page.getByText('Per model').waitFor();
  await page.locator('.recharts-surface').first().waitFor();
  await page.getByTestId('team-members').waitFor();
  await page.getByRole('heading', { name: 'Webhooks' }).waitFor();
  await page
    .getByText(/No endpoints yet|Enabled|Failing/)
    .first()
    .waitFor();
  await page.getByTestId('usage-calls').waitFor();
  await page.getByTestId('expiring-credits').waitFor();
  await stop('credits', 'credits');
  const purchases = new URL(page.url());
  purchases.searchParams.set('checkout', 'success');
  await page.goto(purchases.toString());
  await page.getByTestId('checkout-success').waitFor();
  await page.getByText('Per model').waitFor();
  await stop('credits', 'credits-after-checkout');
  // The team the customer owns, by member (its members spent from it in the seed).
  await page.getByRole('tab', { name: 'By team member' }).click();
  await page.getByRole('combobox', { name: 'Account' }).click();
  await page.getByRole('option', { name: /^Team / }).click();
  await page
    .getByTestId('usage-groups')
    .getByText(/@e2e\.test/)
    .first()
    .waitFor();
  await page.getByTestId('usage-groups').scrollIntoViewIfNeeded();
  await stop('credits', 'credits-usage-by-member');

  // The customer's own endpoint, at an address where nothing answers: a delivery log with retries.
  const endpointId = (
    await gql<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
      `mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/hooks", events: ["*"], description: "Tour endpoint" }) { endpoint { id } } }`,
      {},
      customerKey,
    )
  ).createWebhookEndpoint.endpoint.id;
  // A threshold above the balance is a crossing: balance.low goes to that endpoint and is retried.
  await gql(`mutation { setLowBalanceThreshold(thresholdMillicredits: "900000000000") { alerted } }`, {}, customerKey);
  await page.getByRole('textbox', { name: 'Endpoint URL' }).fill('http://127.0.0.1:9/hooks/app');
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  await page.getByTestId('webhook-secret').waitFor();
  await stop('credits', 'credits-webhook-secret');

  await page.goto(`${base}/admin/`);
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  await stop('console', 'console-sign-in');
  await page.getByRole('textbox', { name: 'Email' }).fill(inject('staffEmail'));
  await page.getByRole('textbox', { name: 'Password' }).fill(inject('staffPassword'));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('[data-testid=panel-revenue] [data-testid=chart] svg').first().waitFor();
  await page.locator('[data-testid=panel-models-cost] [data-testid=chart] svg').first().waitFor();
  await stop('console', 'console-dashboard');

  await page.goto(`${base}/admin/accounts`);
  await page.locator('tbody tr').first().waitFor();
  await stop('console', 'console-accounts');
  await page.locator('tbody tr').filter({ hasText: 'ada-' }).first().click();
  await page.getByTestId('account-balance').waitFor();
  await page.getByText('Live', { exact: true }).waitFor();
  await stop('console', 'console-account');
  await page.getByRole('button', { name: 'Adjust balance' }).click();
  await page.getByLabel('Amount (credits)').fill('1,250.5');
  await page.getByRole('textbox', { name: 'Reason' }).fill('Goodwill credit for the outage on Nov 3');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByTestId('adjust-confirmation').waitFor();
  await stop('console', 'console-adjust-balance');
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  for (const [tab, name] of [
    ['Ledger', 'ledger'],
    ['Usage', 'usage'],
    ['Purchases', 'purchases'],
    ['Grants', 'grants'],
    ['API keys', 'keys'],
    ['Webhooks', 'webhooks'],
    ['Statements', 'statements'],
  ] as const) {
    await page.getByRole('tab', { name: tab }).click();
    await page.waitForLoadState('networkidle');
    await stop('console', `console-account-${name}`);
  }

  await page.goto(`${base}/admin/teams`);
  await page.locator('tbody tr').first().waitFor();
  await stop('console', 'console-teams');
  await page.locator('tbody tr').filter({ hasText: 'Research' }).first().click();
  await page.getByTestId('team-balance').waitFor();
  await stop('console', 'console-team');
  await page.getByRole('tab', { name: 'Members' }).click();
  await page.getByTestId('team-members').locator('tbody tr').first().waitFor();
  await stop('console', 'console-team-members');
  await page
    .getByRole('button', { name: /^Set allocation of/ })
    .first()
    .click();
  await page.getByRole('dialog').getByLabel('Allocation (credits)').waitFor();
  await stop('console', 'console-team-allocation');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('tab', { name: 'Policy' }).click();
  await page.getByRole('button', { name: 'Save policy' }).waitFor();
  await stop('console', 'console-team-policy');
  await page.getByRole('tab', { name: 'Spend' }).click();
  await page.locator('[data-testid=panel-member-spend] [data-testid=chart] svg').first().waitFor();
  await page.locator('[data-testid=panel-model-spend] [data-testid=chart] svg').first().waitFor();
  await stop('console', 'console-team-spend');
  await page.goto(`${base}/admin/teams/create`);
  await page.locator('form').first().waitFor();
  await stop('console', 'console-team-create');

  await page.goto(`${base}/admin/rateCards`);
  await page.locator('tbody tr').first().waitFor();
  await stop('console', 'console-rate-cards');
  await page.locator('tbody tr').filter({ hasText: 'Active' }).click();
  await page.getByTestId('rate-gpt-4o').waitFor();
  await stop('console', 'console-rate-card');
  await page.goto(`${base}/admin/rateCards/create`);
  await page.getByRole('group', { name: 'Model 1' }).waitFor();
  await page.getByRole('group', { name: 'Model 1' }).getByLabel('Input credits / 1k', { exact: true }).fill('0.350');
  await page.getByRole('button', { name: 'Review and publish' }).click();
  await page.getByTestId('rate-diff').waitFor();
  await stop('console', 'console-rate-card-publish');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.goto(`${base}/admin/catalog`);
  await page.getByTestId('compare-gpt-4o').waitFor();
  await page.getByRole('checkbox', { name: 'gpt-4.1-nano (openai)' }).check();
  await stop('console', 'console-price-catalog');

  await page.goto(`${base}/admin/reconciliation`);
  await page.locator('tbody tr').first().waitFor();
  await stop('console', 'console-reconciliation');
  await page.locator('tbody tr').first().click();
  await page.getByRole('heading', { name: 'Checks' }).waitFor();
  await stop('console', 'console-reconciliation-run');

  await page.goto(`${base}/admin/webhooks`);
  await page.getByRole('heading', { name: 'Failed Stripe events' }).waitFor();
  await page.waitForLoadState('networkidle');
  await stop('console', 'console-webhooks');

  await page.goto(`${base}/admin/revenue`);
  await page.getByRole('heading', { name: 'Deferred revenue roll-forward' }).waitFor();
  await page.getByText(/^(Ties to the ledger|Does not tie)/).waitFor();
  await stop('console', 'console-revenue');

  await page.goto(`${base}/admin/webhookEndpoints`);
  await page.getByText("The operator's endpoints").waitFor();
  await page.waitForLoadState('networkidle');
  await stop('console', 'console-webhook-endpoints');
  await page.goto(`${base}/admin/webhookEndpoints/create`);
  await page.getByRole('button', { name: 'Add endpoint' }).waitFor();
  await stop('console', 'console-webhook-endpoint-create');
  await page.goto(`${base}/admin/webhookEndpoints/${endpointId}/show`);
  await page.getByRole('heading', { name: 'Delivery log' }).waitFor();
  await page.waitForLoadState('networkidle');
  await stop('console', 'console-webhook-endpoint');

  for (const [path, name, ready] of [
    ['purchases', 'console-purchases', 'tbody tr'],
    ['auditLog', 'console-audit-log', '[data-testid=audit-chain]'],
    ['promoCodes', 'console-promo-codes', 'tbody tr'],
    ['promoCodes/create', 'console-promo-code-create', 'form'],
    ['staffUsers', 'console-staff-users', 'tbody tr'],
    ['staffUsers/create', 'console-staff-user-create', 'form'],
  ] as const) {
    await page.goto(`${base}/admin/${path}`);
    await page.locator(ready).first().waitFor();
    await stop('console', name);
  }

  await page.goto(`${base}/admin/purchases`);
  await page.locator('tbody tr').getByText('FULFILLED').first().click();
  await page.getByRole('heading', { name: /pack/ }).waitFor();
  await stop('console', 'console-purchase');
  await page.getByRole('button', { name: 'Refund' }).click();
  await page.getByRole('dialog').getByTestId('refund-amount').waitFor();
  await stop('console', 'console-purchase-refund');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await context.close();
}
