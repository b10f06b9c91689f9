import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countParts, countPromptTokens, outputBudget, worstCaseCost } from '../../src/proxy/proxy.rules.js';
import { embeddingsPromptParts, parseEmbeddingsRequest } from '../../src/proxy/surfaces/embeddings.rules.js';
import { parseResponsesRequest, responsesPromptParts } from '../../src/proxy/surfaces/responses.rules.js';
import { startTestApp, TEST_RATES as CARD, type TestApp } from '../support/harness.js';
import { completionJson, replyJson, responseJson, startFakeOpenAi, streamSse, type FakeOpenAi } from './fake-openai.js';
import { balanceRow, holdsOf, jsonOf, openaiClient, postingsSum, rawChat, rawPost, usageRows } from './support.js';

// A model whose maximum output (32,768 tokens at 60 credits per 1k: 1,966 credits) is far above a new account's 200 credits.
const PRICEY = {
  model: 'pricey-model',
  inputPer1k: '15.000',
  outputPer1k: '60.000',
  costInputPer1kUsd: '0.015000',
  costOutputPer1kUsd: '0.060000',
  maxOutputTokens: 32_768,
};
const RATES = { inputPer1k: 15_000n, cachedInputPer1k: 15_000n, outputPer1k: 60_000n };
const MIN_OUTPUT = 256; // the default minOutputTokens: the smallest useful answer a shrunk hold must cover
const hi = [{ role: 'user', content: 'hi' }];
const promptOf = (messages: unknown[]) => countPromptTokens({ messages, body: {} });

let t: TestApp;
let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
  t = await startTestApp({ OPENAI_API_KEY: 'sk-fake-upstream', OPENAI_BASE_URL: `${fake.url}/v1`, HOLD_EXPIRY_INTERVAL_MS: 0 });
  await t.services.rateCards.publish(null, { name: 'With a pricey model', rates: [...CARD, PRICEY] });
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});
beforeEach(() => {
  fake.calls = [];
  fake.handler = (body, _req, res) =>
    replyJson(res, 200, completionJson(body, 'Hello!', { prompt: promptOf(body.messages), completion: 2 }));
});

