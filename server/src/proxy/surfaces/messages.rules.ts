import { countTokens } from 'gpt-tokenizer';
import type { TokenCounts } from '../../money/money.js';
import { badInput } from '../../shared/errors.js';
import { whole, type PromptParts } from '../proxy.rules.js';

/**
 * Anthropic's Messages API (`POST /v1/messages`): what the gateway reads of a request, how the
 * prompt is estimated for the hold, and how Anthropic's usage becomes billable tokens.
 */
export interface MessagesRequest {
  model: string;
  messages: unknown[];
  stream: boolean;
  /** Required by Anthropic: the most output tokens the client accepts. */
  maxTokens: number;
  body: Record<string, unknown>;
}

/** Framing tokens per message and for the system prompt (role markers, turn separators). */
const TOKENS_PER_MESSAGE = 8;
/** A non-text block (image, PDF page): Claude bills an image at most about 1,600 tokens. */
const NON_TEXT_BLOCK_TOKENS = 1600;
/**
 * The hold's prompt estimate is the o200k count times this: Claude's tokenizers spend up to about
 * a third more tokens than o200k on English prose and more on code; half again covers both. Only
 * the hold uses it: the charge comes from the provider's reported usage.
 */
const CLAUDE_TOKENS_PER_O200K = 1.5;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkContent(content: unknown, field: string) {
  if (typeof content === 'string') return;
  if (!Array.isArray(content)) throw badInput(`${field} must be a string or an array of content blocks`, { field });
  content.forEach((block, i) => {
    if (!isObject(block) || typeof block.type !== 'string')
      throw badInput(`${field}.${i} must be a content block with a type`, { field: `${field}.${i}` });
  });
}

/** Validates what Anthropic requires and the gateway relies on; everything else passes through. */
export function parseMessagesRequest(body: unknown): MessagesRequest {
  if (!isObject(body)) throw badInput('The request body must be a JSON object');
  if (typeof body.model !== 'string' || !body.model.trim()) throw badInput('model: Field required', { field: 'model' });
  const maxTokens = body.max_tokens;
  if (maxTokens === undefined || maxTokens === null) throw badInput('max_tokens: Field required', { field: 'max_tokens' });
  if (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1)
    throw badInput('max_tokens: must be a positive integer', { field: 'max_tokens' });
  if (!Array.isArray(body.messages) || body.messages.length === 0)
    throw badInput('messages: must be a non-empty array', { field: 'messages' });
  body.messages.forEach((m, i) => {
    if (!isObject(m) || (m.role !== 'user' && m.role !== 'assistant'))
      throw badInput(`messages.${i}.role: must be "user" or "assistant"`, { field: `messages.${i}.role` });
    checkContent(m.content, `messages.${i}.content`);
  });
  if (body.system !== undefined && body.system !== null) checkContent(body.system, 'system');
  if (body.stream !== undefined && body.stream !== null && typeof body.stream !== 'boolean')
    throw badInput('stream: must be a boolean', { field: 'stream' });
  return { model: body.model.trim(), messages: body.messages, stream: body.stream === true, maxTokens, body };
}

/** Adds a content's texts to `texts`; returns the tokens of its non-text blocks. */
function contentParts(content: unknown, texts: string[]): number {
  if (typeof content === 'string') {
    texts.push(content);
    return 0;
  }
  if (!Array.isArray(content)) return 0;
  let fixed = 0;
  for (const block of content) {
    if (!isObject(block)) continue;
    if (typeof block.text === 'string') texts.push(block.text);
    else if (typeof block.thinking === 'string') texts.push(block.thinking);
    else if (block.type === 'tool_use') texts.push(`${String(block.name ?? '')}${JSON.stringify(block.input ?? {})}`);
    else if (block.type === 'tool_result') fixed += contentParts(block.content, texts);
    else if (block.type === 'redacted_thinking' && typeof block.data === 'string') texts.push(block.data);
    else fixed += NON_TEXT_BLOCK_TOKENS;
  }
  return fixed;
}

