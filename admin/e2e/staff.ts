import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';

/** A console page signed in as a staff user (the bootstrap ADMIN by default). */
export async function signInStaff(browser: Browser, email = inject('staffEmail'), password = inject('staffPassword')): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${inject('baseUrl')}/admin/`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('menuitem', { name: 'Accounts' }).waitFor();
  return page;
}

/** A portal link for the key's own account, opened in a fresh phone-sized browser context. */
export async function openCreditsPage(browser: Browser, key: string, viewport = { width: 390, height: 844 }): Promise<Page> {
  const res = await fetch(`${inject('baseUrl')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: 'mutation { createPortalSession { url } }' }),
  });
  const { data } = (await res.json()) as { data: { createPortalSession: { url: string } } };
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(data.createPortalSession.url);
  return page;
}
