import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOLD_EXPIRY_LOCK } from '../../src/ledger/holds.service.js';
import { counters, counterValue } from '../../src/metrics/metrics.js';
import { countPromptTokens, worstCaseCost } from '../../src/proxy/proxy.rules.js';
import { eventually } from '../support/eventually.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { completionJson, replyJson, sleep, startFakeOpenAi, streamSse, type FakeOpenAi } from './fake-openai.js';
import { balanceRow, holdsOf, openaiClient, postingsSum, rawChat } from './support.js';

let t: TestApp;
let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
  t = await startTestApp({ OPENAI_API_KEY: 'sk-fake-upstream', OPENAI_BASE_URL: `${fake.url}/v1`, HOLD_EXPIRY_INTERVAL_MS: 0 });
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

const TEST_RATES = { inputPer1k: 2400n, cachedInputPer1k: 1200n, outputPer1k: 9600n };

async function expire(holdIds: string[]) {
  await t.db.query(`update holds set expires_at = now() - interval '1 second' where id = any($1::uuid[])`, [holdIds]);
}

describe('concurrent proxied calls', () => {
  it('20 concurrent calls against credits for 5 worst cases: never negative, at most 5 in flight, all holds released', async () => {
    const messages = [{ role: 'user', content: 'Summarise the ledger.' }];
    const worst = worstCaseCost(countPromptTokens({ messages, body: {} }), 1000, 1, TEST_RATES);
    const funds = worst * 5n;
    const user = await t.account(funds);
    fake.calls = [];
    fake.maxInFlight = 0;
    // Each call really uses 400 prompt + 900 output tokens: 960 + 8640 = 9600 millicredits.
    fake.handler = async (body, _req, res) => {
      await sleep(150);
      replyJson(res, 200, completionJson(body, 'done', { prompt: 400, completion: 900 }));
    };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => rawChat(t, user.key, { model: 'test-model', messages, max_tokens: 1000 })),
    );
    const statuses = responses.map((r) => r.status);
    const ok = responses.filter((r) => r.status === 200);
    expect(statuses.filter((s) => s !== 200 && s !== 402)).toEqual([]);
    expect(ok.length).toBeGreaterThanOrEqual(5);
    expect(fake.maxInFlight).toBeLessThanOrEqual(5);
    expect(fake.calls).toHaveLength(ok.length);
    const charged = ok.map((r) => BigInt(r.headers.get('x-creditmeter-charged-millicredits')!));
    expect(charged.every((c) => c === 9600n)).toBe(true);

    const balance = await balanceRow(t, user.id);
    expect(balance).toEqual({ posted: funds - 9600n * BigInt(ok.length), pending: 0n });
    expect(balance.posted).toBeGreaterThanOrEqual(0n);
    expect(await postingsSum(t, user.id)).toBe(balance.posted);
    const holds = await holdsOf(t, user.id);
    expect(holds).toHaveLength(ok.length);
    expect(holds.every((h) => h.state === 'SETTLED')).toBe(true);
  });
});