describe('a hold the balance cannot cover in full shrinks to it', () => {
  it('answers a new 200-credit account\'s "hi" on a model whose maximum output costs more, with max_tokens capped upstream', async () => {
    const balance = 200_000n;
    const user = await t.account(balance);
    const prompt = promptOf(hi);
    expect(worstCaseCost(prompt, PRICEY.maxOutputTokens, 1, RATES)).toBeGreaterThan(balance);

    const { data, response } = await openaiClient(t, user.key)
      .chat.completions.create({ model: 'pricey-model', messages: hi as any })
      .withResponse();
    expect(data.choices[0].message.content).toBe('Hello!');
    const capped = outputBudget(balance, prompt, RATES);
    expect(capped).toBeLessThan(PRICEY.maxOutputTokens);
    expect(response.headers.get('x-creditmeter-max-tokens-capped')).toBe(String(capped));
    expect(response.headers.get('x-creditmeter-hold-millicredits')).toBe(String(balance));
    // The provider was asked for no more output than the balance pays for.
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0].max_completion_tokens).toBe(capped);
    expect(worstCaseCost(prompt, capped, 1, RATES)).toBeLessThanOrEqual(balance);

    const charged = worstCaseCost(prompt, 2, 1, RATES); // exact: the provider's usage at the card's rates
    expect(response.headers.get('x-creditmeter-charged-millicredits')).toBe(String(charged));
    expect(await balanceRow(t, user.id)).toEqual({ posted: balance - charged, pending: 0n });
    expect(await holdsOf(t, user.id)).toMatchObject([
      { state: 'SETTLED', partial: true, amount: String(balance), charged: String(charged) },
    ]);
  });

  it('shrinks a streamed call the same way: the header comes with the stream, the provider gets the capped limit', async () => {
    const balance = 200_000n;
    const user = await t.account(balance);
    const prompt = promptOf(hi);
    fake.handler = (body, _req, res) => streamSse(body, res, { pieces: ['Hel', 'lo!'], usage: { prompt, completion: 2 } });
    const { data: stream, response } = await openaiClient(t, user.key)
      .chat.completions.create({ model: 'pricey-model', messages: hi as any, stream: true, stream_options: { include_usage: true } })
      .withResponse();
    const chunks: any[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    const capped = outputBudget(balance, prompt, RATES);
    expect(response.headers.get('x-creditmeter-max-tokens-capped')).toBe(String(capped));
    expect(fake.calls[0].max_completion_tokens).toBe(capped);
    expect(chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('')).toBe('Hello!');
    const charged = worstCaseCost(prompt, 2, 1, RATES);
    expect(chunks.at(-1).creditmeter.charged_millicredits).toBe(String(charged));
    expect(await balanceRow(t, user.id)).toEqual({ posted: balance - charged, pending: 0n });
  });

  it("leaves a call the balance covers alone: no cap header, the client's max_tokens goes upstream", async () => {
    const user = await t.account(200_000n);
    const res = await rawChat(t, user.key, { model: 'pricey-model', messages: hi, max_tokens: 100 });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-creditmeter-max-tokens-capped')).toBeNull();
    expect(fake.calls[0].max_tokens).toBe(100);
    expect((await holdsOf(t, user.id))[0].partial).toBe(false);
  });

  it('with shrinking turned off, refuses with a 402 that says what the hold was for and names max_tokens', async () => {
    const user = await t.account(200_000n);
    const settings = await t.gql(
      `mutation($id: ID!) { setProxySettings(accountId: $id, input: { shrinkHolds: false }) { shrinkHolds minOutputTokens } }`,
      { id: user.id },
      user.key,
    );
    expect(settings.data).toEqual({ setProxySettings: { shrinkHolds: false, minOutputTokens: MIN_OUTPUT } });
    const res = await rawChat(t, user.key, { model: 'pricey-model', messages: hi });
    expect(res.status).toBe(402);
    const { error } = await jsonOf(res);
    expect(error).toMatchObject({
      type: 'insufficient_credits',
      code: 'insufficient_credits',
      required_millicredits: worstCaseCost(promptOf(hi), PRICEY.maxOutputTokens, 1, RATES).toString(),
      available_millicredits: '200000',
      max_output_tokens_assumed: PRICEY.maxOutputTokens,
      credits_url: 'https://app.example.test/credits',
    });
    expect(error.message).toContain('32,768 output tokens');
    expect(error.message).toContain('max_tokens');
    expect(fake.calls).toHaveLength(0);
    expect(await holdsOf(t, user.id)).toHaveLength(0);
    expect(await balanceRow(t, user.id)).toEqual({ posted: 200_000n, pending: 0n });
  });

  it('refuses when even the prompt and the smallest useful answer do not fit, saying so', async () => {
    const prompt = promptOf(hi);
    const minimum = worstCaseCost(prompt, MIN_OUTPUT, 1, RATES);
    const user = await t.account(minimum - 1n);
    const res = await rawChat(t, user.key, { model: 'pricey-model', messages: hi, max_tokens: 10_000 });
    expect(res.status).toBe(402);
    const { error } = await jsonOf(res);
    expect(error).toMatchObject({
      required_millicredits: minimum.toString(),
      available_millicredits: (minimum - 1n).toString(),
      max_output_tokens_assumed: MIN_OUTPUT,
    });
    expect(error.message).toContain('max_tokens of 256');
    expect(fake.calls).toHaveLength(0);

    // One millicredit more and the same call goes through, capped at what it pays for.
    await t.services.ledger.post({ accountId: user.id, type: 'BONUS', delta: 1n, counterparty: 'promotions', reason: 'test' });
    const ok = await rawChat(t, user.key, { model: 'pricey-model', messages: hi, max_tokens: 10_000 });
    expect(ok.status).toBe(200);
    expect(fake.calls[0].max_tokens).toBe(outputBudget(minimum, prompt, RATES));
    expect(outputBudget(minimum, prompt, RATES)).toBeGreaterThanOrEqual(MIN_OUTPUT);
  });
});

