import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceTokens } from '../../src/money/money.js';
import {
  eventOutputTokens,
  mergeUsage,
  messagesPromptParts,
  parseMessagesRequest,
  tokensFromAnthropicUsage,
} from '../../src/proxy/surfaces/messages.rules.js';

const valid = { model: 'claude-test', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] };

describe('Messages API request parsing', () => {
  it.each([
    [{ ...valid, max_tokens: undefined }, 'max_tokens'],
    [{ ...valid, max_tokens: 0 }, 'max_tokens'],
    [{ ...valid, max_tokens: 1.5 }, 'max_tokens'],
    [{ ...valid, model: '' }, 'model'],
    [{ ...valid, messages: [] }, 'messages'],
    [{ ...valid, messages: [{ role: 'system', content: 'x' }] }, 'messages.0.role'],
    [{ ...valid, messages: [{ role: 'user', content: 5 }] }, 'messages.0.content'],
    [{ ...valid, messages: [{ role: 'user', content: [{ text: 'no type' }] }] }, 'messages.0.content.0'],
    [{ ...valid, system: 42 }, 'system'],
    [{ ...valid, stream: 'true' }, 'stream'],
  ])('refuses %j naming %s', (body, field) => {
    expect(() => parseMessagesRequest(body)).toThrowError(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field } }));
  });

  it('accepts a request with system blocks and keeps the body for the provider', () => {
    const req = parseMessagesRequest({ ...valid, system: [{ type: 'text', text: 'Be brief.' }], stream: true, temperature: 0.2 });
    expect(req).toMatchObject({ model: 'claude-test', maxTokens: 100, stream: true });
    expect(req.body.temperature).toBe(0.2);
  });
});

describe('the prompt estimate for the hold', () => {
  it('counts the system prompt, every message, tool input and tool definitions, with framing', () => {
    const body = {
      system: 'You are terse.',
      tools: [{ name: 'weather', input_schema: { type: 'object' } }],
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'weather', input: { city: 'Paris' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'Sunny, 21C' }] },
      ],
    };
    const parts = messagesPromptParts({ messages: body.messages, body });
    expect(parts.texts.join('|')).toContain('You are terse.');
    expect(parts.texts.join('|')).toContain('Sunny, 21C');
    expect(parts.texts.join('|')).toContain('"city":"Paris"');
    expect(parts.texts.join('|')).toContain('"input_schema"');
    expect(parts.fixedTokens).toBe(8 * 4); // the system's framing and three messages'
  });
});

describe("Anthropic's usage as billable tokens", () => {
  it('prices uncached input, cache reads, 5-minute and 1-hour cache writes and output each at its rate', () => {
    const tokens = tokensFromAnthropicUsage({
      input_tokens: 100,
      cache_read_input_tokens: 2000,
      cache_creation_input_tokens: 700,
      cache_creation: { ephemeral_5m_input_tokens: 500, ephemeral_1h_input_tokens: 200 },
      output_tokens: 50,
      output_tokens_details: { thinking_tokens: 20 },
    });
    expect(tokens).toEqual({
      inputTokens: 100n,
      cachedInputTokens: 2000n,
      cacheWriteInputTokens: 500n,
      cacheWrite1hInputTokens: 200n,
      outputTokens: 50n,
      reasoningTokens: 20n,
    });
  });

  it('takes a cache-write total without a breakdown as 5-minute writes', () => {
    expect(tokensFromAnthropicUsage({ input_tokens: 1, cache_creation_input_tokens: 300, output_tokens: 2 })).toMatchObject({
      cacheWriteInputTokens: 300n,
      cacheWrite1hInputTokens: 0n,
    });
  });

  it('charges ceil(sum of tokens x rate / 1000) for any mix of usage (property)', () => {
    const n = fc.integer({ min: 0, max: 5_000_000 });
    const rate = fc.bigInt({ min: 0n, max: 100_000n });
    fc.assert(
      fc.property(n, n, n, n, n, rate, rate, rate, rate, rate, (input, read, w5, w1, out, rIn, rCached, rW5, rW1, rOut) => {
        const tokens = tokensFromAnthropicUsage({
          input_tokens: input,
          cache_read_input_tokens: read,
          cache_creation_input_tokens: w5 + w1,
          cache_creation: { ephemeral_5m_input_tokens: w5, ephemeral_1h_input_tokens: w1 },
          output_tokens: out,
        });
        const rates = {
          inputPer1k: rIn,
          cachedInputPer1k: rCached,
          cacheWriteInputPer1k: rW5,
          cacheWrite1hInputPer1k: rW1,
          outputPer1k: rOut,
        };
        const exact = BigInt(input) * rIn + BigInt(read) * rCached + BigInt(w5) * rW5 + BigInt(w1) * rW1 + BigInt(out) * rOut;
        expect(priceTokens(tokens, rates)).toBe((exact + 999n) / 1000n);
      }),
    );
  });

  it("merges a stream's message_delta totals over message_start's, ignoring its nulls", () => {
    const start = { input_tokens: 40, cache_read_input_tokens: 10, output_tokens: 1 };
    expect(mergeUsage(start, { output_tokens: 77, input_tokens: null, cache_read_input_tokens: null })).toEqual({
      input_tokens: 40,
      cache_read_input_tokens: 10,
      output_tokens: 77,
    });
  });

  it('counts output in text, thinking and tool-input deltas and tool names', () => {
    expect(eventOutputTokens({ type: 'content_block_delta', delta: { type: 'text_delta', text: 'Hello world' } })).toBe(2);
    expect(eventOutputTokens({ type: 'content_block_delta', delta: { type: 'thinking_delta', thinking: 'Hmm' } })).toBeGreaterThan(0);
    expect(
      eventOutputTokens({ type: 'content_block_delta', delta: { type: 'input_json_delta', partial_json: '{"a":1}' } }),
    ).toBeGreaterThan(0);
    expect(eventOutputTokens({ type: 'content_block_start', content_block: { type: 'tool_use', name: 'weather', input: {} } })).toBe(1);
    expect(eventOutputTokens({ type: 'message_stop' })).toBe(0);
  });
});
