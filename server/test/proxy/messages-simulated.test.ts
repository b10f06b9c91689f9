import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { publishWithClaude } from './fake-anthropic.js';
import { balanceRow } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ ANTHROPIC_API_KEY: '', HOLD_EXPIRY_INTERVAL_MS: 0 });
  await publishWithClaude(t);
});
afterAll(async () => {
  await t?.close();
});

const messages = [{ role: 'user' as const, content: 'Say hello' }];

describe('POST /v1/messages without ANTHROPIC_API_KEY: the built-in simulator', () => {
  it('answers in Anthropic’s shape with real-looking usage, charged at the card’s rates', async () => {
    const user = await t.account(1_000_000n);
    const client = new Anthropic({ baseURL: t.url, apiKey: user.key, maxRetries: 0 });
    const { data, response } = await client.messages.create({ model: 'claude-test', max_tokens: 300, messages }).withResponse();
    expect(data).toMatchObject({ type: 'message', role: 'assistant', model: 'claude-test', stop_reason: 'end_turn' });
    expect(data.content[0]).toMatchObject({ type: 'text', text: expect.stringContaining('You said: "Say hello"') });
    expect(data.usage.input_tokens).toBeGreaterThan(0);
    const charged = BigInt(Math.ceil((data.usage.input_tokens * 3000 + data.usage.output_tokens * 15000) / 1000));
    expect(response.headers.get('x-creditmeter-charged-millicredits')).toBe(charged.toString());
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - charged, pending: 0n });
  });

  it('streams the same text, cut at max_tokens, with the charge in message_delta', async () => {
    const user = await t.account(1_000_000n);
    const client = new Anthropic({ baseURL: t.url, apiKey: user.key, maxRetries: 0 });
    const stream = client.messages.stream({ model: 'claude-test', max_tokens: 12, messages });
    let delta: any = null;
    for await (const event of stream) if (event.type === 'message_delta') delta = event;
    const message = await stream.finalMessage();
    expect(message.stop_reason).toBe('max_tokens');
    expect(message.usage.output_tokens).toBe(12);
    const charged = BigInt(Math.ceil((message.usage.input_tokens * 3000 + 12 * 15000) / 1000));
    expect(delta.usage.creditmeter).toMatchObject({ charged_millicredits: charged.toString(), simulated: true });
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - charged, pending: 0n });
  });
});
