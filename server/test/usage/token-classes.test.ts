import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_RATES, type TestApp } from '../support/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.services.rateCards.publish(null, {
    name: 'With cache writes',
    rates: [
      ...TEST_RATES,
      {
        model: 'cache-model',
        provider: 'anthropic',
        inputPer1k: '3.000',
        cachedInputPer1k: '0.300',
        cacheWriteInputPer1k: '3.750',
        cacheWrite1hInputPer1k: '6.000',
        outputPer1k: '15.000',
        costInputPer1kUsd: '0.003000',
        costOutputPer1kUsd: '0.015000',
      },
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

  it('refuses reasoning tokens beyond the output they are part of', async () => {
    const user = await t.account(1_000_000n);
    const res = await t.gql(RECORD, { input: { ...usage({ reasoningTokens: 301 }), idempotencyKey: 'r' } }, user.key);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/reasoningTokens/);
  });
});