describe('hold lifecycle', () => {
  const place = (accountId: string, amount: bigint) =>
    t.services.holds.place({ accountId, amount, model: 'test-model', apiKeyId: null, ttlSeconds: 60 });

  it("a crashed call's hold expires and the job releases it once", async () => {
    const user = await t.account(100_000n);
    const a = await place(user.id, 30_000n);
    const b = await place(user.id, 20_000n);
    const fresh = await place(user.id, 5_000n);
    expect(await balanceRow(t, user.id)).toEqual({ posted: 100_000n, pending: 55_000n });
    await expect(place(user.id, 45_001n)).rejects.toMatchObject({ code: 'INSUFFICIENT_CREDITS' });

    await expire([a.id, b.id]);
    expect(await t.services.holds.releaseExpired()).toBeGreaterThanOrEqual(2);
    expect(await balanceRow(t, user.id)).toEqual({ posted: 100_000n, pending: 5_000n });
    const states = Object.fromEntries((await holdsOf(t, user.id)).map((h) => [h.id, h.state]));
    expect(states).toEqual({ [a.id]: 'EXPIRED', [b.id]: 'EXPIRED', [fresh.id]: 'HELD' });
    // Nothing left to release twice.
    await expire([a.id, b.id]);
    await t.services.holds.releaseExpired();
    expect(await t.services.holds.void(a)).toBeNull();
    expect(await balanceRow(t, user.id)).toEqual({ posted: 100_000n, pending: 5_000n });
    await t.services.holds.void(fresh);
    expect(await balanceRow(t, user.id)).toEqual({ posted: 100_000n, pending: 0n });
  });

  it('releases a hold exactly once when voids, settles and the expiry job race', async () => {
    const user = await t.account(1_000_000n);
    const holds = await Promise.all(Array.from({ length: 10 }, () => place(user.id, 10_000n)));
    expect((await balanceRow(t, user.id)).pending).toBe(100_000n);
    await expire(holds.map((h) => h.id));
    const rate = await t.services.rateCards.rateFor('test-model');
    const settle = (hold: (typeof holds)[number]) =>
      t.services.holds.settle(hold, {
        rate,
        tokens: { inputTokens: 100n, cachedInputTokens: 0n, outputTokens: 100n },
        charged: 1200n,
        costMicroUsd: 500n,
        idempotencyKey: `proxy:${hold.id}`,
        requestHash: `h-${hold.id}`,
        actorKeyId: null,
        source: 'PROXY',
      });
    await Promise.all([
      ...holds.map((h) => t.services.holds.void(h)),
      ...holds.map((h) => t.services.holds.void(h)),
      t.services.holds.releaseExpired(),
      t.services.holds.releaseExpired(),
    ]);
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n, pending: 0n });

    // A call that finishes after its hold was released still pays, with nothing released twice.
    const late = await place(user.id, 10_000n);
    await expire([late.id]);
    await t.services.holds.releaseExpired();
    const settled = await settle(late);
    expect(settled.charged).toBe(1200n);
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - 1200n, pending: 0n });
    expect(await postingsSum(t, user.id)).toBe(1_000_000n - 1200n);
  });

  it('keeps pending equal to the sum of HELD holds under concurrent places and voids', async () => {
    const user = await t.account(50_000n);
    const attempts = await Promise.allSettled(Array.from({ length: 30 }, () => place(user.id, 7_000n)));
    const placed = attempts
      .filter((a) => a.status === 'fulfilled')
      .map((a) => (a as PromiseFulfilledResult<Awaited<ReturnType<typeof place>>>).value);
    expect(placed).toHaveLength(7); // 7 x 7,000 <= 50,000 < 8 x 7,000
    expect(await balanceRow(t, user.id)).toEqual({ posted: 50_000n, pending: 49_000n });
    await Promise.all(placed.map((h) => t.services.holds.void(h)));
    expect(await balanceRow(t, user.id)).toEqual({ posted: 50_000n, pending: 0n });
    const [row] = await t.db.query<{ held: string }>(
      `select coalesce(sum(amount), 0)::text as held from holds where account_id = $1 and state = 'HELD'`,
      [user.id],
    );
    expect(row.held).toBe('0');
  });

  it('the expiry job runs on one instance at a time (advisory lock)', async () => {
    const user = await t.account(10_000n);
    const hold = await place(user.id, 4_000n);
    await expire([hold.id]);
    const other = new pg.Client({ connectionString: t.db.url });
    await other.connect();
    try {
      await other.query('select pg_advisory_lock($1::bigint)', [HOLD_EXPIRY_LOCK.toString()]);
      expect(await t.services.holds.releaseExpired()).toBe(0);
      expect((await t.services.holds.state(hold.id))?.state).toBe('HELD');
      await other.query('select pg_advisory_unlock($1::bigint)', [HOLD_EXPIRY_LOCK.toString()]);
      expect(await t.services.holds.releaseExpired()).toBeGreaterThanOrEqual(1);
      expect((await t.services.holds.state(hold.id))?.state).toBe('EXPIRED');
    } finally {
      await other.end();
    }
  });

  it('keeps the hold of a stream that outlives the hold TTL alive until it settles', async () => {
    const own = await startTestApp({
      OPENAI_API_KEY: 'sk-fake-upstream',
      OPENAI_BASE_URL: `${fake.url}/v1`,
      HOLD_EXPIRY_INTERVAL_MS: 100,
      PROXY_HOLD_TTL_SECONDS: 1,
    });
    try {
      const user = await own.account(1_000_000n);
      fake.handler = (body, _req, res) =>
        streamSse(body, res, { pieces: Array.from({ length: 30 }, () => ' tick'), usage: { prompt: 50, completion: 30 }, delayMs: 80 });
      const stream = await openaiClient(own, user.key).chat.completions.create({
        model: 'test-model',
        messages: [{ role: 'user', content: 'count' }],
        stream: true,
        max_tokens: 100,
      });
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
      expect(text).toBe(' tick'.repeat(30));
      await own.services.proxy.settled();
      const holds = await own.db.query<{ state: string; charged: string }>(`select state, charged from holds where account_id = $1`, [
        user.id,
      ]);
      // 50 x 2400 + 30 x 9600 = 408,000 -> 408
      expect(holds).toEqual([{ state: 'SETTLED', charged: '408' }]);
      const [row] = await own.db.query<{ posted: string; pending: string }>(`select posted, pending from accounts where id = $1`, [
        user.id,
      ]);
      expect(row).toEqual({ posted: String(1_000_000 - 408), pending: '0' });
    } finally {
      await own.close();
    }
  });

  it('the expiry job runs on its own timer when enabled', async () => {
    const own = await startTestApp({ OPENAI_API_KEY: 'sk-fake-upstream', OPENAI_BASE_URL: `${fake.url}/v1`, HOLD_EXPIRY_INTERVAL_MS: 50 });
    try {
      const user = await own.account(10_000n);
      const hold = await own.services.holds.place({
        accountId: user.id,
        amount: 4_000n,
        model: 'test-model',
        apiKeyId: null,
        ttlSeconds: 1,
      });
      expect((await own.services.holds.state(hold.id))?.state).toBe('HELD');
      await eventually(async () => (await own.services.holds.state(hold.id))?.state !== 'HELD', { what: 'the hold expiry job' });
      expect((await own.services.holds.state(hold.id))?.state).toBe('EXPIRED');
      const [row] = await own.db.query<{ pending: string }>(`select pending from accounts where id = $1`, [user.id]);
      expect(row.pending).toBe('0');
    } finally {
      await own.close();
    }
  });

  it('a failed settle keeps its hold for an operator', async () => {
    const own = await startTestApp({ OPENAI_API_KEY: 'sk-fake-upstream', OPENAI_BASE_URL: `${fake.url}/v1`, HOLD_EXPIRY_INTERVAL_MS: 0 });
    try {
      const user = await own.account(1_000_000n);
      fake.handler = (body, _req, res) => replyJson(res, 200, completionJson(body, 'ok', { prompt: 100, completion: 10 }));
      const ok = await rawChat(own, user.key, { model: 'test-model', messages: [{ role: 'user', content: 'hi' }] });
      expect(ok.status).toBe(200);
      await own.services.proxy.settled();

      // The next settle fails inside the engine's transaction (this test's own database only).
      await own.db.query(`create function test_fail_settle() returns trigger language plpgsql as $$
        begin raise exception 'settle failed on purpose'; end $$`);
      await own.db.query(
        `create trigger test_fail_settle before insert on usage_records for each statement execute function test_fail_settle()`,
      );
      const before = await counterValue(counters.proxySettleFailures);
      // The answer goes out before the settle: the client is answered, the settle fails after it.
      const answered = await rawChat(own, user.key, { model: 'test-model', messages: [{ role: 'user', content: 'hi' }] });
      expect(answered.status).toBe(200);
      expect(answered.headers.get('x-creditmeter-charged-millicredits')).toBe('336');
      await own.services.proxy.settled();
      expect(await counterValue(counters.proxySettleFailures)).toBe(before + 1);
      await own.db.query(`drop trigger test_fail_settle on usage_records`);
      const [row] = await own.db.query<{ posted: string; pending: string }>(`select posted, pending from accounts where id = $1`, [
        user.id,
      ]);
      expect(row.posted).toBe(String(1_000_000 - 336));
      expect(BigInt(row.pending)).toBeGreaterThan(0n);
      const held = await own.db.query<{ id: string; accountId: string; expires_at: string; settle_error: string }>(
        `select id, account_id as "accountId", expires_at::text, settle_error from holds where account_id = $1 and state = 'HELD'`,
        [user.id],
      );
      expect(held).toHaveLength(1);
      expect(held[0]).toMatchObject({ expires_at: 'infinity', settle_error: expect.stringContaining('settle failed on purpose') });
      expect(await own.services.holds.releaseExpired()).toBe(0);
      // The operator voids (or settles) it by hand.
      expect(await own.services.holds.void(held[0])).not.toBeNull();
      const [after] = await own.db.query<{ pending: string }>(`select pending from accounts where id = $1`, [user.id]);
      expect(after.pending).toBe('0');
      expect(await own.db.query(`select 1 from usage_records where account_id = $1`, [user.id])).toHaveLength(1);
    } finally {
      await own.close();
    }
  });
});
