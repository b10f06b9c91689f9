import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { charge, customer, gql } from './api';
import { expectAccessible, launchChromium, watchErrors } from './browser';
import { repoRoot } from './server';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

async function portal(key: string, returnTo?: string): Promise<string> {
  const { createPortalSession } = await gql<{ createPortalSession: { url: string } }>(
    `mutation($returnTo: String) { createPortalSession(returnTo: $returnTo) { url expiresAt } }`,
    { returnTo: returnTo ?? null },
    key,
  );
  return createPortalSession.url;
}

async function openCredits(context: BrowserContext, key: string, returnTo?: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(await portal(key, returnTo));
  await page.getByTestId('balance-credits').waitFor();
  return page;
}

describe('the Credits page', () => {
  it('opens through a portal session, clears the token, and moves the balance live after a charge', async () => {
    const account = await customer(12_345_678n, 'portal');
    const context = await browser.newContext();
    const page = await openCredits(context, account.key, '/app/settings');
    const errors = watchErrors(page);
    expect(new URL(page.url()).pathname).toBe('/credits');
    expect(page.url()).not.toMatch(/portal\//);
    expect(await page.getByTestId('balance-credits').textContent()).toBe('12,345.678');
    await expect.poll(() => page.getByText('Live', { exact: true }).count()).toBe(1);
    await expect(page.getByText('Credits are prepaid. 1,000 Credits = $1.00. You only pay for actual token usage.').count()).resolves.toBe(
      1,
    );
    await expect(page.getByText('USD equivalent is approximate.').count()).resolves.toBe(1);

    const { recordUsage } = await charge(account.key, 'gpt-4o-mini', 1000, 1000); // 0.300 + 1.200 credits
    expect(recordUsage.chargedMillicredits).toBe('1500');
    await page.getByText('12,344.178', { exact: true }).waitFor();
    expect(errors).toEqual([]);

    // A portal link works once.
    const url = await portal(account.key);
    const other = await browser.newContext();
    const first = await other.newPage();
    await first.goto(url);
    await first.getByTestId('balance-credits').waitFor();
    const again = await (await browser.newContext()).newPage();
    await again.goto(url);
    await again.getByText('Open your Credits page from the app').waitFor();
    await context.close();
    await other.close();
  });

  it('buys a pack through the test-mode checkout and comes back to the success notice and the app', async () => {
    const account = await customer(0n, 'buyer');
    const context = await browser.newContext();
    const page = await openCredits(context, account.key, '/app/after-purchase');
    await page.getByRole('button', { name: /Buy the Starter pack/ }).click();
    await page.waitForURL(/\/billing\/test-checkout\//);
    const checkoutUrl = page.url();
    await page.getByRole('heading', { name: 'Starter pack' }).waitFor();
    await page.getByText('10,000 credits', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Complete test purchase' }).click();
    await page.waitForURL(/\/credits\?/);
    const notice = page.getByTestId('checkout-success');
    await notice.getByText(/10,000 credits were added/).waitFor();
    await page.getByTestId('balance-credits').getByText('10,000', { exact: true }).waitFor();
    const back = notice.getByRole('link', { name: 'Back to the app' });
    expect(await back.getAttribute('href')).toBe('/app/after-purchase');
    await expectAccessible(page, 'credits after purchase');
    // The checkout page, visited again, says it is paid and leads back instead of offering to pay.
    await page.goto(checkoutUrl);
    await page.getByRole('heading', { name: 'Paid' }).waitFor();
    expect(await page.getByRole('button', { name: 'Complete test purchase' }).count()).toBe(0);
    const credits = page.getByRole('link', { name: 'Back to your Credits page' });
    expect(new URL((await credits.getAttribute('href'))!, page.url()).pathname).toBe('/credits');
    await expectAccessible(page, 'test-mode checkout, paid');
    await context.close();
  });

  it('says an expired or used sign-in link has expired, and offers a new one from the app', async () => {
    const account = await customer(1_000n, 'expired');
    const url = await portal(account.key, '/app/billing');
    const first = await browser.newContext();
    await (await first.newPage()).goto(url);
    await first.close();
    // The same link again (used): no session, the page says why and where to get a new link.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(url);
    const notice = page.getByTestId('link-expired');
    await notice.getByText('This link has expired').waitFor();
    await notice.getByText(/work once and for 5 minutes/).waitFor();
    expect(await notice.getByRole('link', { name: 'Get a new link' }).getAttribute('href')).toBe('/app/billing');
    expect(await page.getByTestId('balance-credits').count()).toBe(0);
    await expectAccessible(page, 'credits, expired link');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("is where a 402's credits_url leads", async () => {
    const account = await customer(0n, 'broke');
    const res = await fetch(`${inject('baseUrl')}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${account.key}`, 'x-return-to': '/app/chat' },
      body: JSON.stringify({ model: 'creditmeter-sim', messages: [{ role: 'user', content: 'hello' }] }),
    });
    expect(res.status).toBe(402);
    const body = (await res.json()) as { error: { code: string; credits_url: string } };
    expect(body.error.code).toBe('insufficient_credits');
    const creditsUrl = new URL(body.error.credits_url);
    expect(creditsUrl.pathname).toBe('/credits');

    // Signed in (a portal session in this browser): the page of that account, with the way back.
    const context = await browser.newContext();
    const signedIn = await openCredits(context, account.key);
    await signedIn.goto(creditsUrl.toString());
    await signedIn.getByTestId('low-balance').getByText('You are out of credits').waitFor();
    expect(await signedIn.getByRole('link', { name: 'Back to the app' }).first().getAttribute('href')).toBe('/app/chat');
    // Not signed in: the page says how to get there from the app.
    const anonymous = await (await browser.newContext()).newPage();
    await anonymous.goto(creditsUrl.toString());
    await anonymous.getByRole('heading', { name: 'Open your Credits page from the app' }).waitFor();
    await context.close();
  });

  it('never links "Back to the app" off the origin, whatever returnTo says', async () => {
    const account = await customer(1_000n, 'returnto');
    const context = await browser.newContext();
    const page = await openCredits(context, account.key);
    const base = inject('baseUrl');
    const origin = new URL(base).origin;
    const requestedHosts = new Set<string>();
    page.on('request', (r) => requestedHosts.add(new URL(r.url()).host));
    const back = page.getByRole('link', { name: 'Back to the app' });
    const open = async (query: string) => {
      await page.goto(`${base}/credits?${query}`);
      await page.getByTestId('balance-credits').waitFor();
    };

    // The report's URL, as typed: no link at all (the server would refuse it too).
    await open('returnTo=/.//evil.example/phish');
    expect(await back.count()).toBe(0);
    mkdirSync(path.join(repoRoot, '.data/test-results'), { recursive: true });
    await page.screenshot({ path: path.join(repoRoot, '.data/test-results/credits-returnto-hostile.png') });
    for (const hostile of [
      '//evil.example/phish',
      '/\\evil.example',
      '/%2e%2e//evil.example',
      '/\t/evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
    ]) {
      await open(`returnTo=${encodeURIComponent(hostile)}`);
      expect(await back.count(), hostile).toBe(0);
      const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      for (const href of hrefs) expect(new URL(href).origin, `${hostile}: ${href}`).toBe(origin);
    }

    // An honest value keeps its link, and following it stays here.
    await open(`returnTo=${encodeURIComponent('/app/a/../settings?tab=1')}`);
    expect(await back.getAttribute('href')).toBe('/app/settings?tab=1');
    await back.click();
    await page.waitForURL((url) => url.pathname === '/app/settings');
    expect(new URL(page.url()).origin).toBe(origin);
    expect([...requestedHosts].filter((h) => h.includes('evil'))).toEqual([]);
    await context.close();
  });

  it('offers the development key sign-in outside production', async () => {
    const account = await customer(2_000n, 'devkey');
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${inject('baseUrl')}/credits`);
    await page.getByRole('textbox', { name: 'API key' }).fill(account.key);
    await page.getByRole('button', { name: 'Sign in with key' }).click();
    await page.getByTestId('balance-credits').getByText('2', { exact: true }).waitFor();
    // The key became a cookie session: a reload stays signed in, and signing out ends it.
    await page.reload();
    await page.getByTestId('balance-credits').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Open your Credits page from the app' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Open your Credits page from the app' }).waitFor();
  });
});
