import fc from 'fast-check';
import { countTokens } from 'gpt-tokenizer';
import { describe, expect, it } from 'vitest';
import { priceTokens } from '../../src/money/money.js';
import { countParts, REPLY_PRIMER_TOKENS, TOKENS_PER_MESSAGE } from '../../src/proxy/proxy.rules.js';
import { embeddingsPromptParts, parseEmbeddingsRequest } from '../../src/proxy/surfaces/embeddings.rules.js';
import {
  parseResponsesRequest,
  responsesPromptParts,
  responsesUsageOf,
  tokensFromResponsesUsage,
} from '../../src/proxy/surfaces/responses.rules.js';

const count = fc.integer({ min: 0, max: 5_000_000 });
const rate = fc.bigInt({ min: 0n, max: 200_000n });

describe('Responses usage -> billable tokens', () => {
  it('splits input into uncached, cache read and cache write; every class priced once at its own rate', () => {
    fc.assert(
      fc.property(
        fc.record({ input: count, cached: count, written: count, output: count, reasoning: count }),
        fc.record({ inputPer1k: rate, cachedInputPer1k: rate, cacheWriteInputPer1k: rate, outputPer1k: rate }),
        (u, r) => {
          const tokens = tokensFromResponsesUsage({
            input_tokens: u.input,
            input_tokens_details: { cached_tokens: u.cached, cache_write_tokens: u.written },
            output_tokens: u.output,
            output_tokens_details: { reasoning_tokens: u.reasoning },
          });
          const parts = [tokens.inputTokens, tokens.cachedInputTokens, tokens.cacheWriteInputTokens!];
          expect(parts.every((p) => p >= 0n)).toBe(true);
          expect(parts.reduce((a, b) => a + b)).toBe(BigInt(u.input));
          expect(tokens.outputTokens).toBe(BigInt(u.output));
          expect(tokens.reasoningTokens! <= tokens.outputTokens).toBe(true);
          // Within the provider's own bounds (cached + written <= input, reasoning <= output) nothing is clamped.
          if (u.cached + u.written <= u.input) {
            expect(tokens.cachedInputTokens).toBe(BigInt(u.cached));
            expect(tokens.cacheWriteInputTokens).toBe(BigInt(u.written));
          }
          if (u.reasoning <= u.output) expect(tokens.reasoningTokens).toBe(BigInt(u.reasoning));
          // Reasoning is part of output: it never adds to the price.
          const exact =
            tokens.inputTokens * r.inputPer1k +
            tokens.cachedInputTokens * r.cachedInputPer1k +
            tokens.cacheWriteInputTokens! * r.cacheWriteInputPer1k +
            tokens.outputTokens * r.outputPer1k;
          expect(priceTokens(tokens, r)).toBe((exact + 999n) / 1000n);
          // And the usage reported for an estimate reads back as the same tokens.
          expect(tokensFromResponsesUsage(responsesUsageOf(tokens))).toEqual(tokens);
        },
      ),
    );
  });

  it('treats missing or nonsense counts as zero', () => {
    expect(tokensFromResponsesUsage({ input_tokens: -5, output_tokens: Number.NaN, input_tokens_details: null })).toEqual({
      inputTokens: 0n,
      cachedInputTokens: 0n,
      cacheWriteInputTokens: 0n,
      outputTokens: 0n,
      reasoningTokens: 0n,
    });
  });
});

describe('Responses requests', () => {
  it('counts instructions, every input item, tools and the text format', () => {
    const body = {
      model: 'm',
      instructions: 'Answer in French.',
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_text', text: 'Bonjour' },
            { type: 'input_image', image_url: 'https://x/y.png' },
          ],
        },
        { type: 'function_call', call_id: 'c1', name: 'lookup', arguments: '{"q":"Paris"}' },
        { type: 'function_call_output', call_id: 'c1', output: 'Paris is in France' },
      ],
      tools: [{ type: 'function', name: 'lookup', parameters: {} }],
      text: { format: { type: 'json_object' } },
    };
    const parts = responsesPromptParts(parseResponsesRequest(body));
    expect(parts.texts).toEqual([
      'Answer in French.',
      'Bonjour',
      JSON.stringify(body.input[1]),
      JSON.stringify(body.input[2]),
      JSON.stringify(body.tools),
      JSON.stringify(body.text.format),
    ]);
    // Framing per item and the instructions, the primer, and an image part's flat estimate.
    expect(parts.fixedTokens).toBe(REPLY_PRIMER_TOKENS + 4 * TOKENS_PER_MESSAGE + 765);
    const plain = responsesPromptParts(parseResponsesRequest({ model: 'm', input: 'hello there' }));
    expect(countParts(plain)).toBe(REPLY_PRIMER_TOKENS + TOKENS_PER_MESSAGE + countTokens('hello there'));
  });

  it('refuses what the proxy cannot bound before the call', () => {
    for (const [extra, field] of [
      [{ previous_response_id: 'resp_1' }, 'previous_response_id'],
      [{ conversation: 'conv_1' }, 'conversation'],
      [{ prompt: { id: 'pmpt_1' } }, 'prompt'],
      [{ background: true }, 'background'],
      [{ max_output_tokens: 1.5 }, 'max_output_tokens'],
      [{ input: {} }, 'input'],
    ] as const) {
      expect(() => parseResponsesRequest({ model: 'm', input: 'x', ...extra })).toThrow(expect.objectContaining({ details: { field } }));
    }
    expect(parseResponsesRequest({ model: ' m ', input: 'x', stream: 'true', max_output_tokens: 5 })).toMatchObject({
      model: 'm',
      stream: false,
      requestedMaxTokens: 5,
    });
  });
});

describe('embeddings requests', () => {
  it('counts strings with the tokenizer and token arrays by their length', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.array(fc.nat({ max: 200_000 }), { minLength: 1, maxLength: 30 })),
          {
            minLength: 1,
            maxLength: 10,
          },
        ),
        (inputs) => {
          const req = parseEmbeddingsRequest({
            model: 'm',
            input: inputs.length === 1 && typeof inputs[0] === 'string' ? inputs[0] : inputs,
          });
          const expected = inputs.reduce<number>((n, i) => n + (typeof i === 'string' ? countTokens(i) : i.length), 0);
          expect(countParts(embeddingsPromptParts(req))).toBe(expected);
          expect(req.stream).toBe(false);
        },
      ),
    );
    expect(parseEmbeddingsRequest({ model: 'm', input: [1, 2, 3] }).inputs).toEqual([[1, 2, 3]]);
  });
});
