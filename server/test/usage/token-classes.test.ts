import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_RATES, type TestApp } from '../support/harness.js';

/** Sonnet's base prices, both cache writes priced on their own. */
const CACHE_RATES = {
  provider: 'anthropic',
  inputPer1k: '3.000',
  cachedInputPer1k: '0.300',
  cacheWriteInputPer1k: '3.750',
  cacheWrite1hInputPer1k: '6.000',
  outputPer1k: '15.000',
  costInputPer1kUsd: '0.003000',
  costCacheWrite1hInputPer1kUsd: '0.006000',
  costOutputPer1kUsd: '0.015000',
};

/** Above 1,000 prompt tokens a tier with its 5-minute write and, given `oneHour`, its 1-hour write. */
const longCacheModel = (model: string, oneHour: Record<string, string>) => ({
  ...CACHE_RATES,
  model,
  longContextThresholdTokens: 1000,
  longContext: {
    inputPer1k: '6.000',
    cachedInputPer1k: '0.600',
    cacheWriteInputPer1k: '7.500',
    outputPer1k: '22.500',
    costInputPer1kUsd: '0.006000',
    costOutputPer1kUsd: '0.022500',
    ...oneHour,
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.services.rateCards.publish(null, {
    name: 'With cache writes',
    rates: [
      ...TEST_RATES,
      { ...CACHE_RATES, model: 'cache-model' },
      longCacheModel('long-cache-model', { cacheWrite1hInputPer1k: '12.000', costCacheWrite1hInputPer1kUsd: '0.012000' }),
      longCacheModel('long-cache-fallback', {}),
    ],
  });
});
afterAll(async () => t?.close());

const RECORD = `mutation($input: RecordUsageInput!) { recordUsage(input: $input) {
  id inputTokens cachedInputTokens cacheWriteInputTokens cacheWrite1hInputTokens outputTokens reasoningTokens
  audioInputTokens audioOutputTokens imageInputTokens cacheWriteInputPer1k cacheWrite1hInputPer1k longContext chargedMillicredits } }`;

const usage = (extra: Record<string, number>) => ({
  model: 'cache-model',
  inputTokens: 100,
  cachedInputTokens: 2000,
  outputTokens: 300,
  reasoningTokens: 120,
  idempotencyKey: 'cw-1',
  ...extra,
});

describe('recordUsage with cache writes', () => {
  it('charges each class at its rate; the same request again is a REPLAY, other cache-write tokens a CONFLICT', async () => {
    const user = await t.account(1_000_000n);
    const first = await t.gql(RECORD, { input: usage({ cacheWriteInputTokens: 1000, cacheWrite1hInputTokens: 500 }) }, user.key);
    expect(first.errors).toBeUndefined();
    // 100 x 3,000 + 2,000 x 300 + 1,000 x 3,750 + 500 x 6,000 + 300 x 15,000 = 12,150,000 -> 12,150 (reasoning inside output)
    expect(first.data.recordUsage).toMatchObject({
      cacheWriteInputTokens: 1000,
      cacheWrite1hInputTokens: 500,
      reasoningTokens: 120,
      audioInputTokens: 0,
      cacheWriteInputPer1k: '3.750',
      cacheWrite1hInputPer1k: '6.000',
      longContext: false,
      chargedMillicredits: '12150',
    });

    const replay = await t.gql(RECORD, { input: usage({ cacheWriteInputTokens: 1000, cacheWrite1hInputTokens: 500 }) }, user.key);
    expect(replay.errors).toBeUndefined();
    expect(replay.data.recordUsage).toEqual(first.data.recordUsage);

    const conflict = await t.gql(RECORD, { input: usage({ cacheWriteInputTokens: 1001, cacheWrite1hInputTokens: 500 }) }, user.key);
    expect(conflict.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_CONFLICT');
    const moved = await t.gql(RECORD, { input: usage({ cacheWriteInputTokens: 500, cacheWrite1hInputTokens: 1000 }) }, user.key);
    expect(moved.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_CONFLICT');

    const rows = await t.db.query<{ n: string; charged: string }>(
      `select count(*)::text n, sum(charged)::text charged from usage_records where account_id = $1`,
      [user.id],
    );
    expect(rows[0]).toEqual({ n: '1', charged: '12150' });
    const listed = await t.gql(`{ me { usage(first: 5) { edges { node { id cacheWriteInputTokens reasoningTokens } } } } }`, {}, user.key);
    expect(listed.data.me.usage.edges).toEqual([
      { node: { id: first.data.recordUsage.id, cacheWriteInputTokens: 1000, reasoningTokens: 120 } },
    ]);
  });

  it("above the tier's threshold a 1-hour cache write is charged at the tier's 1-hour rate; without one, at the base 1-hour rate", async () => {
    const user = await t.account(1_000_000n);
    // 500 + 1,000 = 1,500 prompt tokens: above the threshold of 1,000.
    const call = { inputTokens: 500, cachedInputTokens: 0, cacheWrite1hInputTokens: 1000, outputTokens: 0, reasoningTokens: 0 };
    const tiered = await t.gql(RECORD, { input: { ...call, model: 'long-cache-model', idempotencyKey: 'lc-1h' } }, user.key);
    expect(tiered.errors).toBeUndefined();
    // 500 x 6,000 + 1,000 x 12,000 = 15,000,000 -> 15,000 (the base 1-hour rate would give 9,000)
    expect(tiered.data.recordUsage).toMatchObject({ cacheWrite1hInputPer1k: '12.000', longContext: true, chargedMillicredits: '15000' });
    const fallback = await t.gql(RECORD, { input: { ...call, model: 'long-cache-fallback', idempotencyKey: 'lc-base' } }, user.key);
    expect(fallback.errors).toBeUndefined();
    // 500 x 6,000 + 1,000 x 6,000 = 9,000,000 -> 9,000
    expect(fallback.data.recordUsage).toMatchObject({ cacheWrite1hInputPer1k: '6.000', longContext: true, chargedMillicredits: '9000' });
    const rows = await t.db.query<{ model: string; rate: string; cost_rate: string; cost: string }>(
      `select model, cache_write_1h_input_per1k::text rate, cost_cache_write_1h_input_per1k::text cost_rate, cost_micro_usd::text cost
         from usage_records where account_id = $1 order by model`,
      [user.id],
    );
    // Cost: 500 x 6,000 + 1,000 x 12,000 (the tier's 1-hour cost) or 6,000 (the base one), in micro-USD / 1000.
    expect(rows).toEqual([
      { model: 'long-cache-fallback', rate: '6000', cost_rate: '6000', cost: '9000' },
      { model: 'long-cache-model', rate: '12000', cost_rate: '12000', cost: '15000' },
    ]);
  });

  it('refuses reasoning tokens beyond the output they are part of', async () => {
    const user = await t.account(1_000_000n);
    const res = await t.gql(RECORD, { input: { ...usage({ reasoningTokens: 301 }), idempotencyKey: 'r' } }, user.key);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/reasoningTokens/);
  });
});
