import type { TokenCounts } from '../../money/money.js';
import { badInput } from '../../shared/errors.js';
import { contentParts, REPLY_PRIMER_TOKENS, TOKENS_PER_MESSAGE, whole, type PromptParts } from '../proxy.rules.js';

export interface ResponsesRequest {
  model: string;
  stream: boolean;
  /** max_output_tokens (reasoning included), or null for the model's cap. */
  requestedMaxTokens: number | null;
  body: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Fields whose prompt lives at the provider (an earlier response, a conversation, a stored
 * prompt) or whose answer comes later (background): the proxy could neither bound the prompt
 * before holding nor settle when the answer ends, so it refuses them rather than guess.
 */
const PROVIDER_STATE = ['previous_response_id', 'conversation', 'prompt'] as const;

/** Validates what the proxy relies on; everything else passes through to the provider. */
export function parseResponsesRequest(body: unknown): ResponsesRequest {
  if (!isObject(body)) throw badInput('The request body must be a JSON object');
  if (typeof body.model !== 'string' || !body.model.trim()) throw badInput('model is required', { field: 'model' });
  const input = body.input;
  const hasInput = (typeof input === 'string' && input.length > 0) || (Array.isArray(input) && input.length > 0);
  if (!hasInput) throw badInput('input must be a non-empty string or array of input items', { field: 'input' });
  for (const field of PROVIDER_STATE) {
    if (body[field] !== undefined && body[field] !== null)
      throw badInput(`${field} is not supported here: send the whole conversation as input, so the call can be held and metered`, {
        field,
      });
  }
  if (body.background === true)
    throw badInput('background responses are not supported: a metered call answers in the request', { field: 'background' });
  if (body.instructions !== undefined && body.instructions !== null && typeof body.instructions !== 'string')
    throw badInput('instructions must be a string', { field: 'instructions' });
  const requested = body.max_output_tokens ?? null;
  if (requested !== null && (typeof requested !== 'number' || !Number.isInteger(requested) || requested < 1))
    throw badInput('max_output_tokens must be a positive integer', { field: 'max_output_tokens' });
  return { model: body.model.trim(), stream: body.stream === true, requestedMaxTokens: requested as number | null, body };
}

/**
 * The prompt as chat framing counts it: instructions, every input item (a message's text parts,
 * any other item, e.g. a function call or its output, as its JSON), tools and the text format.
 */
export function responsesPromptParts(req: ResponsesRequest): PromptParts {
  const texts: string[] = [];
  let fixedTokens = REPLY_PRIMER_TOKENS;
  const { instructions, input, tools, text } = req.body;
  if (typeof instructions === 'string') {
    fixedTokens += TOKENS_PER_MESSAGE;
    texts.push(instructions);
  }
  for (const item of typeof input === 'string' ? [{ role: 'user', content: input }] : (input as unknown[])) {
    fixedTokens += TOKENS_PER_MESSAGE;
    if (isObject(item) && item.content !== undefined) fixedTokens += contentParts(item.content, texts);
    else texts.push(JSON.stringify(item));
  }
  if (tools !== undefined) texts.push(JSON.stringify(tools));
  if (isObject(text) && text.format !== undefined) texts.push(JSON.stringify(text.format));
  return { texts, fixedTokens };
}

export interface ResponsesUsage {
  input_tokens?: number | null;
  input_tokens_details?: { cached_tokens?: number | null; cache_write_tokens?: number | null } | null;
  output_tokens?: number | null;
  output_tokens_details?: { reasoning_tokens?: number | null } | null;
}

const atMost = (v: bigint, max: bigint) => (v > max ? max : v);

/**
 * Responses usage -> billable tokens. `input_tokens` includes the tokens read from and written
 * to the prompt cache: each is priced at its own rate, the rest at the input rate. Reasoning is
 * output, shown on its own.
 */
export function tokensFromResponsesUsage(usage: ResponsesUsage): TokenCounts {
  const input = whole(usage.input_tokens);
  const cached = atMost(whole(usage.input_tokens_details?.cached_tokens), input);
  const written = atMost(whole(usage.input_tokens_details?.cache_write_tokens), input - cached);
  const output = whole(usage.output_tokens);
  return {
    inputTokens: input - cached - written,
    cachedInputTokens: cached,
    cacheWriteInputTokens: written,
    outputTokens: output,
    reasoningTokens: atMost(whole(usage.output_tokens_details?.reasoning_tokens), output),
  };
}

/** Usage in the Responses shape, for a stream settled on estimates. */
export const responsesUsageOf = (t: TokenCounts) => {
  const written = t.cacheWriteInputTokens ?? 0n;
  const input = Number(t.inputTokens + t.cachedInputTokens + written);
  const output = Number(t.outputTokens);
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: Number(t.cachedInputTokens), cache_write_tokens: Number(written) },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: Number(t.reasoningTokens ?? 0n) },
    total_tokens: input + output,
  };
};