describe('the same on every surface', () => {
  const responsesPrompt = (input: string) => countParts(responsesPromptParts(parseResponsesRequest({ model: 'pricey-model', input })));

  it('responses: a 200-credit account\'s "hi" is answered, with max_output_tokens capped upstream', async () => {
    const balance = 200_000n;
    const user = await t.account(balance);
    const prompt = responsesPrompt('hi');
    fake.handler = (body, _req, res) => replyJson(res, 200, responseJson(body, 'Hello!', { input: prompt, output: 2 }));
    const { data, response } = await openaiClient(t, user.key).responses.create({ model: 'pricey-model', input: 'hi' }).withResponse();
    expect(data.output_text).toBe('Hello!');
    const capped = outputBudget(balance, prompt, RATES);
    expect(capped).toBeLessThan(PRICEY.maxOutputTokens);
    expect(response.headers.get('x-creditmeter-max-tokens-capped')).toBe(String(capped));
    expect(fake.calls[0].max_output_tokens).toBe(capped);
    const charged = worstCaseCost(prompt, 2, 1, RATES);
    expect(response.headers.get('x-creditmeter-charged-millicredits')).toBe(String(charged));
    expect(await balanceRow(t, user.id)).toEqual({ posted: balance - charged, pending: 0n });
  });

  it('responses with shrinking off: the 402 has every field and names max_output_tokens', async () => {
    const user = await t.account(200_000n);
    await t.gql(
      `mutation($id: ID!) { setProxySettings(accountId: $id, input: { shrinkHolds: false }) { shrinkHolds } }`,
      { id: user.id },
      user.key,
    );
    const res = await rawPost(t, '/v1/responses', user.key, { model: 'pricey-model', input: 'hi', max_output_tokens: 20_000 });
    expect(res.status).toBe(402);
    const { error } = await jsonOf(res);
    expect(error).toMatchObject({
      code: 'insufficient_credits',
      required_millicredits: worstCaseCost(responsesPrompt('hi'), 20_000, 1, RATES).toString(),
      available_millicredits: '200000',
      max_output_tokens_assumed: 20_000,
    });
    expect(error.message).toContain('20,000 output tokens (your max_output_tokens)');
    expect(error.message).toContain('Send a smaller max_output_tokens');
    expect(fake.calls).toHaveLength(0);
  });

  it('embeddings: an input the balance cannot cover is refused with the same fields (no output assumed)', async () => {
    const input = 'ledger '.repeat(50);
    const prompt = countParts(embeddingsPromptParts(parseEmbeddingsRequest({ model: 'pricey-model', input })));
    const needed = worstCaseCost(prompt, 0, 1, RATES);
    const user = await t.account(needed - 1n);
    const res = await rawPost(t, '/v1/embeddings', user.key, { model: 'pricey-model', input });
    expect(res.status).toBe(402);
    const { error } = await jsonOf(res);
    expect(error).toMatchObject({
      required_millicredits: needed.toString(),
      available_millicredits: (needed - 1n).toString(),
      max_output_tokens_assumed: 0,
    });
    expect(error.message).toContain(`its prompt (${prompt} tokens)`);
    expect(fake.calls).toHaveLength(0);
    expect(await holdsOf(t, user.id)).toHaveLength(0);
  });
});

describe('shrunk holds under concurrency', () => {
  it('never overdraw: racing calls whose provider writes every token it is allowed charge exactly their usage, at most the balance', async () => {
    const prompt = promptOf(hi);
    const minimum = worstCaseCost(prompt, MIN_OUTPUT, 1, RATES);
    const seen = { shrunk: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.bigInt({ min: 100_000n, max: 1_500_000n }),
        fc.array(fc.integer({ min: 300, max: 3_000 }), { minLength: 4, maxLength: 16 }),
        async (balance, maxTokens) => {
          const user = await t.account(balance);
          fake.calls = [];
          // The provider writes every token it is allowed: a call costs all its output limit.
          const limitOf = (body: any): number => body.max_tokens ?? body.max_completion_tokens;
          fake.handler = (body, _req, res) => replyJson(res, 200, completionJson(body, 'x', { prompt, completion: limitOf(body) }));
          const statuses = await Promise.all(
            maxTokens.map((max_tokens) => rawChat(t, user.key, { model: 'pricey-model', messages: hi, max_tokens }).then((r) => r.status)),
          );
          expect(statuses.every((s) => s === 200 || s === 402)).toBe(true);
          const charges = (await usageRows(t, user.id)).map((u) => BigInt(u.charged));
          const total = charges.reduce((a, b) => a + b, 0n);
          const after = await balanceRow(t, user.id);
          expect(charges).toHaveLength(statuses.filter((s) => s === 200).length);
          expect(charges.length).toBeGreaterThan(0);
          expect(total).toBeLessThanOrEqual(balance);
          expect(after).toEqual({ posted: balance - total, pending: 0n });
          expect(await postingsSum(t, user.id)).toBe(after.posted);
          // What the provider was allowed always fit the hold: every charge is its usage's exact price, never cut to the hold.
          const priced = fake.calls.map((body) => worstCaseCost(prompt, limitOf(body), 1, RATES)).sort((a, b) => (a < b ? -1 : 1));
          expect([...charges].sort((a, b) => (a < b ? -1 : 1))).toEqual(priced);
          const holds = await holdsOf(t, user.id);
          for (const h of holds) expect(BigInt(h.charged!)).toBeLessThanOrEqual(BigInt(h.amount));
          seen.shrunk += holds.filter((h) => h.partial).length;
          seen.refused += statuses.filter((s) => s === 402).length;
          // A refusal only when what was left could not pay for the prompt and the smallest useful answer
          // (settles may have given back less than one output token's price per call since).
          if (statuses.includes(402))
            expect(after.posted).toBeLessThan(minimum + BigInt(maxTokens.length) * (RATES.outputPer1k / 1000n + 1n));
        },
      ),
      // The first example: one call fits, the next shrinks to what is left, the rest are refused.
      { numRuns: 8, examples: [[200_000n, [3_000, 3_000, 3_000, 3_000, 3_000, 3_000]]] },
    );
    expect(seen.shrunk).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  });
});
