import { beforeAll, describe, expect, it } from 'vitest';
import { countPromptTokens } from '../../src/proxy/proxy.rules.js';
import type { TestApp } from '../support/harness.js';
import { TEST_RATES } from '../support/harness.js';
import { completionJson, replyJson, streamSse, type FakeOpenAi } from './fake-openai.js';
import { balanceRow, holdsOf, openaiClient, usageRows, withFakeOpenAi } from './support.js';

let t: TestApp;
let fake: FakeOpenAi;
withFakeOpenAi((app, f) => {
  t = app;
  fake = f;
});

/** Every class priced on its own; the 1-hour cache write falls back to the 5-minute rate. */
const CLASSY = {
  model: 'classy-model',
  inputPer1k: '2.000',
  cachedInputPer1k: '0.500',
  cacheWriteInputPer1k: '2.500',
  audioInputPer1k: '10.000',
  audioOutputPer1k: '20.000',
  imageInputPer1k: '3.000',
  outputPer1k: '8.000',
  costInputPer1kUsd: '0.001000',
  costCachedInputPer1kUsd: '0.000250',
  costAudioInputPer1kUsd: '0.005000',
  costAudioOutputPer1kUsd: '0.010000',
  costOutputPer1kUsd: '0.004000',
  maxOutputTokens: 1000,
};

/** Above 100 prompt tokens, the tier prices the whole call. */
const LONG = {
  model: 'long-model',
  inputPer1k: '1.000',
  cachedInputPer1k: '0.500',
  outputPer1k: '4.000',
  costInputPer1kUsd: '0.000500',
  costOutputPer1kUsd: '0.002000',
  maxOutputTokens: 1000,
  longContextThresholdTokens: 100,
  longContext: {
    inputPer1k: '2.000',
    cachedInputPer1k: '1.000',
    outputPer1k: '6.000',
    costInputPer1kUsd: '0.001000',
    costOutputPer1kUsd: '0.003000',
  },
};

beforeAll(async () => {
  await t.services.rateCards.publish(null, { name: 'Every token type', rates: [...TEST_RATES, CLASSY, LONG] });
});

