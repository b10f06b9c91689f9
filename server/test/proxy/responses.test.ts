import { countTokens } from 'gpt-tokenizer';
import { describe, expect, it } from 'vitest';
import { countParts, outputBudget, worstCaseCost } from '../../src/proxy/proxy.rules.js';
import { parseServerTiming } from '../../src/proxy/server-timing.js';
import { parseResponsesRequest, responsesPromptParts } from '../../src/proxy/surfaces/responses.rules.js';
import { TEST_RATES, type TestApp } from '../support/harness.js';
import { addMembers, fundedTeam, memberRow, postedOf } from '../teams/support.js';
import { embeddingsJson, replyJson, responseJson, streamResponses, type FakeOpenAi } from './fake-openai.js';
import { availableOf, balanceRow, holdsOf, jsonOf, openaiClient, rawPost, settledHolds, usageRows, withFakeOpenAi } from './support.js';

let t: TestApp;
let fake: FakeOpenAi;
withFakeOpenAi((app, upstream) => {
  t = app;
  fake = upstream;
});

const input = 'What is the capital of France?';
const RATES = { inputPer1k: 2400n, cachedInputPer1k: 1200n, outputPer1k: 9600n };
/** test-model: input 2.400, cached 1.200, output 9.600 credits per 1k; no cache-write rate (falls back to input). */
const price = (u: { input: number; cached: number; cacheWrite: number; output: number }) =>
  BigInt(Math.ceil(((u.input - u.cached - u.cacheWrite) * 2400 + u.cached * 1200 + u.cacheWrite * 2400 + u.output * 9600) / 1000));

