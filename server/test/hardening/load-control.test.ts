import { APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdmissionGate, Overloaded } from '../../src/http/admission.js';
import { counters, counterValue, httpRequestDuration } from '../../src/metrics/metrics.js';
import { completionJson, replyJson, startFakeOpenAi, type FakeOpenAi } from '../proxy/fake-openai.js';
import { openaiClient, rawChat } from '../proxy/support.js';
import { startTestApp, type TestApp } from '../support/harness.js';

const messages = [{ role: 'user' as const, content: 'hi' }];
const timed503s = async () =>
  (await httpRequestDuration.get()).values
    .filter((v) => v.metricName === 'http_request_duration_seconds_count' && v.labels.status_code === '503')
    .reduce((n, v) => n + v.value, 0);

describe('AdmissionGate', () => {
  it('admits up to maxInFlight, queues up to maxQueue in order, refuses the rest, and times a waiter out', async () => {
    const gate = new AdmissionGate('unit', { maxInFlight: 2, maxQueue: 1, queueTimeoutMs: 60_000 });
    const a = await gate.acquire();
    const b = await gate.acquire();
    let queuedGranted = false;
    const queued = gate.acquire().then((release) => {
      queuedGranted = true;
      return release;
    });
    expect(gate.stats).toEqual({ inFlight: 2, queued: 1 });
    await expect(gate.acquire()).rejects.toMatchObject({ reason: 'queue_full', retryAfterSeconds: 60 });
    expect(queuedGranted).toBe(false);
    a();
    a(); // a second release of the same slot changes nothing
    const c = await queued;
    expect(gate.stats).toEqual({ inFlight: 2, queued: 0 });
    b();
    c();
    expect(gate.stats).toEqual({ inFlight: 0, queued: 0 });

    const short = new AdmissionGate('unit-short', { maxInFlight: 1, maxQueue: 5, queueTimeoutMs: 20 });
    const held = await short.acquire();
    const err = await short.acquire().catch((e) => e);
    expect(err).toBeInstanceOf(Overloaded);
    expect(err.reason).toBe('queue_timeout');
    expect(short.stats).toEqual({ inFlight: 1, queued: 0 });
    held();
    expect(short.stats).toEqual({ inFlight: 0, queued: 0 });
  });
});

describe('adaptive AdmissionGate', () => {
  it('refuses at once a waiter that the measured completion rate could not serve within the queue timeout', async () => {
    let now = 0;
    const gate = new AdmissionGate('unit-rate', { maxInFlight: 1, maxQueue: 100, queueTimeoutMs: 1000, adaptive: true }, () => now);
    // Four calls complete in one second: 4 per second.
    for (let i = 0; i < 4; i++) {
      (await gate.acquire())();
      now += 250;
    }
    (await gate.acquire())(); // rolls the measurement window
    const held = await gate.acquire();
    const waiters = [0, 1, 2, 3].map(() => gate.acquire());
    expect(gate.stats).toEqual({ inFlight: 1, queued: 4 }); // 4 waiters at 4/s: served within 1 s
    // A fifth would wait 1.25 s: refused now, not after waiting in vain (no time passes here).
    await expect(gate.acquire()).rejects.toMatchObject({ reason: 'queue_full' });
    held();
    for (const w of waiters) (await w)();
    expect(gate.stats).toEqual({ inFlight: 0, queued: 0 });

    const fixed = new AdmissionGate('unit-fixed', { maxInFlight: 1, maxQueue: 100, queueTimeoutMs: 1000 }, () => now);
    for (let i = 0; i < 5; i++) {
      (await fixed.acquire())();
      now += 250;
    }
    const busy = await fixed.acquire();
    const queued = [0, 1, 2, 3, 4, 5].map(() => fixed.acquire());
    expect(fixed.stats.queued).toBe(6); // not adaptive: only the bound and the timeout decide
    busy();
    for (const w of queued) (await w)();
  });

  it('lowers the in-flight limit while saturated, never below the floor, and raises it back as demand waits', async () => {
    const gate = new AdmissionGate('unit-adapt', {
      maxInFlight: 10,
      maxQueue: 100,
      queueTimeoutMs: 60_000,
      adaptive: true,
      minInFlight: 2,
    });
    for (let i = 0; i < 10; i++) gate.adapt(true);
    expect(gate.currentLimit).toBe(2);
    const running = [await gate.acquire(), await gate.acquire()];
    const waiting = gate.acquire();
    expect(gate.stats).toEqual({ inFlight: 2, queued: 1 });
    gate.adapt(false); // not saturated and someone waits: one more slot, handed to the waiter
    expect(gate.currentLimit).toBe(3);
    running.push(await waiting);
    expect(gate.stats).toEqual({ inFlight: 3, queued: 0 });
    gate.adapt(true); // saturated again: 3 -> 2; running calls finish, and the slot over the limit is given up
    running.pop()!();
    expect(gate.stats.inFlight).toBe(2);
    running.forEach((r) => r());
    for (let i = 0; i < 20; i++) gate.adapt(false);
    expect(gate.currentLimit).toBe(2); // nobody waits: no reason to raise it
  });
});

