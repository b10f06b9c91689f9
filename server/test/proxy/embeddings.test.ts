import { countTokens } from 'gpt-tokenizer';
import { describe, expect, it } from 'vitest';
import { parseServerTiming } from '../../src/proxy/server-timing.js';
import type { TestApp } from '../support/harness.js';
import { completionJson, embeddingsJson, replyJson, type FakeOpenAi } from './fake-openai.js';
import { availableOf, balanceRow, holdsOf, jsonOf, openaiClient, rawPost, usageRows, withFakeOpenAi } from './support.js';

let t: TestApp;
let fake: FakeOpenAi;
withFakeOpenAi((app, upstream) => {
  t = app;
  fake = upstream;
});

/** test-model's input rate: 2.400 credits per 1k tokens. */
const inputCost = (tokens: number) => BigInt(Math.ceil((tokens * 2400) / 1000));

describe('POST /v1/embeddings', () => {
  it('holds the input only, charges the reported input tokens exactly, and says the balance left', async () => {
    const user = await t.account(1_000_000n);
    const input = ['The ledger is append-only.', 'Credits are millicredits.'];
    fake.handler = (body, _req, res) => replyJson(res, 200, embeddingsJson(body, 1234));
    const { data, response } = await openaiClient(t, user.key).embeddings.create({ model: 'test-model', input }).withResponse();

    // The SDK asked for base64 and decoded it: the fake's float32 values come back exactly.
    expect(data.data.map((d) => d.embedding)).toEqual([
      [0.5, 0.25, -0.125],
      [1.5, 0.25, -0.125],
    ]);
    expect(fake.paths).toEqual(['/v1/embeddings']);
    expect(fake.calls[0]).toMatchObject({ model: 'test-model', input, encoding_format: 'base64' });
    // No output: the hold is the counted input alone.
    const counted = input.reduce((n, s) => n + countTokens(s), 0);
    expect(response.headers.get('x-creditmeter-hold-millicredits')).toBe(inputCost(counted).toString());
    // 1234 x 2.4 = 2961.6 -> 2962
    expect(response.headers.get('x-creditmeter-charged-millicredits')).toBe('2962');
    expect(response.headers.get('x-creditmeter-balance-millicredits')).toBe(String(await availableOf(t, user.id)));
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - 2962n, pending: 0n });
    expect([...parseServerTiming(response.headers.get('server-timing')).keys()]).toContain('upstream');
    const [row] = await usageRows(t, user.id);
    expect(row).toMatchObject({ source: 'PROXY', input_tokens: '1234', cached_input_tokens: '0', output_tokens: '0', charged: '2962' });
    expect(row.request_id).toBe('req_fake_123');
  });

  it('counts token-array input by its length and passes floats through when the client asks for them', async () => {
    const user = await t.account(1_000_000n);
    fake.handler = (body, _req, res) => replyJson(res, 200, embeddingsJson(body, 50));
    const input = [Array.from({ length: 30 }, (_, i) => i + 100), Array.from({ length: 20 }, (_, i) => i + 7)];
    const res = await rawPost(t, '/v1/embeddings', user.key, { model: 'test-model', input, encoding_format: 'float' });
    expect(res.status).toBe(200);
    expect((await jsonOf(res)).data[1].embedding).toEqual([1.5, 0.25, -0.125]);
    expect(res.headers.get('x-creditmeter-hold-millicredits')).toBe(inputCost(50).toString()); // 120
    expect(res.headers.get('x-creditmeter-charged-millicredits')).toBe('120');
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - 120n, pending: 0n });
  });

  it('voids the hold and charges nothing when the provider fails', async () => {
    const user = await t.account(500_000n);
    fake.handler = (_body, _req, res) => replyJson(res, 500, { error: { message: 'boom', type: 'server_error' } });
    const err = await openaiClient(t, user.key)
      .embeddings.create({ model: 'test-model', input: 'hello' })
      .catch((e) => e);
    expect(err.status).toBe(502);
    expect(err.headers.get('x-creditmeter-charged-millicredits')).toBe('0');
    expect(fake.calls).toHaveLength(1);
    expect(await balanceRow(t, user.id)).toEqual({ posted: 500_000n, pending: 0n });
    expect((await holdsOf(t, user.id)).map((h) => h.state)).toEqual(['VOIDED']);
    expect(await usageRows(t, user.id)).toHaveLength(0);
  });

  it('refuses an unknown or disabled model and malformed input before any provider call', async () => {
    const user = await t.account(1_000_000n);
    const unknown = await rawPost(t, '/v1/embeddings', user.key, { model: 'no-such-model', input: 'hello' });
    expect(unknown.status).toBe(404);
    expect((await jsonOf(unknown)).error.code).toBe('model_not_found');
    expect((await t.gql(`mutation { setModelEnabled(model: "cheap-model", enabled: false) { enabled } }`)).errors).toBeUndefined();
    try {
      const disabled = await rawPost(t, '/v1/embeddings', user.key, { model: 'cheap-model', input: 'hello' });
      expect(disabled.status).toBe(403);
      expect((await jsonOf(disabled)).error.code).toBe('model_disabled');
    } finally {
      await t.gql(`mutation { setModelEnabled(model: "cheap-model", enabled: true) { enabled } }`);
    }
    for (const input of [[], '', [''], [1.5], [{ text: 'x' }], null]) {
      const bad = await rawPost(t, '/v1/embeddings', user.key, { model: 'test-model', input });
      expect(bad.status).toBe(400);
      expect((await jsonOf(bad)).error.param).toBe('input');
    }
    expect(fake.calls).toHaveLength(0);
    expect(await holdsOf(t, user.id)).toHaveLength(0);
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n, pending: 0n });
  });

  it('obeys the request spend cap and the account balance like chat', async () => {
    const user = await t.account(1_000_000n);
    fake.handler = (body, _req, res) => replyJson(res, 200, embeddingsJson(body, 100));
    const covered = await rawPost(t, '/v1/embeddings', user.key, { model: 'test-model', input: Array.from({ length: 100 }, () => 1) });
    expect(covered.status).toBe(200); // 100 tokens x 2.4 = 240
    const refused = await rawPost(
      t,
      '/v1/embeddings',
      user.key,
      { model: 'test-model', input: Array.from({ length: 100 }, () => 1) },
      { 'x-spend-cap-millicredits': '239' },
    );
    expect(refused.status).toBe(402);
    expect((await jsonOf(refused)).error).toMatchObject({ code: 'spend_cap_exceeded', required_millicredits: '240' });
    const poor = await t.account(239n);
    const broke = await rawPost(t, '/v1/embeddings', poor.key, { model: 'test-model', input: Array.from({ length: 100 }, () => 1) });
    expect(broke.status).toBe(402);
    expect((await jsonOf(broke)).error.code).toBe('insufficient_credits');
    expect(fake.calls).toHaveLength(1);
  });
});

describe('the balance header on chat completions', () => {
  it('equals the available balance read after the call', async () => {
    const user = await t.account(1_000_000n);
    fake.handler = (body, _req, res) => replyJson(res, 200, completionJson(body, 'ok', { prompt: 100, completion: 10 }));
    const { response } = await openaiClient(t, user.key)
      .chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: 'hi' }] })
      .withResponse();
    expect(response.headers.get('x-creditmeter-charged-millicredits')).toBe('336'); // 100 x 2.4 + 10 x 9.6
    expect(response.headers.get('x-creditmeter-balance-millicredits')).toBe(String(1_000_000n - 336n));
    expect(await availableOf(t, user.id)).toBe(1_000_000n - 336n);
  });
});
