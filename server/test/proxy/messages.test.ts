import Anthropic, { APIError } from '@anthropic-ai/sdk';
import { countTokens } from 'gpt-tokenizer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { priceTokens } from '../../src/money/money.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { expectDocumentedBody } from '../http/openapi-support.js';
import { addMembers, fundedTeam, memberRow, postedOf } from '../teams/support.js';
import { anthropicError, messageJson, publishWithClaude, startFakeAnthropic, streamEvents, type FakeAnthropic } from './fake-anthropic.js';
import { balanceRow, holdsOf, jsonOf, settledHolds, usageRows } from './support.js';

let t: TestApp;
let fake: FakeAnthropic;

/** claude-test's rates in millicredits per 1k: input, cache read, 5-minute and 1-hour cache writes, output. */
const CLAUDE = {
  inputPer1k: 3000n,
  cachedInputPer1k: 300n,
  cacheWriteInputPer1k: 3750n,
  cacheWrite1hInputPer1k: 6000n,
  outputPer1k: 15000n,
};

beforeAll(async () => {
  fake = await startFakeAnthropic();
  t = await startTestApp({
    ANTHROPIC_API_KEY: 'sk-ant-fake-upstream',
    ANTHROPIC_BASE_URL: fake.url,
    PROXY_UPSTREAM_TIMEOUT_MS: 1500,
    HOLD_EXPIRY_INTERVAL_MS: 0,
  });
  await publishWithClaude(t);
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});
beforeEach(() => {
  fake.calls = [];
  fake.keys = [];
});

/** The official SDK pointed at the test server (1.17 sends `apiKey` as a bearer token). */
const claude = (key: string, headers: Record<string, string> = {}) =>
  new Anthropic({ baseURL: t.url, apiKey: key, maxRetries: 0, defaultHeaders: headers });
const messages = [{ role: 'user' as const, content: 'What is the capital of France?' }];
const rawMessages = (key: string | null, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${t.url}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}), ...headers },
    body: JSON.stringify(body),
  });

