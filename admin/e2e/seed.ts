import { inject } from 'vitest';
import { charge, customer, gql } from './api';

/** Buys a pack through the test-mode checkout, as the browser would. */
export async function buyPack(key: string, packId: string) {
  const { createCheckoutSession } = await gql<{ createCheckoutSession: { purchaseId: string } }>(
    `mutation($packId: ID!) { createCheckoutSession(packId: $packId) { purchaseId url testMode } }`,
    { packId },
    key,
  );
  const res = await fetch(`${inject('baseUrl')}/billing/test-checkout/${createCheckoutSession.purchaseId}`, {
    method: 'POST',
    headers: { accept: 'application/json' },
  });
  if (!res.ok) throw new Error(`test checkout answered ${res.status}`);
  return createCheckoutSession.purchaseId;
}

/** Enough data for every page to show something: customers, usage on several models, purchases, a promo code, a run. */
export async function seedTour() {
  const { creditPacks } = await gql<{ creditPacks: Array<{ id: string }> }>(`{ creditPacks { id } }`);
  const main = await customer(0n, 'ada');
  await buyPack(main.key, creditPacks[0].id);
  await buyPack(main.key, creditPacks[1].id);
  for (const [model, input, output] of [
    ['gpt-4o', 8000, 2500],
    ['gpt-4o-mini', 30_000, 9000],
    ['gpt-4.1-mini', 12_000, 4000],
    ['gpt-4o', 2000, 800],
  ] as const)
    await charge(main.key, model, input, output);
  const others = [];
  for (const label of ['grace', 'linus', 'margaret']) {
    const c = await customer(2_000_000n, label);
    await charge(c.key, 'gpt-4o-mini', 20_000, 5000);
    others.push(c);
  }
  const team = await seedTeam(main, others.slice(0, 2));
  // Out of credits: refused (402), for the dashboard's refusals chart.
  const broke = await customer(0n, 'barbara');
  for (let i = 0; i < 3; i++) await charge(broke.key, 'gpt-4o', 1000, 100).catch(() => undefined);
  const code = `WELCOME${Date.now() % 100000}`;
  await gql(`mutation($input: CreatePromoCodeInput!) { createPromoCode(input: $input) { id } }`, {
    input: { code, creditsMillicredits: '5000000', maxRedemptions: 100, grantValidDays: 90 },
  });
  await gql(`mutation($code: String!) { redeemPromoCode(code: $code) { id } }`, { code }, main.key);
  await gql(`mutation { runReconciliation(wait: true) { id status } }`);
  return { main, team };
}

/** A team owned by `owner`, funded, whose `members` spend from it within an allocation. */
export async function seedTeam(owner: { key: string }, members: Array<{ id: string; key: string }>, name = 'Research') {
  const { createTeam } = await gql<{ createTeam: { id: string } }>(
    `mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }`,
    { input: { name, timeZone: 'Europe/Berlin' } },
    owner.key,
  );
  const teamId = createTeam.id;
  await gql(`mutation($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`, {
    input: { accountId: teamId, amountMillicredits: '20000000', reason: 'e2e team funds' },
  });
  for (const [i, m] of members.entries()) {
    await gql(`mutation($t: ID!, $a: ID!) { addTeamMember(teamId: $t, accountId: $a) { role } }`, { t: teamId, a: m.id }, owner.key);
    // Joining needs the member's consent: the owner's call only invites.
    await gql(`mutation($t: ID!) { acceptTeamInvitation(teamId: $t) { status } }`, { t: teamId }, m.key);
    await gql(
      `mutation($input: SetMemberAllocationInput!) { setMemberAllocation(input: $input) { accountId } }`,
      { input: { teamId, accountId: m.id, monthlyAllocationMillicredits: '2000000' } },
      owner.key,
    );
    for (const [model, input, output] of [
      ['gpt-4o-mini', 40_000 * (i + 1), 9000],
      ['gpt-4o', 6000, 1500 * (i + 1)],
    ] as const)
      await gql(
        `mutation($input: RecordUsageInput!) { recordUsage(input: $input) { chargedMillicredits } }`,
        { input: { model, inputTokens: input, outputTokens: output, teamId, idempotencyKey: `e2e-team-${Date.now()}-${Math.random()}` } },
        m.key,
      );
  }
  return teamId;
}