describe('proxy admission control', () => {
  let t: TestApp;
  let fake: FakeOpenAi;
  let releaseUpstream: () => void = () => undefined;
  beforeAll(async () => {
    fake = await startFakeOpenAi();
    t = await startTestApp({
      OPENAI_API_KEY: 'sk-fake-upstream',
      OPENAI_BASE_URL: `${fake.url}/v1`,
      HOLD_EXPIRY_INTERVAL_MS: 0,
      PROXY_MAX_IN_FLIGHT: 2,
      PROXY_MAX_QUEUE: 0,
    });
  });
  afterAll(async () => {
    releaseUpstream();
    await t?.close();
    await fake?.close();
  });

  it('answers 503 with Retry-After and an OpenAI-style body when full, and serves again once calls finish', async () => {
    const user = await t.account(1_000_000n);
    const upstream = new Promise<void>((resolve) => (releaseUpstream = resolve));
    let arrived!: () => void;
    const bothArrived = new Promise<void>((resolve) => (arrived = resolve));
    fake.handler = async (body, _req, res) => {
      if (fake.inFlight === 2) arrived();
      await upstream;
      replyJson(res, 200, completionJson(body, 'ok', { prompt: 5, completion: 1 }));
    };
    const shedBefore = await counterValue(counters.admissionRejected, { gate: 'proxy' });
    const client = openaiClient(t, user.key);
    const running = [1, 2].map(() => client.chat.completions.create({ model: 'test-model', messages }));
    await bothArrived; // both slots taken by calls waiting on the provider

    const timedBefore = await timed503s();
    const refused = await rawChat(t, user.key, { model: 'test-model', messages });
    expect(refused.status).toBe(503);
    // Shed before every other middleware (request log, metrics, body parser): it cost next to nothing.
    expect(await timed503s()).toBe(timedBefore);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await refused.json()).toMatchObject({ error: { type: 'server_error', code: 'server_overloaded' } });
    const viaSdk = await client.chat.completions.create({ model: 'test-model', messages }).catch((e) => e);
    expect(viaSdk).toBeInstanceOf(APIError);
    expect((viaSdk as APIError).status).toBe(503);
    // The Messages API shares the slots and answers in Anthropic's shape.
    const claude = await fetch(`${t.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': user.key },
      body: JSON.stringify({ model: 'claude-test', max_tokens: 10, messages }),
    });
    expect(claude.status).toBe(503);
    expect(await claude.json()).toMatchObject({ type: 'error', error: { type: 'overloaded_error', code: 'server_overloaded' } });
    expect(await counterValue(counters.admissionRejected, { gate: 'proxy' })).toBe(shedBefore + 3);
    // Refused calls held nothing and charged nothing.
    const [{ n }] = await t.db.query<{ n: string }>(`select count(*)::text n from holds where account_id = $1`, [user.id]);
    expect(n).toBe('2');

    releaseUpstream();
    const done = await Promise.all(running);
    expect(done.map((c) => c.choices[0].message.content)).toEqual(['ok', 'ok']);
    fake.handler = (body, _req, res) => replyJson(res, 200, completionJson(body, 'again', { prompt: 5, completion: 1 }));
    expect((await client.chat.completions.create({ model: 'test-model', messages })).choices[0].message.content).toBe('again');
  });
});

describe('GraphQL mutation admission control', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ MUTATIONS_MAX_IN_FLIGHT: 1, MUTATIONS_MAX_QUEUE: 0 });
  });
  afterAll(async () => t?.close());

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After to a mutation when full; queries still pass', async () => {
    const user = await t.account(1_000_000n);
    const record = `mutation($i: RecordUsageInput!) { recordUsage(input: $i) { id } }`;
    const release = await t.services.loadControl.mutationGate.acquire(); // the one slot, busy
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user.key}` },
      body: JSON.stringify({
        query: record,
        variables: { i: { model: 'test-model', inputTokens: 1, outputTokens: 1, idempotencyKey: 'busy' } },
      }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect((await t.gql(`{ creditPacks { id } }`, {}, user.key)).status).toBe(200);
    const [{ n }] = await t.db.query<{ n: string }>(`select count(*)::text n from usage_records where account_id = $1`, [user.id]);
    expect(n).toBe('0');
    release();
    const ok = await t.gql(record, { i: { model: 'test-model', inputTokens: 1, outputTokens: 1, idempotencyKey: 'free' } }, user.key);
    expect(ok.errors).toBeUndefined();
  });
});

describe('per-key rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: 3 });
  });
  afterAll(async () => t?.close());

  it('refuse the request over the default per minute with 429 rate_limit_exceeded (proxy: OpenAI body), per key', async () => {
    const user = await t.account(1_000_000n);
    const client = openaiClient(t, user.key);
    for (let i = 0; i < 3; i++) await client.chat.completions.create({ model: 'test-model', messages });
    const over = await rawChat(t, user.key, { model: 'test-model', messages });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await over.json()).toMatchObject({ error: { code: 'rate_limit_exceeded', type: 'requests' } });
    const viaSdk = await client.chat.completions.create({ model: 'test-model', messages }).catch((e) => e);
    expect((viaSdk as APIError).status).toBe(429);
    // GraphQL shares the key's budget: already spent.
    const gql = await t.gql(`{ me { id } }`, {}, user.key);
    expect(gql.status).toBe(429);
    expect(gql.errors?.[0]?.extensions?.code).toBe('RATE_LIMIT_EXCEEDED');
    // Another key has its own minute.
    const other = await t.account(1_000_000n);
    expect((await rawChat(t, other.key, { model: 'test-model', messages })).status).toBe(200);
  });

  it("follow the account's own limit, which only an ADMIN may set", async () => {
    const user = await t.account(1_000_000n);
    const SET = `mutation($a: ID, $i: ProxySettingsInput!) { setProxySettings(accountId: $a, input: $i) { requestsPerMinute } }`;
    const byUser = await t.gql(SET, { i: { requestsPerMinute: 1000 } }, user.key);
    expect(byUser.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byAdmin = await t.gql(SET, { a: user.id, i: { requestsPerMinute: 5 } });
    expect(byAdmin.data?.setProxySettings.requestsPerMinute).toBe(5);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await t.gql(`{ me { id } }`, {}, user.key)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});