describe('POST /v1/responses (non-streaming)', () => {
  it('charges every token class exactly, caps max_output_tokens, and says the balance left', async () => {
    const user = await t.account(1_000_000n);
    const usage = { input: 1500, cached: 300, cacheWrite: 200, output: 121, reasoning: 80 };
    fake.handler = (body, _req, res) => replyJson(res, 200, responseJson(body, 'Paris.', usage));
    const { data, response } = await openaiClient(t, user.key)
      .responses.create({ model: 'test-model', input, instructions: 'Be brief.', max_output_tokens: 100_000 })
      .withResponse();

    expect(data.output_text).toBe('Paris.');
    expect(data.usage).toMatchObject({ input_tokens: 1500, output_tokens: 121, output_tokens_details: { reasoning_tokens: 80 } });
    expect(fake.paths).toEqual(['/v1/responses']);
    // The model's server-side cap (4096) replaces the client's 100,000.
    expect(fake.calls[0]).toMatchObject({ model: 'test-model', input, instructions: 'Be brief.', max_output_tokens: 4096 });
    // (1000 x 2400 + 300 x 1200 + 200 x 2400 + 121 x 9600) / 1000 = 4401.6 -> 4402
    const charged = price(usage);
    expect(charged).toBe(4402n);
    expect(response.headers.get('x-creditmeter-charged-millicredits')).toBe('4402');
    expect(response.headers.get('x-creditmeter-balance-millicredits')).toBe(String(await availableOf(t, user.id)));
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - 4402n, pending: 0n });
    expect([...parseServerTiming(response.headers.get('server-timing')).keys()]).toEqual([
      'admission',
      'auth',
      'checks',
      'tokens',
      'hold',
      'upstream',
      'settle',
    ]);
    const [row] = await usageRows(t, user.id);
    expect(row).toMatchObject({ source: 'PROXY', model: 'test-model', cached_input_tokens: '300', output_tokens: '121', charged: '4402' });
    expect(row.request_id).toBe('req_fake_123');
    const [hold] = await holdsOf(t, user.id);
    expect(hold).toMatchObject({ state: 'SETTLED', charged: '4402' });
  });

  it('voids the hold and charges nothing when the provider fails', async () => {
    const user = await t.account(500_000n);
    fake.handler = (_body, _req, res) => replyJson(res, 500, { error: { message: 'boom', type: 'server_error' } });
    const res = await rawPost(t, '/v1/responses', user.key, { model: 'test-model', input });
    expect(res.status).toBe(502);
    expect((await jsonOf(res)).error).toMatchObject({ type: 'upstream_error', code: 'upstream_error' });
    expect(res.headers.get('x-creditmeter-charged-millicredits')).toBe('0');
    expect(res.headers.get('x-creditmeter-balance-millicredits')).toBe('500000');
    expect(fake.calls).toHaveLength(1);
    expect(await balanceRow(t, user.id)).toEqual({ posted: 500_000n, pending: 0n });
    expect((await holdsOf(t, user.id)).map((h) => h.state)).toEqual(['VOIDED']);
    expect(await usageRows(t, user.id)).toHaveLength(0);
  });

  it('refuses an unknown or disabled model, and state kept at the provider, before any provider call', async () => {
    const user = await t.account(1_000_000n);
    const unknown = await openaiClient(t, user.key)
      .responses.create({ model: 'no-such-model', input })
      .catch((e) => e);
    expect(unknown.status).toBe(404);
    expect(unknown.error).toMatchObject({ code: 'model_not_found' });

    expect((await t.gql(`mutation { setModelEnabled(model: "cheap-model", enabled: false) { enabled } }`)).errors).toBeUndefined();
    try {
      const disabled = await rawPost(t, '/v1/responses', user.key, { model: 'cheap-model', input });
      expect(disabled.status).toBe(403);
      expect((await jsonOf(disabled)).error.code).toBe('model_disabled');
    } finally {
      await t.gql(`mutation { setModelEnabled(model: "cheap-model", enabled: true) { enabled } }`);
    }

    const chained = await rawPost(t, '/v1/responses', user.key, { model: 'test-model', input, previous_response_id: 'resp_123' });
    expect(chained.status).toBe(400);
    expect((await jsonOf(chained)).error).toMatchObject({ code: 'invalid_request', param: 'previous_response_id' });
    expect((await rawPost(t, '/v1/responses', user.key, { model: 'test-model', input: [] })).status).toBe(400);
    expect((await rawPost(t, '/v1/responses', user.key, { model: 'test-model', input, max_output_tokens: 0 })).status).toBe(400);

    expect(fake.calls).toHaveLength(0);
    expect(await holdsOf(t, user.id)).toHaveLength(0);
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n, pending: 0n });
  });

  it('holds the worst case of the prompt and max_output_tokens; short of it, shrinks max_output_tokens or refuses naming it', async () => {
    const user = await t.account(3_000n);
    fake.handler = (body, _req, res) => replyJson(res, 200, responseJson(body, 'ok', { input: 10, output: 1 }));
    // 300 output tokens x 9.6 = 2,880 plus a small prompt: covered in full.
    const full = await rawPost(t, '/v1/responses', user.key, { model: 'test-model', input: 'hi', max_output_tokens: 300 });
    expect(full.status).toBe(200);
    const prompt = countParts(responsesPromptParts(parseResponsesRequest({ model: 'test-model', input: 'hi' })));
    expect(full.headers.get('x-creditmeter-hold-millicredits')).toBe(worstCaseCost(prompt, 300, 1, RATES).toString());
    expect(full.headers.get('x-creditmeter-max-tokens-capped')).toBeNull();
    expect(fake.calls[0].max_output_tokens).toBe(300);
    const left = 3_000n - 34n; // 10 x 2.4 + 1 x 9.6 = 33.6 -> 34
    expect(full.headers.get('x-creditmeter-balance-millicredits')).toBe(String(left));

    // The model's 4,096 would need ~39,000: the hold shrinks to the balance and the limit follows.
    const shrunk = await rawPost(t, '/v1/responses', user.key, { model: 'test-model', input: 'hi' });
    expect(shrunk.status).toBe(200);
    expect(shrunk.headers.get('x-creditmeter-hold-millicredits')).toBe(String(left));
    const capped = outputBudget(left, prompt, RATES);
    expect(capped).toBeGreaterThan(256);
    expect(capped).toBeLessThan(4096);
    expect(shrunk.headers.get('x-creditmeter-max-tokens-capped')).toBe(String(capped));
    expect(fake.calls[1].max_output_tokens).toBe(capped);

    const poor = await t.account(100n);
    const refused = await rawPost(t, '/v1/responses', poor.key, { model: 'test-model', input: 'hi' });
    expect(refused.status).toBe(402);
    const error = (await jsonOf(refused)).error;
    expect(error.code).toBe('insufficient_credits');
    expect(error.message).toContain('max_output_tokens');
    expect(fake.calls).toHaveLength(2);
  });
});

