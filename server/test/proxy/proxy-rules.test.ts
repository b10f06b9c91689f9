import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceTokens } from '../../src/money/money.js';
import {
  countPromptTokens,
  outputBudget,
  outputCap,
  parseCapHeader,
  parseChatRequest,
  tokensFromUsage,
  worstCaseCost,
} from '../../src/proxy/proxy.rules.js';

const rates = fc.record({
  inputPer1k: fc.bigInt({ min: 0n, max: 100_000n }),
  cachedInputPer1k: fc.bigInt({ min: 0n, max: 100_000n }),
  outputPer1k: fc.bigInt({ min: 1n, max: 200_000n }),
});

describe('proxy rules', () => {
  it('the output budget of a hold is the most output it pays for: one token more would cost more than the hold', () => {
    fc.assert(
      fc.property(rates, fc.bigInt({ min: 1n, max: 10_000_000n }), fc.integer({ min: 0, max: 20_000 }), (r, hold, prompt) => {
        const budget = outputBudget(hold, prompt, r);
        const cost = (o: number) => priceTokens({ inputTokens: BigInt(prompt), cachedInputTokens: 0n, outputTokens: BigInt(o) }, r);
        if (budget > 0) expect(cost(budget)).toBeLessThanOrEqual(hold);
        // The prompt alone may already exceed the hold (budget 0); otherwise budget + 1 must not fit.
        if (cost(0) <= hold) expect(cost(budget + 1)).toBeGreaterThan(hold);
      }),
    );
  });

  it('the worst case covers every usage the provider can report within the caps', () => {
    fc.assert(
      fc.property(
        rates,
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 1, max: 8_192 }),
        fc.integer({ min: 1, max: 8 }),
        fc.nat(),
        fc.nat(),
        (r, prompt, cap, n, cachedSeed, outSeed) => {
          const cached = prompt === 0 ? 0 : cachedSeed % (prompt + 1);
          const out = outSeed % (cap * n + 1);
          const tokens = tokensFromUsage({
            prompt_tokens: prompt,
            completion_tokens: out,
            prompt_tokens_details: { cached_tokens: cached },
          });
          const cheaperCached = { ...r, cachedInputPer1k: r.cachedInputPer1k > r.inputPer1k ? r.inputPer1k : r.cachedInputPer1k };
          expect(priceTokens(tokens, cheaperCached)).toBeLessThanOrEqual(worstCaseCost(prompt, cap, n, cheaperCached));
        },
      ),
    );
  });

  it('splits provider usage into uncached and cached input (prompt_tokens = input + cached)', () => {
    expect(tokensFromUsage({ prompt_tokens: 1200, completion_tokens: 57, prompt_tokens_details: { cached_tokens: 200 } })).toEqual({
      inputTokens: 1000n,
      cachedInputTokens: 200n,
      outputTokens: 57n,
      audioInputTokens: 0n,
      audioOutputTokens: 0n,
      reasoningTokens: 0n,
    });
    expect(tokensFromUsage({ prompt_tokens: 10, completion_tokens: 0, prompt_tokens_details: { cached_tokens: 50 } })).toEqual({
      inputTokens: 0n,
      cachedInputTokens: 10n,
      outputTokens: 0n,
      audioInputTokens: 0n,
      audioOutputTokens: 0n,
      reasoningTokens: 0n,
    });
  });

  it('caps output at the model limit (4096 when the rate card names none)', () => {
    expect(outputCap(null, 2048)).toBe(2048);
    expect(outputCap(100_000, 2048)).toBe(2048);
    expect(outputCap(100, 2048)).toBe(100);
    expect(outputCap(null, null)).toBe(4096);
  });

  it('counts prompt tokens with the tokenizer, including message framing and tools', () => {
    const plain = countPromptTokens({ messages: [{ role: 'user', content: 'Hello world' }], body: {} });
    expect(plain).toBe(2 + 4 + 3); // "Hello world" = 2 tokens (o200k)
    const withTools = countPromptTokens({
      messages: [{ role: 'user', content: 'Hello world' }],
      body: { tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object' } } }] },
    });
    expect(withTools).toBeGreaterThan(plain);
  });

  it('validates only what the proxy relies on', () => {
    expect(() => parseChatRequest({ model: 'm' })).toThrow(/messages/);
    expect(() => parseChatRequest({ model: 'm', messages: [{}], n: 0 })).toThrow(/n must/);
    expect(() => parseChatRequest({ model: 'm', messages: [{}], max_tokens: 1.5 })).toThrow(/max_tokens/);
    expect(
      parseChatRequest({ model: 'm', messages: [{}], stream: true, stream_options: { include_usage: true }, max_completion_tokens: 9 }),
    ).toMatchObject({
      stream: true,
      wantsUsage: true,
      requestedMaxTokens: 9,
      n: 1,
    });
    expect(parseCapHeader(undefined, 'h')).toBeNull();
    expect(parseCapHeader('1200', 'h')).toBe(1200n);
    expect(() => parseCapHeader('12.5', 'h')).toThrow();
  });
});
