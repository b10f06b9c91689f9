import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { createApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config.js';
import { createLogger } from '../server/src/logger.js';
import { emitEvent } from '../server/src/notify/outbox.js';
import { benchDatabase, percentile } from './bench-support.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 200);
const RATES = [
  { model: 'bench-model', inputPer1k: '0.100', outputPer1k: '0.400', costInputPer1kUsd: '0.00005', costOutputPer1kUsd: '0.0002' },
];

/**
 * The outbox's two costs: (1) on the charge path, where the low-balance trigger's WHEN clause is
 * evaluated on every balance update (no crossing: nothing else runs), measured against the same
 * database with the trigger disabled, in alternating rounds; (2) delivery latency, commit of an
 * event to its receipt by a local receiver, one event at a time.
 */
export async function run(): Promise<void> {
  const db = await benchDatabase(CLIENTS + 8);
  const config = loadConfig({}, { NODE_ENV: 'test', DATABASE_URL: db.url, LOG_LEVEL: 'silent' });
  const app = await createApp({ config, orm: db.orm, log: createLogger('silent') });
  const { services } = app;
  await services.rateCards.publish(null, { name: 'bench', rates: RATES });
  const accounts = await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const a = await services.accounts.create(null, { email: `${randomUUID()}@bench.test` });
      await services.ledger.post({ accountId: a.id, type: 'BONUS', delta: 10n ** 12n, counterparty: 'promotions' });
      return a.id;
    }),
  );

  const charges = async () => {
    const latencies: number[] = [];
    const deadline = performance.now() + SECONDS * 1000;
    const started = performance.now();
    await Promise.all(
      accounts.map(async (id) => {
        for (let i = 0; performance.now() < deadline; i++) {
          const t0 = performance.now();
          await services.usage.record(null, id, {
            model: 'bench-model',
            inputTokens: 1000,
            outputTokens: 100,
            idempotencyKey: `${randomUUID()}`,
          });
          latencies.push(performance.now() - t0);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    return {
      perSecond: latencies.length / ((performance.now() - started) / 1000),
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    };
  };
  const sql = (text: string) => db.orm.em.fork().execute(text);
  const withTrigger: number[] = [];
  const without: number[] = [];
  await charges(); // warm-up
  for (let round = 0; round < 2; round++) {
    withTrigger.push((await charges()).perSecond);
    await sql(`alter table accounts disable trigger accounts_low_balance`);
    without.push((await charges()).perSecond);
    await sql(`alter table accounts enable trigger accounts_low_balance`);
  }
  const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  console.log(`charges, ${CLIENTS} clients on distinct accounts, ${SECONDS}s rounds (no threshold crossed):`);
  console.log(
    `  with the low-balance trigger:    ${withTrigger.map((x) => x.toFixed(0)).join(', ')} charges/s (mean ${avg(withTrigger).toFixed(0)})`,
  );
  console.log(
    `  without it (trigger disabled):    ${without.map((x) => x.toFixed(0)).join(', ')} charges/s (mean ${avg(without).toFixed(0)})`,
  );
  // The statement alone, without the app and the machine's noise: one backend, 20,000 balance
  // updates of one account in a loop, with and without the trigger (alternating, best of 3).
  const loop = async () => {
    const t0 = performance.now();
    await sql(`do $$ begin for i in 1..20000 loop update accounts set posted = posted - 1 where id = '${accounts[0]}'; end loop; end $$`);
    return performance.now() - t0;
  };
  const timed = async (enabled: boolean) => {
    await sql(`alter table accounts ${enabled ? 'enable' : 'disable'} trigger accounts_low_balance`);
    const ms = [];
    for (let i = 0; i < 3; i++) ms.push(await loop());
    await sql(`alter table accounts enable trigger accounts_low_balance`);
    return Math.min(...ms);
  };
  const on = await timed(true);
  const off = await timed(false);
  console.log(
    `  20,000 balance UPDATEs in one backend: ${((on * 1000) / 20000).toFixed(2)} µs each with the trigger, ${((off * 1000) / 20000).toFixed(2)} µs without`,
  );
  const [{ n }] = await db.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from outbox_events`);
  console.log(`  outbox rows written by all those charges: ${n}`);

  // Delivery latency: commit -> receipt, against a receiver on loopback.
  const receipts = new Map<string, number>();
  let onReceipt: (() => void) | null = null;
  const sink = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      receipts.set(JSON.parse(Buffer.concat(chunks).toString()).id, performance.now());
      res.end('ok');
      onReceipt?.();
    });
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/hook`;
  const owner = accounts[0];
  const admin = { keyId: randomUUID(), accountId: owner, role: 'ADMIN' as const };
  await services.notify.endpoints.create(admin, { accountId: owner, url, events: ['*'] });
  const latencies: number[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const received = new Promise<void>((resolve) => (onReceipt = resolve));
    let committedAt = 0;
    const id = await services.orm.em
      .fork()
      .transactional((tem) => emitEvent(tem, { type: 'purchase.fulfilled', accountId: owner, data: { i } }))
      .then((eventId) => {
        committedAt = performance.now();
        return eventId;
      });
    await received;
    while (!receipts.has(id)) await new Promise<void>((resolve) => (onReceipt = resolve));
    latencies.push(receipts.get(id)! - committedAt);
  }
  latencies.sort((a, b) => a - b);
  console.log(
    `delivery, commit to receipt (${EVENTS} events one at a time, woken by NOTIFY at commit): p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms`,
  );

  sink.close();
  await app.close();
  await db.close();
}
