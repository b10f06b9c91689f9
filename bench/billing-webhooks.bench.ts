import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { createApp } from '../server/src/app.js';
import { PurchaseEntity } from '../server/src/billing/purchases.repository.js';
import { loadConfig } from '../server/src/config.js';
import { createLogger } from '../server/src/logger.js';
import { benchDatabase, percentile } from './bench-support.js';

const SECRET = 'whsec_bench';
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const SEQUENTIAL = Number(process.env.BENCH_WEBHOOKS ?? 300);
const STORM = Number(process.env.BENCH_STORM ?? 100);

/**
 * Signed `checkout.session.completed` deliveries through POST /webhooks/stripe: verification,
 * inbox insert, fulfilment (ledger PURCHASE + purchase row) and the duplicate path.
 */
export async function run(): Promise<void> {
  const db = await benchDatabase(CLIENTS + 8);
  // A key so the real (Stripe) path runs; sessions carry no payment intent, so Stripe is never called.
  const config = loadConfig(
    {},
    {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      LOG_LEVEL: 'silent',
      STRIPE_SECRET_KEY: 'sk_bench',
      STRIPE_WEBHOOK_SECRET: SECRET,
      STRIPE_API_BASE: 'http://127.0.0.1:9',
    },
  );
  const app = await createApp({ config, orm: db.orm, log: createLogger('silent') });
  const port = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/webhooks/stripe`;
  const { services } = app;

  const account = await services.accounts.create(null, { email: `${randomUUID()}@bench.test` });
  const accounts = await Promise.all(
    Array.from({ length: CLIENTS }, () => services.accounts.create(null, { email: `${randomUUID()}@bench.test` })),
  );
  const purchaseFor = async (accountId: string) =>
    db.orm.em.fork().getRepository(PurchaseEntity).add({
      accountId,
      kind: 'CHECKOUT',
      packId: 'starter',
      amountCents: 999n,
      credits: 10_000_000n,
      returnTo: null,
      stripeCustomerId: null,
    });
  const body = (purchaseId: string) =>
    JSON.stringify({
      id: `evt_${randomUUID()}`,
      object: 'event',
      type: 'checkout.session.completed',
      livemode: false,
      data: {
        object: {
          id: `cs_${purchaseId}`,
          object: 'checkout.session',
          payment_status: 'paid',
          amount_subtotal: 999,
          amount_total: 999,
          total_details: { amount_discount: 0 },
          currency: 'usd',
          client_reference_id: purchaseId,
          metadata: { purchase_id: purchaseId },
          payment_intent: null,
          customer: null,
        },
      },
    });
  const send = async (payload: string) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }),
      },
      body: payload,
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
  };

  // Signature verification alone.
  const sample = body(randomUUID());
  const header = Stripe.webhooks.generateTestHeaderString({ payload: sample, secret: SECRET });
  let t0 = performance.now();
  for (let i = 0; i < 2000; i++) Stripe.webhooks.constructEvent(sample, header, SECRET);
  console.log(`signature verification: ${(((performance.now() - t0) / 2000) * 1000).toFixed(1)} us per event`);

  // One at a time: latency of a first delivery (fulfils) and of a repeat (answered from the inbox).
  const first: number[] = [];
  const repeat: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const payload = body((await purchaseFor(account.id)).id);
    t0 = performance.now();
    await send(payload);
    first.push(performance.now() - t0);
    t0 = performance.now();
    await send(payload);
    repeat.push(performance.now() - t0);
  }
  first.sort((a, b) => a - b);
  repeat.sort((a, b) => a - b);
  console.log(
    `fulfilling delivery (sequential, ${SEQUENTIAL}): p50 ${percentile(first, 50).toFixed(1)} ms, p99 ${percentile(first, 99).toFixed(1)} ms`,
  );
  console.log(
    `repeated delivery (sequential, ${SEQUENTIAL}): p50 ${percentile(repeat, 50).toFixed(1)} ms, p99 ${percentile(repeat, 99).toFixed(1)} ms`,
  );

  // Throughput: CLIENTS concurrent senders, distinct accounts and purchases.
  const payloads = await Promise.all(
    accounts.map(async (a) => Promise.all(Array.from({ length: 50 }, async () => body((await purchaseFor(a.id)).id)))),
  );
  t0 = performance.now();
  await Promise.all(
    payloads.map(async (list) => {
      for (const p of list) await send(p);
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  console.log(`fulfilment throughput (${CLIENTS} concurrent senders): ${((CLIENTS * 50) / seconds).toFixed(0)} events/s`);

  // Duplicate storm: each event delivered 6 times at once.
  const storm = await Promise.all(Array.from({ length: STORM }, async () => body((await purchaseFor(account.id)).id)));
  t0 = performance.now();
  await Promise.all(storm.map((p) => Promise.all(Array.from({ length: 6 }, () => send(p)))));
  const stormSeconds = (performance.now() - t0) / 1000;
  const [{ n }] = await db.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from ledger_transactions where type = 'PURCHASE'`);
  console.log(
    `duplicate storm: ${STORM} events x 6 concurrent deliveries in ${stormSeconds.toFixed(2)} s; PURCHASE entries in total ${n} (expected ${SEQUENTIAL + CLIENTS * 50 + STORM})`,
  );

  await app.close();
  await db.close();
}