describe('a proxied chat call reporting every token type', () => {
  it('stores each class and the rates it was charged at, and charges exactly', async () => {
    const user = await t.account(1_000_000n);
    // 900 prompt = 400 text + 300 cached + 200 audio; 400 completion = 350 text (150 of it reasoning) + 50 audio.
    fake.handler = (body, _req, res) =>
      replyJson(
        res,
        200,
        completionJson(body, 'Bonjour.', { prompt: 900, cached: 300, audioInput: 200, completion: 400, audioOutput: 50, reasoning: 150 }),
      );
    const { data, response } = await openaiClient(t, user.key)
      .chat.completions.create({ model: 'classy-model', messages: [{ role: 'user', content: 'Say hello in French' }] })
      .withResponse();
    expect(data.usage?.completion_tokens_details?.reasoning_tokens).toBe(150);

    // 400 x 2,000 + 300 x 500 + 200 x 10,000 + 350 x 8,000 + 50 x 20,000 = 6,750,000 -> 6,750 (reasoning not again)
    expect(response.headers.get('x-creditmeter-charged-millicredits')).toBe('6750');
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - 6750n, pending: 0n });
    const [row] = await usageRows(t, user.id);
    expect(row).toMatchObject({
      input_tokens: '400',
      cached_input_tokens: '300',
      audio_input_tokens: '200',
      output_tokens: '350',
      audio_output_tokens: '50',
      reasoning_tokens: '150',
      cache_write_input_tokens: '0',
      cache_write_1h_input_tokens: '0',
      image_input_tokens: '0',
      input_per1k: '2000',
      cached_input_per1k: '500',
      output_per1k: '8000',
      cache_write_input_per1k: '2500',
      cache_write_1h_input_per1k: '2500',
      audio_input_per1k: '10000',
      audio_output_per1k: '20000',
      image_input_per1k: '3000',
      cost_audio_input_per1k: '5000',
      cost_audio_output_per1k: '10000',
      cost_image_input_per1k: '1000',
      long_context: false,
      charged: '6750',
    });
    // 400 x 1,000 + 300 x 250 + 200 x 5,000 + 350 x 4,000 + 50 x 10,000 = 3,375,000 -> 3,375 micro-USD
    expect(row.cost_micro_usd).toBe('3375');
  });

  it('a stream settles on its final usage chunk with every class', async () => {
    const user = await t.account(1_000_000n);
    fake.handler = (body, _req, res) =>
      streamSse(body, res, {
        pieces: ['Bon', 'jour'],
        usage: { prompt: 100, audioInput: 40, completion: 20, reasoning: 12, audioOutput: 5 },
      });
    const stream = await openaiClient(t, user.key).chat.completions.create({
      model: 'classy-model',
      messages: [{ role: 'user', content: 'hello' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    for await (const chunk of stream) void chunk;
    // 60 x 2,000 + 40 x 10,000 + 15 x 8,000 + 5 x 20,000 = 740,000 -> 740
    const [row] = await usageRows(t, user.id);
    expect(row).toMatchObject({
      input_tokens: '60',
      audio_input_tokens: '40',
      output_tokens: '15',
      audio_output_tokens: '5',
      reasoning_tokens: '12',
    });
    expect(row.charged).toBe('740');
  });
});

describe('long-context tiers', () => {
  it('above the threshold the tier prices the whole call and the hold assumes it; at or below, the base rates', async () => {
    const user = await t.account(1_000_000n);
    const longMessages = [{ role: 'user' as const, content: 'tell me '.repeat(110) }];
    const longPrompt = countPromptTokens({ messages: longMessages, body: {} });
    expect(longPrompt).toBeGreaterThan(100);
    fake.handler = (body, _req, res) => replyJson(res, 200, completionJson(body, 'ok', { prompt: 150, cached: 20, completion: 10 }));
    const long = await openaiClient(t, user.key)
      .chat.completions.create({ model: 'long-model', messages: longMessages, max_tokens: 1000 })
      .withResponse();
    // The hold: the prompt and 1,000 output tokens, all at the tier's rates.
    expect(long.response.headers.get('x-creditmeter-hold-millicredits')).toBe(String(Math.ceil((longPrompt * 2000 + 1000 * 6000) / 1000)));
    // 130 x 2,000 + 20 x 1,000 + 10 x 6,000 = 340,000 -> 340
    expect(long.response.headers.get('x-creditmeter-charged-millicredits')).toBe('340');

    const shortMessages = [{ role: 'user' as const, content: 'hi' }];
    const shortPrompt = countPromptTokens({ messages: shortMessages, body: {} });
    fake.handler = (body, _req, res) => replyJson(res, 200, completionJson(body, 'ok', { prompt: 100, cached: 20, completion: 10 }));
    const short = await openaiClient(t, user.key)
      .chat.completions.create({ model: 'long-model', messages: shortMessages, max_tokens: 1000 })
      .withResponse();
    expect(short.response.headers.get('x-creditmeter-hold-millicredits')).toBe(
      String(Math.ceil((shortPrompt * 1000 + 1000 * 4000) / 1000)),
    );
    // 100 prompt tokens is not above the threshold: 80 x 1,000 + 20 x 500 + 10 x 4,000 = 130,000 -> 130
    expect(short.response.headers.get('x-creditmeter-charged-millicredits')).toBe('130');

    const rows = await usageRows(t, user.id);
    expect(rows.map((r) => [r.long_context, r.input_per1k, r.cached_input_per1k, r.output_per1k, r.charged])).toEqual([
      [true, '2000', '1000', '6000', '340'],
      [false, '1000', '500', '4000', '130'],
    ]);
    // Provider cost on the tier too: 130 x 1,000 + 20 x 1,000 (cached defaults to the tier's input) + 10 x 3,000 = 180,000 -> 180
    expect(rows[0].cost_micro_usd).toBe('180');
    expect((await holdsOf(t, user.id)).map((h) => h.state)).toEqual(['SETTLED', 'SETTLED']);
  });
});