describe('POST /v1/messages, not streamed', () => {
  it('charges input, cache reads, 5-minute and 1-hour cache writes and output each at its rate, exactly', async () => {
    const user = await t.account(1_000_000n);
    fake.handler = (body, _req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/json', 'request-id': 'req_fake_anthropic' })
        .end(JSON.stringify(messageJson(body, 'Paris.', { input: 101, cacheRead: 2001, cache5m: 500, cache1h: 200, output: 57 })));
    };
    const { data, response } = await claude(user.key)
      .messages.create({ model: 'claude-test', max_tokens: 8000, system: 'Be brief.', messages })
      .withResponse();

    expect(data.content).toEqual([{ type: 'text', text: 'Paris.' }]);
    expect(data.usage).toMatchObject({ input_tokens: 101, cache_read_input_tokens: 2001, output_tokens: 57 });
    // 101 x 3000 + 2001 x 300 + 500 x 3750 + 200 x 6000 + 57 x 15000 = 4,833,300 / 1000 -> 4834
    expect(response.headers.get('x-creditmeter-charged-millicredits')).toBe('4834');
    expect(Number(response.headers.get('x-creditmeter-overhead-ms'))).toBeGreaterThanOrEqual(0);
    expect(response.headers.get('server-timing')).toMatch(/hold;dur=.*upstream;dur=/);
    const holdId = response.headers.get('x-creditmeter-request-id');
    // The gateway's own key goes upstream, never the client's; max_tokens capped at the model's 4096.
    expect(fake.keys).toEqual(['sk-ant-fake-upstream']);
    expect(fake.calls[0]).toMatchObject({ model: 'claude-test', max_tokens: 4096, system: 'Be brief.' });

    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - 4834n, pending: 0n });
    const [row] = await usageRows(t, user.id);
    expect(row).toMatchObject({
      source: 'PROXY',
      input_tokens: '101',
      cached_input_tokens: '2001',
      output_tokens: '57',
      cache_write_input_tokens: '500',
      cache_write_1h_input_tokens: '200',
      charged: '4834',
      request_id: 'req_fake_anthropic',
    });
    // COGS: 101 x 3000 + 2001 x 300 + 500 x 3750 + 200 x 6000 + 57 x 15000 micro-dollars / 1000
    expect(row.cost_micro_usd).toBe('4834');
    const [hold] = await holdsOf(t, user.id);
    expect(hold).toMatchObject({ id: holdId, state: 'SETTLED', charged: '4834' });
  });

  it('accepts the key as x-api-key (older SDKs, curl) as well as a bearer token, and refuses a bad key with 401 in Anthropic’s shape', async () => {
    const user = await t.account(1_000_000n);
    fake.handler = (body, _req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(messageJson(body, 'Hi', { input: 10, output: 2 })));
    };
    const byHeader = new Anthropic({
      baseURL: t.url,
      apiKey: null,
      authToken: null,
      defaultHeaders: { 'X-Api-Key': user.key },
      maxRetries: 0,
    });
    const { response } = await byHeader.messages.create({ model: 'claude-test', max_tokens: 50, messages }).withResponse();
    expect(response.headers.get('x-creditmeter-charged-millicredits')).toBe('60'); // 10 x 3000 + 2 x 15000
    const byBearer = new Anthropic({ baseURL: t.url, apiKey: null, authToken: user.key, maxRetries: 0 });
    expect((await byBearer.messages.create({ model: 'claude-test', max_tokens: 50, messages })).content).toEqual([
      { type: 'text', text: 'Hi' },
    ]);

    const err = await claude('cm_not_a_key')
      .messages.create({ model: 'claude-test', max_tokens: 50, messages })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.AuthenticationError);
    expect((err as APIError).error).toMatchObject({ type: 'error', error: { type: 'authentication_error', code: 'invalid_api_key' } });
    const noKey = await rawMessages(null, { model: 'claude-test', max_tokens: 50, messages });
    expect(noKey.status).toBe(401);
    expect((await jsonOf(noKey)).error.message).toContain('x-api-key');
    expect(fake.calls).toHaveLength(2);
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - 120n, pending: 0n });
  });

  it('answers 400 in Anthropic’s shape for a request Anthropic would refuse, before any hold', async () => {
    const user = await t.account(1_000_000n);
    const res = await rawMessages(user.key, { model: 'claude-test', messages });
    expect(res.status).toBe(400);
    expect(await jsonOf(res)).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', code: 'invalid_request', message: 'max_tokens: Field required' },
    });
    const notJson = await fetch(`${t.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': user.key },
      body: '{"model":',
    });
    expect(notJson.status).toBe(400);
    expect((await jsonOf(notJson)).error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_json' });
    expect(fake.calls).toHaveLength(0);
    expect(await holdsOf(t, user.id)).toHaveLength(0);
  });

  it('402 says insufficient_credits with a credits_url, in Anthropic’s shape, and calls no provider', async () => {
    const user = await t.account(100n);
    const err = await claude(user.key, { 'X-Return-To': '/app/chat' })
      .messages.create({ model: 'claude-test', max_tokens: 1000, messages })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect((err as APIError).status).toBe(402);
    expect((err as APIError).error).toMatchObject({
      type: 'error',
      error: { type: 'billing_error', code: 'insufficient_credits', credits_url: expect.stringContaining('/credits') },
    });
    expect(JSON.stringify((err as APIError).error)).toContain(encodeURIComponent('/app/chat'));
    const doc = await jsonOf(await fetch(`${t.url}/openapi.json`));
    expectDocumentedBody(doc, 'post', '/v1/messages', 402, (err as APIError).error);
    expect(fake.calls).toHaveLength(0);
  });

  it('shrinks a hold the balance cannot cover in full, writing the capped max_tokens into the upstream body', async () => {
    const user = await t.account(20_000n); // 4,000 output tokens at 15 credits/1k would need 60,000
    fake.handler = (body, _req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(messageJson(body, 'Hi', { input: 10, output: 2 })));
    };
    const { response } = await claude(user.key).messages.create({ model: 'claude-test', max_tokens: 4000, messages }).withResponse();
    const capped = Number(response.headers.get('x-creditmeter-max-tokens-capped'));
    expect(capped).toBeGreaterThan(0);
    expect(capped).toBeLessThan(4000);
    expect(fake.calls[0].max_tokens).toBe(capped);
    expect(response.headers.get('x-creditmeter-hold-millicredits')).toBe('20000');
    expect(response.headers.get('x-creditmeter-charged-millicredits')).toBe('60');
    expect(response.headers.get('x-creditmeter-balance-millicredits')).toBe(String(20_000 - 60));
    expect(await balanceRow(t, user.id)).toEqual({ posted: 20_000n - 60n, pending: 0n });
  });

  it('refuses an unknown model 404 and a model of the other provider 400 naming the right endpoint; nothing held', async () => {
    const user = await t.account(1_000_000n);
    const unknown = await rawMessages(user.key, { model: 'claude-nope', max_tokens: 10, messages });
    expect(unknown.status).toBe(404);
    expect((await jsonOf(unknown)).error).toMatchObject({ type: 'not_found_error', code: 'model_not_found' });

    const openAiModel = await rawMessages(user.key, { model: 'test-model', max_tokens: 10, messages });
    expect(openAiModel.status).toBe(400);
    expect((await jsonOf(openAiModel)).error.message).toContain('/v1/chat/completions');

    const onChat = await fetch(`${t.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user.key}` },
      body: JSON.stringify({ model: 'claude-test', messages }),
    });
    expect(onChat.status).toBe(400);
    expect((await jsonOf(onChat)).error.message).toContain('POST /v1/messages');
    expect(fake.calls).toHaveLength(0);
    expect(await holdsOf(t, user.id)).toHaveLength(0);
  });

  it('a provider error charges nothing and holds nothing (5xx -> 502, a 4xx passes through)', async () => {
    const user = await t.account(500_000n);
    fake.handler = (_body, _req, res) => anthropicError(res, 529, 'overloaded_error', 'Overloaded');
    const failed = await claude(user.key)
      .messages.create({ model: 'claude-test', max_tokens: 50, messages })
      .catch((e: unknown) => e);
    expect((failed as APIError).status).toBe(502);
    expect((failed as APIError).error).toMatchObject({ type: 'error', error: { type: 'api_error', code: 'upstream_error' } });

    fake.handler = (_body, _req, res) => anthropicError(res, 400, 'invalid_request_error', 'messages.0.content: bad block');
    const refused = await claude(user.key)
      .messages.create({ model: 'claude-test', max_tokens: 50, messages })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Anthropic.BadRequestError);
    expect((refused as APIError).error).toMatchObject({
      error: { type: 'invalid_request_error', message: 'messages.0.content: bad block' },
    });

    expect(fake.calls).toHaveLength(2);
    expect(await balanceRow(t, user.id)).toEqual({ posted: 500_000n, pending: 0n });
    expect((await holdsOf(t, user.id)).map((h) => h.state)).toEqual(['VOIDED', 'VOIDED']);
    expect(await usageRows(t, user.id)).toHaveLength(0);
  });
});

describe('POST /v1/messages, streamed', () => {
  const pieces = ['The', ' capital', ' is', ' Paris', '.'];

  it('forwards Anthropic’s events and puts the charge in the final message_delta’s usage', async () => {
    const user = await t.account(1_000_000n);
    // Only the cache-creation total (no TTL breakdown): charged as 5-minute writes.
    fake.handler = (body, _req, res) =>
      streamEvents(body, res, { pieces, usage: { input: 300, cacheRead: 100, cache5m: 50, cacheCreationOnly: true, output: 5 } });
    const { data: stream, response } = await claude(user.key)
      .messages.create({ model: 'claude-test', max_tokens: 200, messages, stream: true })
      .withResponse();
    const events: any[] = [];
    for await (const event of stream) events.push(event);

    expect(events.map((e) => e.type)).toEqual([
      'message_start',
      'content_block_start',
      ...pieces.map(() => 'content_block_delta'),
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(events.map((e) => e.delta?.text ?? '').join('')).toBe('The capital is Paris.');
    const delta = events.find((e) => e.type === 'message_delta');
    // 300 x 3000 + 100 x 300 + 50 x 3750 + 5 x 15000 = 1,192,500 -> 1193
    expect(delta.usage).toMatchObject({
      output_tokens: 5,
      creditmeter: { charged_millicredits: '1193', estimated: false, simulated: false },
    });
    expect(delta.delta.stop_reason).toBe('end_turn');
    expect(response.headers.get('x-creditmeter-request-id')).toBeTruthy();
    expect(fake.calls[0]).toMatchObject({ stream: true, max_tokens: 200 });
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - 1193n, pending: 0n });
  });

  it('works with the SDK’s stream helper (finalMessage)', async () => {
    const user = await t.account(1_000_000n);
    fake.handler = (body, _req, res) => streamEvents(body, res, { pieces, usage: { input: 20, output: 5 } });
    const message = await claude(user.key).messages.stream({ model: 'claude-test', max_tokens: 200, messages }).finalMessage();
    expect(message.content).toEqual([{ type: 'text', text: 'The capital is Paris.' }]);
    expect(message.usage.output_tokens).toBe(5);
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - 135n, pending: 0n }); // 20 x 3000 + 5 x 15000
  });

  /** What a cut stream is charged: the input message_start reported, the output the gateway counted. */
  const cutCharge = (output: number) =>
    priceTokens({ inputTokens: 300n, cachedInputTokens: 100n, cacheWriteInputTokens: 50n, outputTokens: BigInt(output) }, CLAUDE);

  it('charges a stream the client abandons for what was produced, never above the hold', async () => {
    const user = await t.account(1_000_000n);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const upstreamDone = new Promise<{ written: number; left: boolean }>((resolve) => {
      fake.handler = (body, _req, res) =>
        streamEvents(body, res, {
          pieces: ['Hello', ' world', ...Array.from({ length: 50 }, () => ' more')],
          usage: { input: 300, cacheRead: 100, cache5m: 50, output: 52 },
          gate,
          gateAfter: 2,
          onDone: (written, left) => resolve({ written, left }),
        });
    });
    const stream = await claude(user.key).messages.create({ model: 'claude-test', max_tokens: 200, messages, stream: true });
    let text = '';
    for await (const event of stream) {
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
      if (text === 'Hello world') break; // leaves: the SDK aborts the request
    }
    const [hold] = await settledHolds(t, user.id);
    release();
    expect(await upstreamDone).toEqual({ written: 2, left: true });
    const charged = cutCharge(countTokens('Hello world'));
    expect(hold).toMatchObject({ state: 'SETTLED', charged: charged.toString() });
    expect(charged).toBeLessThanOrEqual(BigInt(hold.amount));
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - charged, pending: 0n });
  });

  it('charges a stream the provider drops mid-way for what was produced, and tells the client', async () => {
    const user = await t.account(1_000_000n);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    fake.handler = (body, _req, res) =>
      streamEvents(body, res, {
        pieces: ['Hello', ' world', ' again'],
        usage: { input: 300, cacheRead: 100, cache5m: 50, output: 3 },
        gate,
        gateAfter: 2,
        dieAfter: 2,
      });
    const stream = await claude(user.key).messages.create({ model: 'claude-test', max_tokens: 200, messages, stream: true });
    const seen: any[] = [];
    const err = await (async () => {
      for await (const event of stream) {
        seen.push(event);
        // Both pieces reached the client: now the provider's connection dies.
        if (seen.filter((e) => e.type === 'content_block_delta').length === 2) release();
      }
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect((err as APIError).error).toMatchObject({ type: 'error', error: { type: 'api_error', code: 'upstream_error' } });
    expect(seen.filter((e) => e.type === 'content_block_delta')).toHaveLength(2);
    const charged = cutCharge(countTokens('Hello world'));
    expect((err as APIError).error).toMatchObject({
      error: { creditmeter: { charged_millicredits: charged.toString(), estimated: true } },
    });
    const [hold] = await settledHolds(t, user.id);
    expect(hold).toMatchObject({ state: 'SETTLED', charged: charged.toString() });
    expect(charged).toBeLessThanOrEqual(BigInt(hold.amount));
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - charged, pending: 0n });
  });
});

describe('POST /v1/messages under the same limits as chat', () => {
  it('a team member’s call is refused past their allocation, before any provider call, and charges the team within it', async () => {
    const { teamId, owner } = await fundedTeam(t, 1_000_000n);
    const [small] = await addMembers(t, teamId, owner.key, 1, 100n);
    const refused = await rawMessages(small.key, { model: 'claude-test', max_tokens: 50, messages }, { 'X-Team-Id': teamId });
    expect(refused.status).toBe(402);
    expect((await jsonOf(refused)).error).toMatchObject({ type: 'billing_error', code: 'spend_cap_exceeded' });
    expect(fake.calls).toHaveLength(0);

    const [member] = await addMembers(t, teamId, owner.key, 1, 100_000n);
    fake.handler = (body, _req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(messageJson(body, 'Hi', { input: 10, output: 2 })));
    };
    const ok = await claude(member.key, { 'X-Team-Id': teamId }).messages.create({ model: 'claude-test', max_tokens: 50, messages });
    expect(ok.content).toEqual([{ type: 'text', text: 'Hi' }]);
    expect(await postedOf(t, teamId)).toBe(1_000_000n - 60n);
    expect(await memberRow(t, teamId, member.id)).toMatchObject({ spent: 60n, held: 0n });
  });

  it('a session’s cumulative cap stops the call that would pass it', async () => {
    const user = await t.account(10_000_000n);
    fake.handler = (body, _req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(messageJson(body, 'Hi', { input: 10, output: 2 })));
    };
    const body = { model: 'claude-test', max_tokens: 10, messages };
    const first = await rawMessages(user.key, body, { 'X-Session-Id': 's-1', 'X-Session-Spend-Cap-Millicredits': '100000' });
    expect(first.status).toBe(200);
    const hold = BigInt(first.headers.get('x-creditmeter-hold-millicredits')!);
    // The cap leaves room for the first call's 60 and less than a second call's worst case.
    const cap = String(60n + hold - 1n);
    const second = await rawMessages(user.key, body, { 'X-Session-Id': 's-2', 'X-Session-Spend-Cap-Millicredits': cap });
    expect(second.status).toBe(200);
    const third = await rawMessages(user.key, body, { 'X-Session-Id': 's-2', 'X-Session-Spend-Cap-Millicredits': cap });
    expect(third.status).toBe(402);
    expect((await jsonOf(third)).error).toMatchObject({ type: 'billing_error', code: 'spend_cap_exceeded', scope: 'session' });
    expect(fake.calls).toHaveLength(2);
    expect(await balanceRow(t, user.id)).toEqual({ posted: 10_000_000n - 120n, pending: 0n });
  });
});
