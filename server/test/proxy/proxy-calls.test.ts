import { APIError } from 'openai';
import { counters, counterValue } from '../../src/metrics/metrics.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { completionJson, replyJson, sleep, startFakeOpenAi, streamSse, type FakeOpenAi } from './fake-openai.js';
import { balanceRow, holdsOf, openaiClient, postingsSum, settledHolds, usageRows, jsonOf } from './support.js';

let t: TestApp;
let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
  t = await startTestApp({
    OPENAI_API_KEY: 'sk-fake-upstream',
    OPENAI_BASE_URL: `${fake.url}/v1`,
    PROXY_UPSTREAM_TIMEOUT_MS: 1500,
    HOLD_EXPIRY_INTERVAL_MS: 0,
  });
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});
beforeEach(() => {
  fake.calls = [];
});

const messages = [{ role: 'user' as const, content: 'What is the capital of France?' }];

describe('non-streaming chat completions', () => {
  it('charges exactly the reported usage, cached tokens at the cached rate, and releases the hold', async () => {
    const user = await t.account(1_000_000n);
    fake.handler = (body, _req, res) => replyJson(res, 200, completionJson(body, 'Paris.', { prompt: 1200, cached: 200, completion: 57 }));
    const deductedBefore = await counterValue(counters.creditsDeducted, { model: 'test-model' });
    const { data, response } = await openaiClient(t, user.key)
      .chat.completions.create({ model: 'test-model', messages, max_tokens: 100_000 })
      .withResponse();

    expect(data.choices[0].message.content).toBe('Paris.');
    expect(data.usage).toMatchObject({ prompt_tokens: 1200, completion_tokens: 57 });
    // (1000 x 2400 + 200 x 1200 + 57 x 9600) / 1000 = 3187.2 -> 3188
    expect(response.headers.get('x-creditmeter-charged-millicredits')).toBe('3188');
    expect(Number(response.headers.get('x-creditmeter-overhead-ms'))).toBeGreaterThanOrEqual(0);
    // The client asked 100,000 output tokens; the model's server-side cap is 4096.
    expect(fake.calls[0].max_tokens).toBe(4096);
    expect(fake.calls[0].max_completion_tokens).toBeUndefined();
    await t.services.proxy.settled(); // counted once the settle commits, just after the answer
    expect(await counterValue(counters.creditsDeducted, { model: 'test-model' })).toBeCloseTo(deductedBefore + 3.188, 9); // credits

    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - 3188n, pending: 0n });
    expect(await postingsSum(t, user.id)).toBe(1_000_000n - 3188n);
    const [row] = await usageRows(t, user.id);
    expect(row).toMatchObject({
      source: 'PROXY',
      input_tokens: '1000',
      cached_input_tokens: '200',
      output_tokens: '57',
      charged: '3188',
      request_id: 'req_fake_123',
    });
    // COGS: 1000 x 1000 + 200 x 500 + 57 x 4000 = 1,328,000 / 1000 micro-dollars
    expect(row.cost_micro_usd).toBe('1328');
    expect(row.latency_ms).toBeGreaterThanOrEqual(0);
    const [hold] = await holdsOf(t, user.id);
    expect(hold).toMatchObject({ state: 'SETTLED', charged: '3188' });
    expect(BigInt(hold.amount)).toBeGreaterThan(3188n);
  });

  it('caps both output limit fields when the client sends both, and never lets a non-boolean stream flag through', async () => {
    const user = await t.account(1_000_000n);
    fake.handler = (body, _req, res) => replyJson(res, 200, completionJson(body, 'ok', { prompt: 10, completion: 1 }));
    const res = await fetch(`${t.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user.key}` },
      body: JSON.stringify({
        model: 'test-model',
        messages,
        max_tokens: 9000,
        max_completion_tokens: 8000,
        stream: 'true',
        stream_options: { include_usage: true },
      }),
    });
    expect(res.status).toBe(200);
    expect(fake.calls[0]).toMatchObject({ max_tokens: 4096, max_completion_tokens: 4096, stream: false });
    expect(fake.calls[0].stream_options).toBeUndefined();
    expect(res.headers.get('x-creditmeter-charged-millicredits')).toBe('34'); // 10 x 2400 + 1 x 9600 = 33,600 -> 34
  });

  it('serves a free model (all rates zero) with a zero hold and a zero charge', async () => {
    const admin = (await t.services.auth.authenticate(t.adminKey))!;
    const card = (await t.services.rateCards.cards()).find((c) => c.active)!;
    const rates = (await t.services.rateCards.ratesOf(card.id)).map((r) => ({
      model: r.model,
      inputPer1k: '2.400',
      outputPer1k: '9.600',
      costInputPer1kUsd: '0.001',
      costOutputPer1kUsd: '0.004',
      maxOutputTokens: r.maxOutputTokens,
    }));
    await t.services.rateCards.publish(admin, {
      name: 'with a free model',
      rates: [
        ...rates.filter((r) => r.model !== 'free-model'),
        { model: 'free-model', inputPer1k: '0', outputPer1k: '0', costInputPer1kUsd: '0', costOutputPer1kUsd: '0', maxOutputTokens: null },
      ],
    });
    try {
      const user = await t.account(0n);
      fake.handler = (body, _req, res) => replyJson(res, 200, completionJson(body, 'free', { prompt: 10, completion: 3 }));
      const res = await fetch(`${t.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${user.key}` },
        body: JSON.stringify({ model: 'free-model', messages }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-creditmeter-charged-millicredits')).toBe('0');
      expect(await balanceRow(t, user.id)).toEqual({ posted: 0n, pending: 0n });
    } finally {
      await t.services.rateCards.activate(admin, card.id);
    }
  });

  it('voids the hold and charges nothing when the provider answers 500', async () => {
    const user = await t.account(500_000n);
    fake.handler = (_body, _req, res) => replyJson(res, 500, { error: { message: 'boom', type: 'server_error' } });
    const err = await openaiClient(t, user.key)
      .chat.completions.create({ model: 'test-model', messages })
      .catch((e) => e);
    expect(err).toBeInstanceOf(APIError);
    expect(err.status).toBe(502);
    expect(err.error).toMatchObject({ type: 'upstream_error', code: 'upstream_error' });
    expect(fake.calls).toHaveLength(1);
    expect(await balanceRow(t, user.id)).toEqual({ posted: 500_000n, pending: 0n });
    expect((await holdsOf(t, user.id)).map((h) => h.state)).toEqual(['VOIDED']);
    expect(await usageRows(t, user.id)).toHaveLength(0);
  });

  it('voids the hold when the provider does not answer in time (504)', async () => {
    const user = await t.account(500_000n);
    fake.handler = async (body, _req, res) => {
      await sleep(3500);
      if (!res.destroyed) replyJson(res, 200, completionJson(body, 'late', { prompt: 10, completion: 1 }));
    };
    const res = await fetch(`${t.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user.key}` },
      body: JSON.stringify({ model: 'test-model', messages }),
    });
    expect(res.status).toBe(504);
    expect(res.headers.get('x-creditmeter-overhead-ms')).not.toBeNull();
    expect((await jsonOf(res)).error).toMatchObject({ type: 'upstream_error', code: 'upstream_timeout' });
    expect(await balanceRow(t, user.id)).toEqual({ posted: 500_000n, pending: 0n });
    expect((await holdsOf(t, user.id)).map((h) => h.state)).toEqual(['VOIDED']);
  });

  it('passes a provider 400 through in OpenAI shape, charging nothing', async () => {
    const user = await t.account(500_000n);
    fake.handler = (_body, _req, res) =>
      replyJson(res, 400, {
        error: { message: 'bad temperature', type: 'invalid_request_error', param: 'temperature', code: 'invalid_value' },
      });
    const err = await openaiClient(t, user.key)
      .chat.completions.create({ model: 'test-model', messages, temperature: 9 })
      .catch((e) => e);
    expect(err.status).toBe(400);
    expect(err.error).toMatchObject({ message: 'bad temperature', param: 'temperature', code: 'invalid_value' });
    expect(await balanceRow(t, user.id)).toEqual({ posted: 500_000n, pending: 0n });
  });
});

