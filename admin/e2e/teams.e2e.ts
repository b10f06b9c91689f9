import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { customer, gql } from './api';
import { expectAccessible, launchChromium, watchErrors } from './browser';
import { seedTeam } from './seed';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

const base = () => inject('baseUrl');

async function signIn(viewport = { width: 1400, height: 1000 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${base()}/admin/`);
  await page.getByRole('textbox', { name: 'Email' }).fill(inject('staffEmail'));
  await page.getByRole('textbox', { name: 'Password' }).fill(inject('staffPassword'));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('menuitem', { name: 'Teams' }).waitFor();
  return page;
}

async function creditsPage(key: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const { createPortalSession } = await gql<{ createPortalSession: { url: string } }>(`mutation { createPortalSession { url } }`, {}, key);
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(createPortalSession.url);
  await page.getByTestId('balance-credits').waitFor();
  return page;
}

const teamView = (id: string) =>
  gql<{
    team: {
      name: string;
      timeZone: string;
      policy: { requestCapMillicredits: string | null; allowedModels: string[] | null };
      members: any[];
    };
  }>(
    `query($id: ID!) { team(id: $id) { name timeZone policy { requestCapMillicredits allowedModels } members { accountId role monthlyAllocationMillicredits removedAt } } }`,
    { id },
  );

describe('the console Teams page', () => {
  it('creates a team, adds a member, sets an allocation and shows the server refusing a bad policy', async () => {
    const owner = await customer(0n, 'team-owner');
    const member = await customer(0n, 'team-member');
    const page = await signIn();
    const errors = watchErrors(page);

    await page.getByRole('menuitem', { name: 'Teams' }).click();
    await page.getByPlaceholder('Team name or id').waitFor();
    await page.goto(`${base()}/admin/teams/create`);
    const name = `Acme ${Date.now()}`;
    await page.getByRole('textbox', { name: 'Name' }).fill(name);
    await page.getByRole('textbox', { name: 'Time zone' }).fill('Europe/Berlin');
    await page.getByRole('textbox', { name: 'Owner account id' }).fill(owner.id);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('team-balance').waitFor();
    const teamId = new URL(page.url()).pathname.split('/')[3];
    expect((await teamView(teamId)).team).toMatchObject({
      name,
      timeZone: 'Europe/Berlin',
      members: [expect.objectContaining({ accountId: owner.id, role: 'OWNER' })],
    });

    await page.getByRole('tab', { name: 'Members' }).click();
    await page.getByRole('textbox', { name: 'Account id' }).fill('not-an-id');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByText('Enter the member’s account id').waitFor();
    await page.getByRole('textbox', { name: 'Account id' }).fill(member.id);
    await page.getByRole('button', { name: 'Add member' }).click();
    const row = page.getByTestId('team-members').locator('tbody tr').filter({ hasText: member.email });
    await row.waitFor();
    await expect(row.getByText('MEMBER', { exact: true }).count()).resolves.toBe(1);

    await page.getByRole('button', { name: `Set allocation of ${member.email}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Allocation (credits)').fill('12.5x');
    await dialog.getByText('Enter an amount in credits').waitFor();
    await dialog.getByLabel('Allocation (credits)').fill('50');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await row.getByTestId('member-remaining').getByText('50.000').waitFor();
    const allocated = (await teamView(teamId)).team.members.find((m) => m.accountId === member.id);
    expect(allocated.monthlyAllocationMillicredits).toBe('50000');

    await page.getByRole('tab', { name: 'Policy' }).click();
    await page.getByLabel('Per-request cap (credits)').fill('0');
    await page.getByText('A cap must be more than 0').waitFor();
    await expect(page.getByRole('button', { name: 'Save policy' }).isDisabled()).resolves.toBe(true);
    await page.getByLabel('Per-request cap (credits)').fill('5');
    // A model name the server refuses (over 100 characters): its message is shown, nothing is saved.
    await page.getByRole('combobox', { name: 'Allowed models' }).fill('m'.repeat(101));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.getByRole('alert').filter({ hasText: 'allowedModels holds an empty or over-long model name' }).waitFor();
    expect((await teamView(teamId)).team.policy).toEqual({ requestCapMillicredits: null, allowedModels: null });
    await expectAccessible(page, 'team policy with an error');

    // Backspace in the empty field takes the refused name off the list.
    await page.getByRole('combobox', { name: 'Allowed models' }).press('Backspace');
    await page.getByRole('combobox', { name: 'Allowed models' }).fill('gpt-4o-mini');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.getByText('Policy saved').waitFor();
    expect((await teamView(teamId)).team.policy).toEqual({ requestCapMillicredits: '5000', allowedModels: ['gpt-4o-mini'] });

    // The list finds it by name, with its member count.
    await page.goto(`${base()}/admin/teams`);
    await page.getByPlaceholder('Team name or id').fill(name);
    await page.locator('tbody tr').filter({ hasText: name }).getByText('2', { exact: true }).waitFor();
    // The search is debounced: the unfiltered rows go once it has been applied.
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the Credits page team view', () => {
  it('shows an owner the team balance and every member’s remaining allocation, and a member their own', async () => {
    const owner = await customer(1_000_000n, 'credits-owner');
    const member = await customer(0n, 'credits-member');
    const teamId = await seedTeam(owner, [member], 'Lab');
    const { team } = await gql<{
      team: { balance: { availableMillicredits: string }; members: Array<{ accountId: string; remainingThisPeriodMillicredits: string }> };
    }>(`query($id: ID!) { team(id: $id) { balance { availableMillicredits } members { accountId remainingThisPeriodMillicredits } } }`, {
      id: teamId,
    });
    const remaining = team.members.find((m) => m.accountId === member.id)!.remainingThisPeriodMillicredits;
    const credits = (mc: string) =>
      (Number(BigInt(mc)) / 1000).toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 3 });

    const page = await creditsPage(owner.key);
    const errors = watchErrors(page);
    const section = page.getByTestId('team-credits');
    await section.getByTestId('team-members').waitFor();
    await expect(section.getByTestId('team-balance-credits').textContent()).resolves.toBe(credits(team.balance.availableMillicredits));
    await section.getByRole('row').filter({ hasText: member.email }).getByText(credits(remaining)).waitFor();
    await section.getByRole('heading', { name: 'Buy credits for Lab' }).waitFor();
    await expectAccessible(page, 'credits team view (owner)');

    // The owner buys a pack for the team through the same Checkout.
    await section
      .getByRole('button', { name: /^Buy the .* pack for Lab/ })
      .first()
      .click();
    await page.waitForURL((url) => !url.pathname.startsWith('/credits'));
    const { account } = await gql<{ account: { purchases: Array<{ status: string }> } }>(
      `query($id: ID!) { account(id: $id) { purchases { status } } }`,
      { id: teamId },
    );
    expect(account.purchases).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.context().close();

    const memberPage = await creditsPage(member.key, { width: 390, height: 844 });
    const own = memberPage.getByTestId('team-credits');
    await own.getByTestId('own-remaining').waitFor();
    await expect(own.getByTestId('own-remaining').textContent()).resolves.toBe(credits(remaining));
    await expect(own.getByTestId('team-members').count()).resolves.toBe(0);
    await expect(own.getByTestId('team-balance-credits').count()).resolves.toBe(0);
    await expect(memberPage.getByRole('heading', { name: 'Buy credits for Lab' }).count()).resolves.toBe(0);
    await expectAccessible(memberPage, 'credits team view (member, phone)');
    await memberPage.context().close();
  });
});
