import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Services } from './services.js';

export const DEMO_EMAIL = 'demo@creditmeter.local';
export const OPERATOR_EMAIL = 'operator@creditmeter.local';
export const STAFF_EMAIL = 'admin@creditmeter.local';
const DEMO_BONUS_MILLICREDITS = 10_000_000n; // 10,000 credits = $10

/** Demo prices: provider cost x2, in credits per 1k tokens (1 credit = $0.001). */
export const DEMO_RATES = [
  {
    model: 'gpt-4o-mini',
    inputPer1k: '0.300',
    cachedInputPer1k: '0.150',
    outputPer1k: '1.200',
    costInputPer1kUsd: '0.000150',
    costCachedInputPer1kUsd: '0.000075',
    costOutputPer1kUsd: '0.000600',
    maxOutputTokens: 16384,
  },
  {
    model: 'gpt-4o',
    inputPer1k: '5.000',
    cachedInputPer1k: '2.500',
    outputPer1k: '20.000',
    costInputPer1kUsd: '0.002500',
    costCachedInputPer1kUsd: '0.001250',
    costOutputPer1kUsd: '0.010000',
    maxOutputTokens: 16384,
  },
  {
    model: 'gpt-4.1-mini',
    inputPer1k: '0.800',
    cachedInputPer1k: '0.200',
    outputPer1k: '3.200',
    costInputPer1kUsd: '0.000400',
    costCachedInputPer1kUsd: '0.000100',
    costOutputPer1kUsd: '0.001600',
    maxOutputTokens: 32768,
  },
  // Anthropic's Messages API (POST /v1/messages); the simulator answers in its shape without ANTHROPIC_API_KEY.
  {
    model: 'claude-sonnet-4-5',
    provider: 'anthropic',
    inputPer1k: '6.000',
    cachedInputPer1k: '0.600',
    cacheWriteInputPer1k: '7.500',
    cacheWrite1hInputPer1k: '12.000',
    outputPer1k: '30.000',
    costInputPer1kUsd: '0.003000',
    costCachedInputPer1kUsd: '0.000300',
    costCacheWriteInputPer1kUsd: '0.003750',
    costCacheWrite1hInputPer1kUsd: '0.006000',
    costOutputPer1kUsd: '0.015000',
    // Prompts above 200k tokens are priced at Anthropic's long-context rates, for the whole call.
    longContextThresholdTokens: 200000,
    longContext: {
      inputPer1k: '12.000',
      cachedInputPer1k: '1.200',
      cacheWriteInputPer1k: '15.000',
      cacheWrite1hInputPer1k: '24.000',
      outputPer1k: '45.000',
      costInputPer1kUsd: '0.006000',
      costCachedInputPer1kUsd: '0.000600',
      costCacheWriteInputPer1kUsd: '0.007500',
      costCacheWrite1hInputPer1kUsd: '0.012000',
      costOutputPer1kUsd: '0.022500',
    },
    maxOutputTokens: 64000,
  },
  // Embeddings (POST /v1/embeddings): input tokens only, so no output rate.
  {
    model: 'text-embedding-3-small',
    inputPer1k: '0.040',
    cachedInputPer1k: '0.040',
    outputPer1k: '0.000',
    costInputPer1kUsd: '0.000020',
    costCachedInputPer1kUsd: '0.000020',
    costOutputPer1kUsd: '0.000000',
    maxOutputTokens: null,
  },
  // Always answered by the built-in simulator (no provider cost), so the full proxy flow can be tried.
  {
    model: 'creditmeter-sim',
    inputPer1k: '0.300',
    cachedInputPer1k: '0.150',
    outputPer1k: '1.200',
    costInputPer1kUsd: '0.000000',
    costCachedInputPer1kUsd: '0.000000',
    costOutputPer1kUsd: '0.000000',
    maxOutputTokens: 4096,
  },
];

/**
 * First start only: a demo rate card, a demo account with bonus credits and its key (printed
 * once: only the hash is kept), and an operator ADMIN key when BOOTSTRAP_ADMIN_KEY is not set.
 * `history` (the embedded demo's 30 days) runs before the account's balance is printed.
 * True when it created the demo account (the first start), false when it was there already.
 */
export async function seedDemo(services: Services, log: Logger, history?: () => Promise<void>): Promise<boolean> {
  if ((await services.rateCards.cards()).length === 0) {
    await services.rateCards.publish(null, { name: 'Demo rate card', rates: DEMO_RATES });
    log.info('seeded the demo rate card');
  }
  if (await services.accounts.findByEmail(DEMO_EMAIL)) return false;

  const demo = await services.accounts.create(null, { email: DEMO_EMAIL, name: 'Demo account' });
  await services.ledger.post({
    accountId: demo.id,
    type: 'BONUS',
    delta: DEMO_BONUS_MILLICREDITS,
    counterparty: 'promotions',
    idempotencyKey: 'seed:demo-bonus',
    reason: 'Demo credits',
  });
  const userKey = await services.auth.createKey(null, demo.id, 'USER');
  // The balance printed is the one the account has when the server opens, history included.
  if (history) await history();
  const balance = await services.ledger.balance(demo.id);
  const lines = [
    `  demo account ${demo.id}: balanceMillicredits ${balance.posted} (${history ? 'after 30 days of demo history' : 'demo bonus + intro bonus'})`,
    `  demo USER key:     ${userKey.key}`,
  ];
  if (!services.config.BOOTSTRAP_ADMIN_KEY) {
    const operator =
      (await services.accounts.findByEmail(OPERATOR_EMAIL)) ??
      (await services.accounts.create(null, { email: OPERATOR_EMAIL, name: 'Operator' }));
    const adminKey = await services.auth.createKey(null, operator.id, 'ADMIN');
    lines.push(`  operator ADMIN key: ${adminKey.key}`);
  }
  if (!services.config.BOOTSTRAP_ADMIN_PASSWORD && (await services.staff.list({ limit: 1, offset: 0 })).items.length === 0) {
    const password = randomBytes(12).toString('base64url');
    await services.staff.ensureBootstrapAdmin(STAFF_EMAIL, password);
    lines.push(`  console sign-in:   ${STAFF_EMAIL} / ${password}  (${services.config.PUBLIC_APP_URL.replace(/\/+$/, '')}/admin)`);
  }
  // Printed once, on purpose outside the structured log: these keys are never stored in clear.
  process.stdout.write(`\n  creditmeter demo data (keys shown once; keep them):\n${lines.join('\n')}\n\n`);
  return true;
}

/**
 * Development: a fresh single-use link to the demo account's Credits page, printed at every start.
 * The server mints it itself, so no audit row says the demo customer opened a session.
 */
export async function printDemoPortalLink(services: Services): Promise<void> {
  if (services.config.isProduction) return;
  const demo = await services.accounts.findByEmail(DEMO_EMAIL);
  if (!demo) return;
  const link = await services.portal.developmentLink(demo.id);
  process.stdout.write(`  Credits page of the demo account (single use, valid until ${link.expiresAt.toISOString()}):\n  ${link.url}\n\n`);
}