describe('streaming chat completions', () => {
  const pieces = ['The', ' capital', ' is', ' Paris', '.'];

  it('forwards the stream and, when the client asked for usage, puts the charge in the final usage chunk', async () => {
    const user = await t.account(1_000_000n);
    fake.handler = (body, _req, res) => streamSse(body, res, { pieces, usage: { prompt: 300, cached: 100, completion: 5 } });
    const stream = await openaiClient(t, user.key).chat.completions.create({
      model: 'test-model',
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: any[] = [];
    for await (const chunk of stream) chunks.push(chunk);

    expect(chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('')).toBe('The capital is Paris.');
    const last = chunks.at(-1);
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({ prompt_tokens: 300, completion_tokens: 5 });
    // (200 x 2400 + 100 x 1200 + 5 x 9600) / 1000 = 648
    expect(last.creditmeter).toMatchObject({ charged_millicredits: '648', estimated: false, simulated: false });
    expect(fake.calls[0].stream_options).toEqual({ include_usage: true });
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - 648n, pending: 0n });
  });

  it('asks the provider for usage but strips the usage chunk when the client did not ask for it', async () => {
    const user = await t.account(1_000_000n);
    fake.handler = (body, _req, res) => streamSse(body, res, { pieces, usage: { prompt: 300, completion: 5 } });
    const { data: stream, response } = await openaiClient(t, user.key)
      .chat.completions.create({ model: 'test-model', messages, stream: true })
      .withResponse();
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    expect(Number(response.headers.get('x-creditmeter-overhead-ms'))).toBeGreaterThanOrEqual(0);
    const chunks: any[] = [];
    for await (const chunk of stream) chunks.push(chunk);

    expect(fake.calls[0].stream_options).toEqual({ include_usage: true });
    expect(chunks.every((c) => !('usage' in c) && c.choices.length === 1)).toBe(true);
    expect(chunks.at(-1).choices[0].finish_reason).toBe('stop');
    // 300 x 2400 + 5 x 9600 = 768,000 -> 768
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - 768n, pending: 0n });
    expect((await usageRows(t, user.id))[0]).toMatchObject({ charged: '768', output_tokens: '5', request_id: 'req_fake_stream' });
  });

  it('charges a client that disconnects mid-stream for what was generated, never more than the hold', async () => {
    const user = await t.account(1_000_000n);
    let written = -1;
    let clientLeft = false;
    const done = new Promise<void>((resolve) => {
      fake.handler = (body, _req, res) =>
        streamSse(body, res, {
          pieces: Array.from({ length: 200 }, () => ' hello'),
          usage: { prompt: 20, completion: 200 },
          delayMs: 15,
          onDone: (n, left) => {
            written = n;
            clientLeft = left;
            resolve();
          },
        });
    });
    const stream = await openaiClient(t, user.key).chat.completions.create({
      model: 'test-model',
      messages,
      stream: true,
      max_tokens: 1000,
    });
    let seen = 0;
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta?.content) seen++;
      if (seen === 5) {
        stream.controller.abort();
        break;
      }
    }
    await done;
    const [hold] = await settledHolds(t, user.id);
    expect(clientLeft).toBe(true);
    expect(hold.state).toBe('SETTLED');
    // Estimated: the prompt (tokenizer) + one token per " hello" piece the proxy received.
    const [row] = await usageRows(t, user.id);
    const output = Number(row.output_tokens);
    expect(output).toBeGreaterThanOrEqual(5);
    expect(output).toBeLessThanOrEqual(written);
    const charged = BigInt(row.charged);
    expect(charged).toBe(BigInt(Math.ceil((Number(row.input_tokens) * 2400 + output * 9600) / 1000)));
    expect(charged).toBeLessThanOrEqual(BigInt(hold.amount));
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - charged, pending: 0n });
  });

  it('voids the hold when the provider fails before streaming', async () => {
    const user = await t.account(500_000n);
    fake.handler = (_body, _req, res) => replyJson(res, 503, { error: { message: 'overloaded' } });
    const err = await openaiClient(t, user.key)
      .chat.completions.create({ model: 'test-model', messages, stream: true })
      .catch((e) => e);
    expect(err.status).toBe(502);
    expect(await balanceRow(t, user.id)).toEqual({ posted: 500_000n, pending: 0n });
    expect((await holdsOf(t, user.id)).map((h) => h.state)).toEqual(['VOIDED']);
  });
});
