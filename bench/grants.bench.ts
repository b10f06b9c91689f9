import { randomUUID } from 'node:crypto';
import { createApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config.js';
import { PostingHooks } from '../server/src/ledger/ledger.hooks.js';
import { createLogger } from '../server/src/logger.js';
import { UsageService } from '../server/src/usage/usage.service.js';
import { benchDatabase, percentile } from './bench-support.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const RATES = [{ model: 'bench-model', inputPer1k: '0.100', outputPer1k: '0.400', costInputPer1kUsd: '0.00005', costOutputPer1kUsd: '0.0002' }];

/**
 * What grants cost a charge: the same metered charge without posting hooks (one autocommitted
 * statement), and with the grant burn-down hook (charge statement + burn statement in one
 * transaction), on distinct accounts and on one hot account holding 1 or 50 active grants.
 */
export async function run(): Promise<void> {
  const db = await benchDatabase(CLIENTS + 8);
  const config = loadConfig({}, { NODE_ENV: 'test', DATABASE_URL: db.url, LOG_LEVEL: 'silent' });
  const app = await createApp({ config, orm: db.orm, log: createLogger('silent') });
  const { services } = app;
  await services.rateCards.publish(null, { name: 'bench', rates: RATES });
  const withoutHooks = new UsageService(db.orm.em, services.rateCards, services.events, new PostingHooks(), services.teams);

  const fund = async (grants: number) => {
    const account = await services.accounts.create(null, { email: `${randomUUID()}@bench.test` });
    for (let g = 0; g < grants; g++) {
      await services.ledger.post({ accountId: account.id, type: g % 2 ? 'PURCHASE' : 'PROMO', delta: 10n ** 12n / BigInt(grants), counterparty: g % 2 ? 'sales' : 'promotions' });
    }
    return account.id;
  };

  const load = async (usage: UsageService, pick: (c: number) => string) => {
    const latencies: number[] = [];
    const deadline = performance.now() + SECONDS * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        while (performance.now() < deadline) {
          const t0 = performance.now();
          await usage.record(null, pick(c), { model: 'bench-model', inputTokens: 1000, outputTokens: 100, idempotencyKey: randomUUID() });
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return `${(latencies.length / elapsed).toFixed(0).padStart(6)} charges/s  p50 ${percentile(latencies, 50).toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms`;
  };

  console.log(`${CLIENTS} concurrent clients, ${SECONDS}s per line, PostgreSQL ${process.env.DATABASE_URL ? 'from DATABASE_URL' : 'embedded'}`);
  const distinctA = await Promise.all(Array.from({ length: CLIENTS }, () => fund(1)));
  const distinctB = await Promise.all(Array.from({ length: CLIENTS }, () => fund(1)));
  const hotA = await fund(1);
  const hotB = await fund(1);
  const hot50 = await fund(50);
  console.log(`distinct accounts, no hooks:        ${await load(withoutHooks, (c) => distinctA[c])}`);
  console.log(`distinct accounts, grants:          ${await load(services.usage, (c) => distinctB[c])}`);
  console.log(`one account, no hooks:              ${await load(withoutHooks, () => hotA)}`);
  console.log(`one account, grants (1 grant):      ${await load(services.usage, () => hotB)}`);
  console.log(`one account, grants (50 grants):    ${await load(services.usage, () => hot50)}`);

  const [check] = await db.orm.em.fork().execute<{ drift: string }[]>(
    `select count(*) as drift from accounts a where kind = 'CUSTOMER' and a.id = any(?::uuid[])
        and greatest(a.posted, 0) <> (select coalesce(sum(remaining), 0) from grants where account_id = a.id)`,
    [`{${[...distinctB, hotB, hot50].join(',')}}`],
  );
  console.log(`after the run: accounts (with the hook) whose grant remainders differ from their balance: ${check.drift}`);
  await app.close();
  await db.close();
}
