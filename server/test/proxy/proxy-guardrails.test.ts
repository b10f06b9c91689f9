import { countTokens } from 'gpt-tokenizer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { counters, counterValue } from '../../src/metrics/metrics.js';
import { countPromptTokens, outputBudget, worstCaseCost } from '../../src/proxy/proxy.rules.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { completionJson, replyJson, startFakeOpenAi, streamSse, type FakeOpenAi } from './fake-openai.js';
import { balanceRow, holdsOf, openaiClient, rawChat, settledHolds, usageRows, jsonOf } from './support.js';

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
beforeEach(() => {
  fake.calls = [];
  fake.handler = (body, _req, res) => replyJson(res, 200, completionJson(body, 'ok', { prompt: 12, completion: 3 }));
});

const messages = [{ role: 'user', content: 'Write me a long poem about ledgers.' }];
const TEST_RATES = { inputPer1k: 2400n, cachedInputPer1k: 1200n, outputPer1k: 9600n };
const promptTokens = countPromptTokens({ messages, body: {} });

describe('refusals before any provider call', () => {
  it('answers 402 insufficient_credits with a credits_url carrying a safe returnTo', async () => {
    const user = await t.account(1_000n);
    const refusedBefore = await counterValue(counters.insufficientCredits, { source: 'proxy' });
    const res = await rawChat(t, user.key, { model: 'test-model', messages }, { 'X-Return-To': '/chat?thread=7' });
    expect(res.status).toBe(402);
    expect(await counterValue(counters.insufficientCredits, { source: 'proxy' })).toBe(refusedBefore + 1);
    expect(res.headers.get('x-creditmeter-overhead-ms')).not.toBeNull();
    const body = await jsonOf(res);
    expect(body.error).toMatchObject({
      type: 'insufficient_credits',
      code: 'insufficient_credits',
      credits_url: 'https://app.example.test/credits?returnTo=%2Fchat%3Fthread%3D7',
      // Not even a shrunk hold fits: the prompt plus the smallest useful answer (minOutputTokens, 256).
      required_millicredits: worstCaseCost(promptTokens, 256, 1, TEST_RATES).toString(),
      available_millicredits: '1000',
      max_output_tokens_assumed: 256,
    });
    expect(typeof body.error.message).toBe('string');

    const sameOrigin = await jsonOf(
      await rawChat(t, user.key, { model: 'test-model', messages }, { 'X-Return-To': 'https://app.example.test/x' }),
    );
    expect(sameOrigin.error.credits_url).toBe(`https://app.example.test/credits?returnTo=${encodeURIComponent('/x')}`);
    for (const evil of ['https://evil.example/phish', '//evil.example/x', 'javascript:alert(1)', '/\\evil.example']) {
      const refused = await jsonOf(await rawChat(t, user.key, { model: 'test-model', messages }, { 'X-Return-To': evil }));
      expect(refused.error.credits_url).toBe('https://app.example.test/credits');
    }
    expect(fake.calls).toHaveLength(0);
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000n, pending: 0n });
    expect(await holdsOf(t, user.id)).toHaveLength(0);
  });

  it('refuses a disabled model with 403 model_disabled without calling the provider', async () => {
    const user = await t.account(1_000_000n);
    const off = await t.gql(`mutation { setModelEnabled(model: "cheap-model", enabled: false) { enabled } }`);
    expect(off.errors).toBeUndefined();
    try {
      const err = await openaiClient(t, user.key)
        .chat.completions.create({ model: 'cheap-model', messages: [{ role: 'user', content: 'hi' }] })
        .catch((e) => e);
      expect(err.status).toBe(403);
      expect(err.error).toMatchObject({ type: 'model_disabled', code: 'model_disabled' });
      expect(fake.calls).toHaveLength(0);
      expect(await holdsOf(t, user.id)).toHaveLength(0);
    } finally {
      await t.gql(`mutation { setModelEnabled(model: "cheap-model", enabled: true) { enabled } }`);
    }
  });

  it('answers 404 for an unknown model, 401 for a bad key, 400 for a malformed request', async () => {
    const user = await t.account(1_000_000n);
    const unknown = await rawChat(t, user.key, { model: 'no-such-model', messages });
    expect(unknown.status).toBe(404);
    expect((await jsonOf(unknown)).error).toMatchObject({ type: 'invalid_request_error', code: 'model_not_found', model: 'no-such-model' });
    // Never charged at 0 and never held: refused before the hold and the provider call.
    expect(await holdsOf(t, user.id)).toHaveLength(0);
    expect(await usageRows(t, user.id)).toHaveLength(0);
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n, pending: 0n });
    const badKey = await rawChat(t, 'cm_not_a_key', { model: 'test-model', messages });
    expect(badKey.status).toBe(401);
    expect((await jsonOf(badKey)).error.code).toBe('invalid_api_key');
    expect((await rawChat(t, null, { model: 'test-model', messages })).status).toBe(401);
    const noMessages = await rawChat(t, user.key, { model: 'test-model' });
    expect(noMessages.status).toBe(400);
    expect((await jsonOf(noMessages)).error).toMatchObject({ type: 'invalid_request_error', param: 'messages' });
    expect((await rawChat(t, user.key, { model: 'test-model', messages, max_tokens: -5 })).status).toBe(400);
    const badJson = await fetch(`${t.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user.key}` },
      body: '{"model": ',
    });
    expect(badJson.status).toBe(400);
    expect(badJson.headers.get('x-creditmeter-overhead-ms')).not.toBeNull();
    expect((await jsonOf(badJson)).error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_json' });
    expect(fake.calls).toHaveLength(0);
  });

  it('refuses a call whose worst case exceeds the per-request spend cap (header or account default)', async () => {
    const user = await t.account(10_000_000n);
    const worst = worstCaseCost(promptTokens, 500, 1, TEST_RATES);
    const over = await rawChat(
      t,
      user.key,
      { model: 'test-model', messages, max_tokens: 500 },
      { 'X-Spend-Cap-Millicredits': String(worst - 1n) },
    );
    expect(over.status).toBe(402);
    expect((await jsonOf(over)).error).toMatchObject({
      type: 'spend_cap_exceeded',
      code: 'spend_cap_exceeded',
      cap_millicredits: String(worst - 1n),
    });
    expect(
      (await rawChat(t, user.key, { model: 'test-model', messages, max_tokens: 500 }, { 'X-Spend-Cap-Millicredits': String(worst) }))
        .status,
    ).toBe(200);

    const admin = (await t.services.auth.authenticate(t.adminKey))!;
    await t.services.proxySettings.set(admin, user.id, { requestCapMillicredits: String(worst - 1n) });
    const byDefault = await rawChat(t, user.key, { model: 'test-model', messages, max_tokens: 500 });
    expect(byDefault.status).toBe(402);
    expect((await jsonOf(byDefault)).error.code).toBe('spend_cap_exceeded');
    expect(fake.calls).toHaveLength(1);
  });

  it('refuses a call that would take a session past its cumulative cap within the window', async () => {
    const user = await t.account(10_000_000n);
    const worst = worstCaseCost(promptTokens, 500, 1, TEST_RATES);
    const body = { model: 'test-model', messages, max_tokens: 500 };
    // 12 x 2400 + 3 x 9600 = 57,600 -> 58 per call
    const headers = { 'X-Session-Id': 'sess-42', 'X-Session-Spend-Cap-Millicredits': String(worst + 58n + 57n) };
    expect((await rawChat(t, user.key, body, headers)).status).toBe(200);
    expect((await rawChat(t, user.key, body, headers)).status).toBe(200);
    const third = await rawChat(t, user.key, body, headers);
    expect(third.status).toBe(402);
    expect((await jsonOf(third)).error).toMatchObject({ code: 'spend_cap_exceeded', scope: 'session' });
    // Another session (and no session) are not affected.
    expect((await rawChat(t, user.key, body, { ...headers, 'X-Session-Id': 'sess-43' })).status).toBe(200);
    expect((await rawChat(t, user.key, body)).status).toBe(200);
    expect(fake.calls).toHaveLength(4);
    expect(await balanceRow(t, user.id)).toEqual({ posted: 10_000_000n - 4n * 58n, pending: 0n });
  });
});

