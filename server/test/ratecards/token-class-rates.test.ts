import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_RATES, type TestApp } from '../support/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const PUBLISH = `mutation($input: PublishRateCardInput!) { publishRateCard(input: $input) { rates {
  model provider inputPer1k cacheWriteInputPer1k cacheWrite1hInputPer1k audioInputPer1k audioOutputPer1k imageInputPer1k
  costCacheWriteInputPer1kUsd costAudioOutputPer1kUsd costImageInputPer1kUsd longContextThresholdTokens
  longContext { inputPer1k cachedInputPer1k cacheWriteInputPer1k outputPer1k costInputPer1kUsd costCachedInputPer1kUsd costCacheWriteInputPer1kUsd costOutputPer1kUsd }
} } }`;

const CLAUDE = {
  model: 'claude-long',
  provider: 'anthropic',
  inputPer1k: '3.000',
  cacheWriteInputPer1k: '3.750',
  cacheWrite1hInputPer1k: '6.000',
  imageInputPer1k: '3.100',
  outputPer1k: '15.000',
  costInputPer1kUsd: '0.003000',
  costCacheWriteInputPer1kUsd: '0.003750',
  costOutputPer1kUsd: '0.015000',
  longContextThresholdTokens: 200_000,
  longContext: {
    inputPer1k: '6.000',
    cacheWriteInputPer1k: '7.500',
    outputPer1k: '22.500',
    costInputPer1kUsd: '0.006000',
    costOutputPer1kUsd: '0.022500',
  },
};

const publish = (model: Record<string, unknown>) => t.gql(PUBLISH, { input: { name: 'Classes', rates: [...TEST_RATES, model] } });

describe('class rates and long-context tiers on a rate card', () => {
  it('publishes provider, class rates and the tier, and reads them back (omitted classes null: they fall back)', async () => {
    const res = await publish(CLAUDE);
    expect(res.errors).toBeUndefined();
    const rates = res.data.publishRateCard.rates;
    expect(rates.find((r: { model: string }) => r.model === 'claude-long')).toEqual({
      model: 'claude-long',
      provider: 'anthropic',
      inputPer1k: '3.000',
      cacheWriteInputPer1k: '3.750',
      cacheWrite1hInputPer1k: '6.000',
      audioInputPer1k: null,
      audioOutputPer1k: null,
      imageInputPer1k: '3.100',
      costCacheWriteInputPer1kUsd: '0.003750',
      costAudioOutputPer1kUsd: null,
      costImageInputPer1kUsd: null,
      longContextThresholdTokens: 200_000,
      longContext: {
        inputPer1k: '6.000',
        cachedInputPer1k: '6.000',
        cacheWriteInputPer1k: '7.500',
        outputPer1k: '22.500',
        costInputPer1kUsd: '0.006000',
        costCachedInputPer1kUsd: '0.006000',
        costCacheWriteInputPer1kUsd: null,
        costOutputPer1kUsd: '0.022500',
      },
    });
    expect(rates.find((r: { model: string }) => r.model === 'test-model')).toMatchObject({ provider: 'openai', longContext: null });
  });

  it.each([
    ['an unknown provider', { provider: 'gemini' }, /provider must be one of openai, anthropic/],
    ['a threshold of 0', { longContextThresholdTokens: 0 }, /longContextThresholdTokens must be a whole number of tokens above 0/],
    ['a tier without output', { longContext: { ...CLAUDE.longContext, outputPer1k: null } }, /longContext.outputPer1k is required/],
    [
      'a tier without its input cost',
      { longContext: { ...CLAUDE.longContext, costInputPer1kUsd: '' } },
      /longContext.costInputPer1kUsd is required/,
    ],
    ['a tier without threshold', { longContextThresholdTokens: null }, /longContextThresholdTokens is required with longContext/],
    ['a threshold without tier', { longContext: null }, /longContext is required with longContextThresholdTokens/],
    ['a malformed class rate', { audioInputPer1k: '1.2345' }, /audioInputPer1k has more than 3 decimal places/],
  ])('refuses %s with BAD_USER_INPUT and publishes nothing', async (_what, change, message) => {
    const before = await t.gql(`{ rateCards { id } }`);
    const res = await publish({ ...CLAUDE, ...change });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(message);
    expect((await t.gql(`{ rateCards { id } }`)).data.rateCards).toHaveLength(before.data.rateCards.length);
  });
});
