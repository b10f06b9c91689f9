import { randomUUID } from 'node:crypto';
import { createApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config.js';
import { createLogger } from '../server/src/logger.js';
import { benchDatabase, percentile } from './bench-support.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const RATES = [
  { model: 'bench-model', inputPer1k: '0.100', outputPer1k: '0.400', costInputPer1kUsd: '0.00005', costOutputPer1kUsd: '0.0002' },
];

interface Result {
  charges: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** Runs `clients` loops for `seconds`, each sending one charge at a time. */
async function load(charge: (client: number, i: number) => Promise<void>, clients: number, seconds: number): Promise<Result> {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const t0 = performance.now();
        await charge(client, i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    charges: latencies.length,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

const fmt = (r: Result) =>
  `${r.perSecond.toFixed(0).padStart(6)} charges/s  (${r.charges} in ${SECONDS}s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms)`;

export async function run(): Promise<void> {
  const db = await benchDatabase(CLIENTS + 8);
  const config = loadConfig({}, { NODE_ENV: 'test', DATABASE_URL: db.url, LOG_LEVEL: 'silent' });
  const app = await createApp({ config, orm: db.orm, log: createLogger('silent') });
  const port = await app.listen(0, '127.0.0.1');
  const { services } = app;
  await services.rateCards.publish(null, { name: 'bench', rates: RATES });

  const fund = async () => {
    const account = await services.accounts.create(null, { email: `${randomUUID()}@bench.test` });
    await services.ledger.post({ accountId: account.id, type: 'BONUS', delta: 10n ** 12n, counterparty: 'promotions' });
    const key = await services.auth.createKey(null, account.id, 'USER');
    return { id: account.id, key: key.key };
  };
  const distinct = await Promise.all(Array.from({ length: CLIENTS }, fund));
  const hot = await fund();

  const viaService = (pick: (c: number) => { id: string }) => (c: number, i: number) =>
    services.usage
      .record(null, pick(c).id, { model: 'bench-model', inputTokens: 1000, outputTokens: 100, idempotencyKey: `${randomUUID()}-${i}` })
      .then(() => undefined);
  const viaGraphql = (pick: (c: number) => { key: string }) => async (c: number, i: number) => {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${pick(c).key}` },
      body: JSON.stringify({
        query: `mutation($k: String!) { recordUsage(input: { model: "bench-model", inputTokens: 1000, outputTokens: 100, idempotencyKey: $k }) { chargedMillicredits } }`,
        variables: { k: `${randomUUID()}-${i}` },
      }),
    });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };

  console.log(`${CLIENTS} concurrent clients, ${SECONDS}s each, PostgreSQL ${process.env.DATABASE_URL ? 'from DATABASE_URL' : 'embedded'}`);
  const sDistinct = await load(
    viaService((c) => distinct[c]),
    CLIENTS,
    SECONDS,
  );
  const sHot = await load(
    viaService(() => hot),
    CLIENTS,
    SECONDS,
  );
  const gDistinct = await load(
    viaGraphql((c) => distinct[c]),
    CLIENTS,
    SECONDS,
  );
  const gHot = await load(
    viaGraphql(() => hot),
    CLIENTS,
    SECONDS,
  );
  console.log(`service, distinct accounts: ${fmt(sDistinct)}`);
  console.log(`service, one account:       ${fmt(sHot)}`);
  console.log(`GraphQL, distinct accounts: ${fmt(gDistinct)}`);
  console.log(`GraphQL, one account:       ${fmt(gHot)}`);
  console.log(
    `one account / distinct: service ${(sHot.perSecond / sDistinct.perSecond).toFixed(2)}x, GraphQL ${(gHot.perSecond / gDistinct.perSecond).toFixed(2)}x`,
  );

  // The books must still balance after the load.
  const [check] = await db.orm.em.fork().execute<{ total: string; drift: string }[]>(
    `select (select coalesce(sum(amount), 0) from ledger_postings) as total,
            (select count(*) from accounts a where kind = 'CUSTOMER' and posted <> (select coalesce(sum(amount), 0) from ledger_postings where account_id = a.id)) as drift`,
  );
  console.log(`after the run: all postings sum to ${check.total}; accounts whose cached balance drifts: ${check.drift}`);
  await app.close();
  await db.close();
}