describe('streaming-aware (partial) holds', () => {
  it('starts a stream the balance cannot cover in the worst case and cuts it cleanly at the hold', async () => {
    const balance = 3_000n;
    const user = await t.account(balance);
    const admin = (await t.services.auth.authenticate(t.adminKey))!;
    // Without the opt-in (and with shrinking off): the worst case (4096 output tokens) is far above the balance.
    await t.services.proxySettings.set(admin, user.id, { shrinkHolds: false });
    expect((await rawChat(t, user.key, { model: 'test-model', messages, stream: true })).status).toBe(402);
    await t.services.proxySettings.set(admin, user.id, { streamingHolds: true, minOutputTokens: 50 });

    // A provider that ignores max_tokens: only the proxy's own count can stop it.
    fake.handler = (body, _req, res) =>
      streamSse(body, res, { pieces: Array.from({ length: 2000 }, () => ' word'), usage: { prompt: promptTokens, completion: 2000 } });
    const { data: stream, response } = await openaiClient(t, user.key)
      .chat.completions.create({ model: 'test-model', messages: messages as any, stream: true, stream_options: { include_usage: true } })
      .withResponse();
    expect(response.headers.get('x-creditmeter-hold-millicredits')).toBe(String(balance));
    const chunks: any[] = [];
    for await (const chunk of stream) chunks.push(chunk);

    const budget = outputBudget(balance, promptTokens, TEST_RATES);
    expect(fake.calls[0].max_completion_tokens).toBe(budget);
    const text = chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('');
    expect(countTokens(text)).toBeLessThanOrEqual(budget);
    expect(countTokens(text)).toBeGreaterThan(budget - 5);
    const finish = chunks.filter((c) => c.choices[0]?.finish_reason);
    expect(finish.map((c) => c.choices[0].finish_reason)).toEqual(['length']);
    const last = chunks.at(-1);
    expect(last.choices).toEqual([]);
    const charged = BigInt(last.creditmeter.charged_millicredits);
    expect(charged).toBeLessThanOrEqual(balance);
    expect(charged).toBeGreaterThan(balance - 60n);

    const [hold] = await settledHolds(t, user.id);
    expect(hold).toMatchObject({ state: 'SETTLED', partial: true, amount: String(balance), charged: String(charged) });
    expect(await balanceRow(t, user.id)).toEqual({ posted: balance - charged, pending: 0n });
    expect((await usageRows(t, user.id))[0].charged).toBe(String(charged));
  });

  it('still refuses when the balance does not cover the prompt and the minimum output', async () => {
    const user = await t.account(100n);
    const admin = (await t.services.auth.authenticate(t.adminKey))!;
    await t.services.proxySettings.set(admin, user.id, { streamingHolds: true, minOutputTokens: 50 });
    const res = await rawChat(t, user.key, { model: 'test-model', messages, stream: true });
    expect(res.status).toBe(402);
    expect((await jsonOf(res)).error.required_millicredits).toBe(worstCaseCost(promptTokens, 50, 1, TEST_RATES).toString());
    expect(fake.calls).toHaveLength(0);
  });
});