describe('POST /v1/responses (streaming)', () => {
  const pieces = ['The', ' capital', ' is', ' Paris', '.'];

  it('forwards the named events and puts the charge and balance in response.completed', async () => {
    const user = await t.account(1_000_000n);
    const usage = { input: 300, cached: 100, cacheWrite: 50, output: 7, reasoning: 2 };
    fake.handler = (body, _req, res) => streamResponses(body, res, { pieces, usage });
    const { data: stream, response } = await openaiClient(t, user.key)
      .responses.create({ model: 'test-model', input, stream: true })
      .withResponse();
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events: any[] = [];
    for await (const event of stream) events.push(event);

    expect(events.map((e) => e.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      ...pieces.map(() => 'response.output_text.delta'),
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(
      events
        .filter((e) => e.type === 'response.output_text.delta')
        .map((e) => e.delta)
        .join(''),
    ).toBe('The capital is Paris.');
    const completed = events.at(-1);
    expect(completed.response.usage).toMatchObject({ input_tokens: 300, output_tokens: 7 });
    // (150 x 2400 + 100 x 1200 + 50 x 2400 + 7 x 9600) / 1000 = 667.2 -> 668
    expect(price(usage)).toBe(668n);
    expect(completed.creditmeter).toMatchObject({ charged_millicredits: '668', estimated: false, simulated: false });
    expect(fake.calls[0]).toMatchObject({ stream: true, max_output_tokens: 4096 });
    expect(completed.creditmeter.balance_millicredits).toBe(String(await availableOf(t, user.id)));
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - 668n, pending: 0n });
    expect((await usageRows(t, user.id))[0]).toMatchObject({ charged: '668', request_id: 'req_fake_responses' });
  });

  it('charges a client that leaves mid-stream for what was produced, never more than the hold', async () => {
    const user = await t.account(1_000_000n);
    let written = -1;
    const done = new Promise<void>((resolve) => {
      fake.handler = (body, _req, res) =>
        streamResponses(body, res, {
          pieces: Array.from({ length: 200 }, () => ' hello'),
          usage: { input: 20, output: 200 },
          delayMs: 15,
          onDone: (n) => {
            written = n;
            resolve();
          },
        });
    });
    const stream = await openaiClient(t, user.key).responses.create({ model: 'test-model', input, stream: true, max_output_tokens: 1000 });
    let seen = 0;
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta') seen++;
      if (seen === 5) {
        stream.controller.abort();
        break;
      }
    }
    await done;
    const [hold] = await settledHolds(t, user.id);
    expect(hold.state).toBe('SETTLED');
    const [row] = await usageRows(t, user.id);
    const output = Number(row.output_tokens);
    expect(output).toBeGreaterThanOrEqual(5);
    expect(output).toBeLessThanOrEqual(written);
    const charged = BigInt(row.charged);
    expect(charged).toBe(BigInt(Math.ceil((Number(row.input_tokens) * 2400 + output * 9600) / 1000)));
    expect(charged).toBeLessThanOrEqual(BigInt(hold.amount));
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - charged, pending: 0n });
  });

  it('cuts a stream at a partial hold and closes it with response.incomplete, charging what was produced', async () => {
    const balance = 3_000n;
    const user = await t.account(balance);
    const admin = (await t.services.auth.authenticate(t.adminKey))!;
    await t.services.proxySettings.set(admin, user.id, { streamingHolds: true, minOutputTokens: 50 });
    // A provider that ignores max_output_tokens: only the proxy's own count can stop it.
    fake.handler = (body, _req, res) =>
      streamResponses(body, res, { pieces: Array.from({ length: 2000 }, () => ' word'), usage: { input: 20, output: 2000 } });
    const { data: stream, response } = await openaiClient(t, user.key)
      .responses.create({ model: 'test-model', input, stream: true })
      .withResponse();
    expect(response.headers.get('x-creditmeter-hold-millicredits')).toBe(String(balance));
    const events: any[] = [];
    for await (const event of stream) events.push(event);

    const budget = fake.calls[0].max_output_tokens;
    expect(budget).toBeLessThan(4096);
    const text = events
      .filter((e) => e.type === 'response.output_text.delta')
      .map((e) => e.delta)
      .join('');
    expect(countTokens(text)).toBeLessThanOrEqual(budget);
    expect(countTokens(text)).toBeGreaterThan(budget - 5);
    const last = events.at(-1);
    expect(last.type).toBe('response.incomplete');
    expect(last.response).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
    expect(last.response.output[0].content[0].text).toBe(text);
    expect(last.response.usage.output_tokens).toBe(countTokens(text));
    const charged = BigInt(last.creditmeter.charged_millicredits);
    expect(charged).toBeLessThanOrEqual(balance);
    expect(last.creditmeter.estimated).toBe(true);

    const [hold] = await settledHolds(t, user.id);
    expect(hold).toMatchObject({ state: 'SETTLED', partial: true, charged: String(charged) });
    expect(await balanceRow(t, user.id)).toEqual({ posted: balance - charged, pending: 0n });
    expect(last.creditmeter.balance_millicredits).toBe(String(balance - charged));
  });

  for (const event of ['error', 'response.failed'] as const) {
    it(`charges nothing and holds nothing when the provider fails mid-stream (${event})`, async () => {
      const user = await t.account(500_000n);
      fake.handler = (body, _req, res) =>
        streamResponses(body, res, { pieces, usage: { input: 300, output: 7 }, failAfter: { pieces: 2, event } });
      const stream = await openaiClient(t, user.key).responses.create({ model: 'test-model', input, stream: true });
      const events: any[] = [];
      for await (const e of stream) events.push(e);
      expect(events.filter((e) => e.type === 'response.output_text.delta')).toHaveLength(2);
      expect(events.at(-1)).toMatchObject({ type: 'error', code: 'upstream_error' });
      expect(events.some((e) => e.type === 'response.failed' || e.type === 'response.completed')).toBe(false);
      const [hold] = await settledHolds(t, user.id);
      expect(hold.state).toBe('VOIDED');
      expect(await balanceRow(t, user.id)).toEqual({ posted: 500_000n, pending: 0n });
      expect(await usageRows(t, user.id)).toHaveLength(0);
    });
  }

  it('voids the hold when the provider refuses the stream before it starts', async () => {
    const user = await t.account(500_000n);
    fake.handler = (_body, _req, res) => replyJson(res, 503, { error: { message: 'overloaded' } });
    const err = await openaiClient(t, user.key)
      .responses.create({ model: 'test-model', input, stream: true })
      .catch((e) => e);
    expect(err.status).toBe(502);
    expect(await balanceRow(t, user.id)).toEqual({ posted: 500_000n, pending: 0n });
    expect((await holdsOf(t, user.id)).map((h) => h.state)).toEqual(['VOIDED']);
  });
});

