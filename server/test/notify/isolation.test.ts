import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitEvent } from '../../src/notify/outbox.js';
import { eventually } from '../support/eventually.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { SlowSink, WebhookSink } from './sinks.js';

const DEADLINE_MS = 1500;
const GLOBAL = 4;
const PER_ENDPOINT = 2;

const Create = `mutation Create($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }`;

const config = { WEBHOOK_DEADLINE_MS: DEADLINE_MS, WEBHOOK_CONCURRENCY: GLOBAL, WEBHOOK_ENDPOINT_CONCURRENCY: PER_ENDPOINT };
let t: TestApp;
let sink: WebhookSink;
let slow: SlowSink;

beforeAll(async () => {
  sink = await new WebhookSink().start();
  slow = await new SlowSink(1000).start(); // a byte a second: an idle timeout never fires
  // The app's own worker, as deployed: woken by the outbox NOTIFY, real HTTP to loopback receivers.
  t = await startTestApp(config);
});
afterAll(async () => {
  await t?.close();
  await slow?.stop();
  await sink?.stop();
});

/** Resolves as `signal` does, or fails after `ms`: a bounded wait on a signal, never a sleep. */
function within<T>(signal: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_r, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms);
  });
  return Promise.race([signal, timeout]).finally(() => clearTimeout(timer));
}

async function endpoint(key: string, url: string, events = ['*']) {
  const res = await t.gql(Create, { input: { url, events } }, key);
  expect(res.errors).toBeUndefined();
  return res.data.createWebhookEndpoint.endpoint.id as string;
}

const emit = (accountId: string, n: number) =>
  t.services.orm.em.fork().transactional(async (tem) => {
    for (let i = 0; i < n; i++) await emitEvent(tem, { type: 'purchase.fulfilled', accountId, data: { purchaseId: `p${i}` } });
  });

const attemptsOf = (endpointId: string) =>
  t.db.query<{
    status: string;
    attempts: number;
    error: string | null;
    status_code: number | null;
    duration_ms: number;
    excerpt: string | null;
  }>(
    `select d.status, d.attempts, a.error, a.status_code, a.duration_ms, a.response_excerpt as excerpt
       from notification_deliveries d join notification_attempts a on a.delivery_id = d.id
      where d.endpoint_id = $1 order by a.id`,
    [endpointId],
  );

describe('webhook isolation: one slow endpoint does not hold back the others', () => {
  it("a drip endpoint (200, then a byte a second, forever) delays another account's balance.low by under a second", async () => {
    const dripper = await t.account();
    const other = await t.account(2_000_000n);
    const drip = await endpoint(dripper.key, `${slow.url}/drip/a`);
    await endpoint(other.key, sink.url, ['balance.low']);

    // Five events for the dripping endpoint: it is held to its two places, each call dripping.
    const calls = slow.calls.length;
    await emit(dripper.id, 5);
    await within(slow.next(calls + PER_ENDPOINT), 5000, 'the drip endpoint was called');

    // While both are dripping, the other account crosses its threshold.
    const seen = sink.received.length;
    const started = performance.now();
    const res = await t.gql(`mutation { setLowBalanceThreshold(thresholdMillicredits: "3000000") { alerted } }`, {}, other.key);
    expect(res.errors).toBeUndefined();
    await within(sink.next(seen + 1), 5000, "the other account's balance.low");
    const delay = sink.received[seen].receivedAt - started;
    expect(sink.received[seen].body).toMatchObject({ type: 'balance.low', data: { accountId: other.id } });
    expect(delay).toBeLessThan(1000);
    expect(slow.calls.slice(calls).filter((c) => c.closedAt === null)).toHaveLength(PER_ENDPOINT); // the drips still run

    // The drips are cut at the deadline and recorded as failed attempts, to be retried.
    const failed = await eventually(async () => {
      const rows = await attemptsOf(drip);
      return rows.length >= PER_ENDPOINT ? rows : null;
    });
    for (const row of failed.slice(0, PER_ENDPOINT)) {
      expect(row).toMatchObject({ status: 'PENDING', attempts: 1, status_code: 200 });
      expect(row.error).toBe(`deadline: no complete answer within ${DEADLINE_MS} ms`);
      expect(row.duration_ms).toBeGreaterThanOrEqual(DEADLINE_MS - 100);
      expect(row.duration_ms).toBeLessThan(DEADLINE_MS + 1000);
    }
    const [first] = slow.calls.slice(calls);
    await eventually(async () => first.closedAt !== null);
    expect(first.closedAt! - first.arrivedAt).toBeLessThan(DEADLINE_MS + 1000);
    expect(slow.maxOpen.get('/drip/a')).toBe(PER_ENDPOINT);
  });

  it('reads an endless answer only up to the cap, then closes it and records the delivery', async () => {
    const user = await t.account();
    const flood = await endpoint(user.key, `${slow.url}/flood/a`);
    const calls = slow.calls.length;
    await emit(user.id, 1);
    await within(slow.next(calls + 1), 5000, 'the flood endpoint was called');
    const [row] = await eventually(async () => {
      const rows = await attemptsOf(flood);
      return rows.length ? rows : null;
    });
    expect(row).toMatchObject({ status: 'DELIVERED', status_code: 200, error: null });
    expect(row.excerpt).toHaveLength(1024);
    expect(row.duration_ms).toBeLessThan(DEADLINE_MS);
    const call = slow.calls[calls];
    await eventually(async () => call.closedAt !== null);
    expect(call.closedAt! - call.arrivedAt).toBeLessThan(DEADLINE_MS);
  });

  it(`holds each endpoint to ${PER_ENDPOINT} calls in flight and the worker to ${GLOBAL}`, async () => {
    const accounts = await Promise.all([t.account(), t.account(), t.account()]);
    for (const [i, a] of accounts.entries()) await endpoint(a.key, `${slow.url}/drip/bound-${i}`);
    slow.resetMaxima();
    const calls = slow.calls.length;
    for (const a of accounts) await emit(a.id, 3);
    // Nine deliveries want six places: the worker fills its four, then the next as places free.
    await within(slow.next(calls + GLOBAL + 2), 3 * DEADLINE_MS + 5000, 'calls to the slow endpoints');
    expect(slow.maxOpenTotal).toBe(GLOBAL);
    for (const i of [0, 1, 2]) expect(slow.maxOpen.get(`/drip/bound-${i}`) ?? 0).toBeLessThanOrEqual(PER_ENDPOINT);
  });

  it('keeps the per-endpoint bound with two instances delivering from one database', async () => {
    const second = await startTestApp(config, t.db);
    try {
      const user = await t.account();
      const path = '/drip/two-instances';
      await endpoint(user.key, `${slow.url}${path}`);
      await emit(user.id, 6); // both workers hear the NOTIFY and claim at once
      // Six deliveries, two places: the next two calls come only as the first two are cut at the deadline.
      const calls = () => slow.calls.filter((c) => c.path === path);
      await eventually(async () => calls().length >= 4, { timeoutMs: 3 * DEADLINE_MS + 5000, what: 'four calls' });
      expect(slow.maxOpen.get(path)).toBe(PER_ENDPOINT);
      const [a, b, c] = calls();
      expect(c.arrivedAt).toBeGreaterThanOrEqual(Math.min(a.closedAt!, b.closedAt!));
    } finally {
      await second.close();
    }
  });
});
