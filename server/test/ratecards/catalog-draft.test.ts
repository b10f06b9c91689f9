import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const CATALOG = `{ modelPriceCatalog { provider model inputPer1MUsd cachedInputPer1MUsd cacheWriteInputPer1MUsd cacheWrite1hInputPer1MUsd
  outputPer1MUsd audioInputPer1MUsd longContextThresholdTokens longContext { inputPer1MUsd outputPer1MUsd } source date catalogVersion } }`;
const RATE_FIELDS = `model inputPer1k cachedInputPer1k outputPer1k costInputPer1kUsd costCachedInputPer1kUsd costOutputPer1kUsd maxOutputTokens
  provider cacheWriteInputPer1k cacheWrite1hInputPer1k costCacheWriteInputPer1kUsd costCacheWrite1hInputPer1kUsd longContextThresholdTokens
  longContext { inputPer1k cachedInputPer1k cacheWriteInputPer1k cacheWrite1hInputPer1k outputPer1k costInputPer1kUsd costCachedInputPer1kUsd
    costCacheWriteInputPer1kUsd costCacheWrite1hInputPer1kUsd costOutputPer1kUsd }`;
const DRAFT = `mutation($markup: Int!, $models: [String!]!) {
  draftRateCardFromCatalog(markupPercent: $markup, models: $models) { name catalogVersion markupPercent draftedModels rates { ${RATE_FIELDS} } } }`;
const PUBLISH = `mutation($input: PublishRateCardInput!) { publishRateCard(input: $input) { id version active } }`;
const CHARGE = `mutation($input: RecordUsageInput!) { recordUsage(input: $input) { chargedMillicredits inputPer1k outputPer1k } }`;

const codeOf = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;
const count = async (table: string) => (await t.db.query<{ n: string }>(`select count(*) as n from ${table}`))[0].n;