describe('a team call on the Responses and embeddings surfaces', () => {
  it("charges the team inside the member's allocation, and the balance header is the team's", async () => {
    const { teamId, owner } = await fundedTeam(t, 1_000_000n);
    // An allocation of 20,000: room for the small calls below, not for a 4,096-token worst case (~39,000).
    const [member] = await addMembers(t, teamId, owner.key, 1, 20_000n, 50_000n);
    const team = { 'x-team-id': teamId };
    const usage = { input: 1000, cached: 0, cacheWrite: 0, output: 10 };
    fake.handler = (body, _req, res) => replyJson(res, 200, responseJson(body, 'Paris.', usage));
    const answered = await rawPost(t, '/v1/responses', member.key, { model: 'test-model', input, max_output_tokens: 50 }, team);
    expect(answered.status).toBe(200);
    const call = price(usage); // 1000 x 2.4 + 10 x 9.6 = 2496
    expect(answered.headers.get('x-creditmeter-charged-millicredits')).toBe(String(call));
    expect(answered.headers.get('x-creditmeter-balance-millicredits')).toBe(String(1_000_000n - call));

    fake.handler = (body, _req, res) => replyJson(res, 200, embeddingsJson(body, 500));
    const embedded = await rawPost(t, '/v1/embeddings', member.key, { model: 'test-model', input: 'ledger' }, team);
    expect(embedded.status).toBe(200);
    expect(embedded.headers.get('x-creditmeter-balance-millicredits')).toBe(String(1_000_000n - call - 1200n)); // 500 x 2.4

    expect(await postedOf(t, teamId)).toBe(1_000_000n - call - 1200n);
    expect(await postedOf(t, member.id)).toBe(50_000n);
    expect(await memberRow(t, teamId, member.id)).toMatchObject({ spent: call + 1200n, held: 0n });

    const calls = fake.calls.length;
    const refused = await rawPost(t, '/v1/responses', member.key, { model: 'test-model', input }, team);
    expect(refused.status).toBe(402);
    expect(fake.calls).toHaveLength(calls);
    expect(await postedOf(t, teamId)).toBe(1_000_000n - call - 1200n);
  });
});