/** The prompt's texts as o200k would count them: system, messages, tool definitions, plus framing. */
export function messagesPromptParts(req: Pick<MessagesRequest, 'messages' | 'body'>): PromptParts {
  const texts: string[] = [];
  let fixedTokens = TOKENS_PER_MESSAGE;
  if (req.body.system !== undefined && req.body.system !== null) fixedTokens += contentParts(req.body.system, texts);
  for (const message of req.messages) {
    fixedTokens += TOKENS_PER_MESSAGE;
    if (isObject(message)) fixedTokens += contentParts(message.content, texts);
  }
  if (req.body.tools !== undefined) texts.push(JSON.stringify(req.body.tools));
  return { texts, fixedTokens };
}

/** An o200k count (texts only) scaled to an estimate of Claude's count of the same text. */
export const claudeTokenEstimate = (o200kTokens: number): number => Math.ceil(o200kTokens * CLAUDE_TOKENS_PER_O200K);

/** Anthropic's usage object (message, message_start and message_delta all carry one). */
export interface AnthropicUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_creation?: { ephemeral_5m_input_tokens?: number | null; ephemeral_1h_input_tokens?: number | null } | null;
  output_tokens_details?: { thinking_tokens?: number | null } | null;
}

/**
 * Anthropic usage -> billable tokens. `input_tokens` is already the uncached input; cache reads are
 * cached input; cache writes are split by TTL from `cache_creation` (a total beyond that
 * breakdown, or a total with no breakdown, is the default 5-minute write). Thinking is output.
 */
export function tokensFromAnthropicUsage(usage: AnthropicUsage): TokenCounts {
  const oneHour = whole(usage.cache_creation?.ephemeral_1h_input_tokens);
  let fiveMin = whole(usage.cache_creation?.ephemeral_5m_input_tokens);
  const total = whole(usage.cache_creation_input_tokens);
  if (total > fiveMin + oneHour) fiveMin = total - oneHour;
  const output = whole(usage.output_tokens);
  const thinking = whole(usage.output_tokens_details?.thinking_tokens);
  return {
    inputTokens: whole(usage.input_tokens),
    cachedInputTokens: whole(usage.cache_read_input_tokens),
    outputTokens: output,
    cacheWriteInputTokens: fiveMin,
    cacheWrite1hInputTokens: oneHour,
    reasoningTokens: thinking > output ? output : thinking,
  };
}

/**
 * A stream's usage so far: message_start carries the input side, message_delta the cumulative
 * totals (its null fields leave the earlier values).
 */
export function mergeUsage(base: AnthropicUsage | null, update: AnthropicUsage): AnthropicUsage {
  const merged: AnthropicUsage = { ...(base ?? {}) };
  for (const [key, value] of Object.entries(update) as [keyof AnthropicUsage, unknown][]) {
    if (value !== null && value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

/** Output tokens a stream event carries: text, thinking and tool input deltas, and tool names. */
export function eventOutputTokens(event: { type?: string; delta?: unknown; content_block?: unknown }): number {
  if (event.type === 'content_block_delta' && isObject(event.delta)) {
    const d = event.delta;
    const text = d.text ?? d.thinking ?? d.partial_json;
    return typeof text === 'string' && text ? countTokens(text) : 0;
  }
  if (event.type === 'content_block_start' && isObject(event.content_block)) {
    const block = event.content_block;
    let n = 0;
    if (typeof block.name === 'string') n += countTokens(block.name);
    if (typeof block.text === 'string' && block.text) n += countTokens(block.text);
    return n;
  }
  return 0;
}

/** Output tokens of a whole (non-streamed) message's content, when the provider reported no usage. */
export function contentOutputTokens(content: unknown): number {
  const texts: string[] = [];
  contentParts(content, texts);
  return texts.reduce((n, t) => n + countTokens(t), 0);
}
