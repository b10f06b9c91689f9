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
  for (const label of ['grace', 'linus', 'margaret']) {
    const c = await customer(2_000_000n, label);
    await charge(c.key, 'gpt-4o-mini', 20_000, 5000);
  }
  // Out of credits: refused (402), for the dashboard's refusals chart.
  const broke = await customer(0n, 'barbara');
  for (let i = 0; i < 3; i++) await charge(broke.key, 'gpt-4o', 1000, 100).catch(() => undefined);
  const code = `WELCOME${Date.now() % 100000}`;
  await gql(`mutation($input: CreatePromoCodeInput!) { createPromoCode(input: $input) { id } }`, {
    input: { code, creditsMillicredits: '5000000', maxRedemptions: 100, grantValidDays: 90 },
  });
  await gql(`mutation($code: String!) { redeemPromoCode(code: $code) { id } }`, { code }, main.key);
  await gql(`mutation { runReconciliation(wait: true) { id status } }`);
  return { main };
}