describe('a model with its own cache-write rate', () => {
  it('charges uncached input, cache reads, cache writes and output each at its rate, streamed and not, and stores every class', async () => {
    const admin = (await t.services.auth.authenticate(t.adminKey))!;
    const card = (await t.services.rateCards.cards()).find((c) => c.active)!;
    await t.services.rateCards.publish(admin, {
      name: 'with cache writes',
      rates: [
        ...TEST_RATES,
        {
          model: 'cache-model',
          inputPer1k: '3.000',
          cachedInputPer1k: '0.300',
          cacheWriteInputPer1k: '3.750',
          outputPer1k: '15.000',
          costInputPer1kUsd: '0.003000',
          costOutputPer1kUsd: '0.015000',
        },
      ],
    });
    try {
      const user = await t.account(1_000_000n);
      const usage = { input: 1500, cached: 300, cacheWrite: 200, output: 121, reasoning: 80 };
      // 1000 x 3,000 + 300 x 300 + 200 x 3,750 + 121 x 15,000 = 5,655,000 -> 5,655 (reasoning inside output)
      const expected = 5655n;
      fake.handler = (body, _req, res) => replyJson(res, 200, responseJson(body, 'Paris.', usage));
      const { response } = await openaiClient(t, user.key).responses.create({ model: 'cache-model', input }).withResponse();
      expect(response.headers.get('x-creditmeter-charged-millicredits')).toBe(String(expected));
      const [row] = await usageRows(t, user.id);
      expect(row).toMatchObject({
        input_tokens: '1000',
        cached_input_tokens: '300',
        cache_write_input_tokens: '200',
        output_tokens: '121',
        reasoning_tokens: '80',
        charged: String(expected),
      });

      fake.handler = (body, _req, res) => streamResponses(body, res, { pieces: ['Pa', 'ris.'], usage });
      const events: any[] = [];
      for await (const event of await openaiClient(t, user.key).responses.create({ model: 'cache-model', input, stream: true }))
        events.push(event);
      expect(events.at(-1).creditmeter.charged_millicredits).toBe(String(expected));
      expect(events.at(-1).creditmeter.balance_millicredits).toBe(String(1_000_000n - 2n * expected));
      expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - 2n * expected, pending: 0n });
    } finally {
      await t.services.rateCards.activate(admin, card.id);
    }
  });
});