describe('the price catalogue over GraphQL', () => {
  it('lists every model with USD per 1M per token class, its source and date', async () => {
    const res = await t.gql(CATALOG);
    expect(res.errors).toBeUndefined();
    const byModel = new Map(res.data.modelPriceCatalog.map((p: { model: string }) => [p.model, p]));
    expect(byModel.get('gpt-4o')).toMatchObject({
      provider: 'openai',
      inputPer1MUsd: '2.500',
      cachedInputPer1MUsd: '1.250',
      cacheWriteInputPer1MUsd: null,
      outputPer1MUsd: '10.000',
      longContext: null,
      source: 'https://openai.com/api/pricing/',
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(byModel.get('claude-sonnet-4-5')).toMatchObject({
      provider: 'anthropic',
      cacheWriteInputPer1MUsd: '3.750',
      cacheWrite1hInputPer1MUsd: '6.000',
      longContextThresholdTokens: 200_000,
      longContext: { inputPer1MUsd: '6.000', outputPer1MUsd: '22.500' },
    });
  });
});

describe('draftRateCardFromCatalog', () => {
  it('drafts the active card with catalogue models at cost plus markup, writes nothing, and publishes through publishRateCard', async () => {
    const user = await t.account(10_000_000n);
    // Not on the card yet: refused, never charged at 0.
    const before = await t.gql(
      CHARGE,
      { input: { model: 'gpt-4o', inputTokens: 1000, outputTokens: 1000, idempotencyKey: 'pre' } },
      user.key,
    );
    expect(codeOf(before)).toBe('MODEL_NOT_FOUND');
    expect(before.errors?.[0]?.message).toMatch(/gpt-4o/);
    const [cardsBefore, usageBefore] = [await count('rate_cards'), await count('usage_records')];

    const draft = await t.gql(DRAFT, { markup: 25, models: ['gpt-4o', 'claude-sonnet-4-5'] });
    expect(draft.errors).toBeUndefined();
    const d = draft.data.draftRateCardFromCatalog;
    expect(d).toMatchObject({ markupPercent: 25, draftedModels: ['gpt-4o', 'claude-sonnet-4-5'], name: expect.stringContaining('+25%') });
    expect(d.rates.map((r: { model: string }) => r.model)).toEqual(['cheap-model', 'claude-sonnet-4-5', 'gpt-4o', 'test-model']);
    expect(d.rates.find((r: { model: string }) => r.model === 'gpt-4o')).toEqual({
      model: 'gpt-4o',
      inputPer1k: '3.125',
      cachedInputPer1k: '1.563',
      outputPer1k: '12.500',
      costInputPer1kUsd: '0.002500',
      costCachedInputPer1kUsd: '0.001250',
      costOutputPer1kUsd: '0.010000',
      maxOutputTokens: null,
      provider: 'openai',
      cacheWriteInputPer1k: null,
      cacheWrite1hInputPer1k: null,
      costCacheWriteInputPer1kUsd: null,
      costCacheWrite1hInputPer1kUsd: null,
      longContextThresholdTokens: null,
      longContext: null,
    });
    const sonnet = {
      model: 'claude-sonnet-4-5',
      inputPer1k: '3.750',
      cachedInputPer1k: '0.375',
      outputPer1k: '18.750',
      costInputPer1kUsd: '0.003000',
      costCachedInputPer1kUsd: '0.000300',
      costOutputPer1kUsd: '0.015000',
      maxOutputTokens: null,
      provider: 'anthropic',
      cacheWriteInputPer1k: '4.688',
      cacheWrite1hInputPer1k: '7.500',
      costCacheWriteInputPer1kUsd: '0.003750',
      costCacheWrite1hInputPer1kUsd: '0.006000',
      longContextThresholdTokens: 200_000,
      longContext: {
        inputPer1k: '7.500',
        cachedInputPer1k: '0.750',
        cacheWriteInputPer1k: '9.375',
        // Anthropic's 1-hour write above 200k ($12/1M), not the base one ($6/1M).
        cacheWrite1hInputPer1k: '15.000',
        outputPer1k: '28.125',
        costInputPer1kUsd: '0.006000',
        costCachedInputPer1kUsd: '0.000600',
        costCacheWriteInputPer1kUsd: '0.007500',
        costCacheWrite1hInputPer1kUsd: '0.012000',
        costOutputPer1kUsd: '0.022500',
      },
    };
    expect(d.rates.find((r: { model: string }) => r.model === 'claude-sonnet-4-5')).toEqual(sonnet);
    // The active card's own models are in the draft as they are.
    expect(d.rates.find((r: { model: string }) => r.model === 'test-model')).toMatchObject({ inputPer1k: '2.400', maxOutputTokens: 4096 });
    expect([await count('rate_cards'), await count('usage_records')]).toEqual([cardsBefore, usageBefore]);

    const published = await t.gql(PUBLISH, { input: { name: d.name, rates: d.rates } });
    expect(published.errors).toBeUndefined();
    expect(published.data.publishRateCard.active).toBe(true);
    const charged = await t.gql(
      CHARGE,
      { input: { model: 'gpt-4o', inputTokens: 1000, outputTokens: 1000, idempotencyKey: 'post' } },
      user.key,
    );
    expect(charged.data.recordUsage).toEqual({ chargedMillicredits: '15625', inputPer1k: '3.125', outputPer1k: '12.500' });
  });

  it('refuses a model the catalogue does not list and a markup outside 0..1000', async () => {
    const cardsBefore = await count('rate_cards');
    expect(codeOf(await t.gql(DRAFT, { markup: 10, models: ['gpt-4o', 'gpt-9-ultra'] }))).toBe('MODEL_NOT_FOUND');
    expect(codeOf(await t.gql(DRAFT, { markup: 1001, models: ['gpt-4o'] }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(DRAFT, { markup: -1, models: ['gpt-4o'] }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(DRAFT, { markup: 1000, models: ['gpt-4o'] }))).toBeUndefined();
    expect(await count('rate_cards')).toBe(cardsBefore);
  });
});
