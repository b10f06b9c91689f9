import { countTokens } from 'gpt-tokenizer';
import { appliedRates, ceilDiv, type Per1kRates, type TieredPrices, type TokenCounts } from '../money/money.js';
import { badInput } from '../shared/errors.js';

/** Output cap of a model whose rate card row names none. */
export const DEFAULT_MAX_OUTPUT_TOKENS = 4096;
/** The model that is always answered by the built-in simulator. */
export const SIMULATED_MODEL = 'creditmeter-sim';
export const SIMULATED_FINGERPRINT = 'creditmeter-simulated';
/** OpenAI's chat framing: a few tokens per message plus the reply primer. */
export const TOKENS_PER_MESSAGE = 4;
export const REPLY_PRIMER_TOKENS = 3;
/** Flat estimate for a non-text content part (an image at low detail costs 85; high costs more). */
const NON_TEXT_PART_TOKENS = 765;
const MAX_CHOICES = 8;

export interface ChatRequest {
  model: string;
  messages: unknown[];
  stream: boolean;
  n: number;
  requestedMaxTokens: number | null;
  wantsUsage: boolean;
  body: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates what the proxy itself relies on; everything else passes through to the provider. */
export function parseChatRequest(body: unknown): ChatRequest {
  if (!isObject(body)) throw badInput('The request body must be a JSON object');
  if (typeof body.model !== 'string' || !body.model.trim()) throw badInput('model is required', { field: 'model' });
  if (!Array.isArray(body.messages) || body.messages.length === 0)
    throw badInput('messages must be a non-empty array', { field: 'messages' });
  const n = body.n === undefined || body.n === null ? 1 : body.n;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_CHOICES)
    throw badInput(`n must be an integer from 1 to ${MAX_CHOICES}`, { field: 'n' });
  const requested = body.max_completion_tokens ?? body.max_tokens ?? null;
  if (requested !== null && (typeof requested !== 'number' || !Number.isInteger(requested) || requested < 1)) {
    throw badInput('max_tokens / max_completion_tokens must be a positive integer', { field: 'max_tokens' });
  }
  const streamOptions = isObject(body.stream_options) ? body.stream_options : {};
  return {
    model: body.model.trim(),
    messages: body.messages,
    stream: body.stream === true,
    n,
    requestedMaxTokens: requested as number | null,
    wantsUsage: streamOptions.include_usage === true,
    body,
  };
}

/** What a prompt's token count is made of: the texts to tokenize, plus tokens known without tokenizing. */
export interface PromptParts {
  texts: string[];
  fixedTokens: number;
}

/** Adds a message content's texts to `texts`; returns the tokens of its non-text parts. */
export function contentParts(content: unknown, texts: string[]): number {
  if (typeof content === 'string') {
    texts.push(content);
    return 0;
  }
  if (Array.isArray(content)) {
    let fixed = 0;
    for (const part of content) {
      if (isObject(part) && typeof part.text === 'string') texts.push(part.text);
      else fixed += NON_TEXT_PART_TOKENS;
    }
    return fixed;
  }
  if (content !== null && content !== undefined) texts.push(JSON.stringify(content));
  return 0;
}

/**
 * A chat as OpenAI counts it (o200k tokenizer): message contents, names, tool calls and tool
 * definitions, plus the per-message framing.
 */
export function promptParts(req: Pick<ChatRequest, 'messages' | 'body'>): PromptParts {
  const texts: string[] = [];
  let fixedTokens = REPLY_PRIMER_TOKENS;
  for (const message of req.messages) {
    fixedTokens += TOKENS_PER_MESSAGE;
    if (!isObject(message)) continue;
    fixedTokens += contentParts(message.content, texts);
    if (typeof message.name === 'string') {
      texts.push(message.name);
      fixedTokens += 1;
    }
    if (message.tool_calls !== undefined) texts.push(JSON.stringify(message.tool_calls));
  }
  for (const extra of ['tools', 'functions', 'response_format']) {
    if (req.body[extra] !== undefined) texts.push(JSON.stringify(req.body[extra]));
  }
  return { texts, fixedTokens };
}

/** Exact prompt tokens. Super-linear on long runs without spaces: only for small prompts on the main thread. */
export function countPromptTokens(req: Pick<ChatRequest, 'messages' | 'body'>): number {
  return countParts(promptParts(req));
}

/** Exact tokens of prompt parts (same caveat: small prompts only on the main thread). */
export const countParts = ({ texts, fixedTokens }: PromptParts) => texts.reduce((n, text) => n + countTokens(text), fixedTokens);

/** Linear-time upper bound of the exact count: every BPE token stands for at least one UTF-8 byte. */
export function promptTokenBound(parts: PromptParts): number {
  return parts.texts.reduce((n, text) => n + Buffer.byteLength(text, 'utf8'), parts.fixedTokens);
}

/** Characters of text in a prompt. */
export const promptChars = (parts: PromptParts) => parts.texts.reduce((n, text) => n + text.length, 0);

/** Output tokens the call may produce: the client's ask, never above the model's server-side cap. */
export function outputCap(requested: number | null, modelMax: number | null): number {
  const cap = modelMax ?? DEFAULT_MAX_OUTPUT_TOKENS;
  return requested === null ? cap : Math.min(requested, cap);
}

/** A model's prices (pass the `ModelRate`, so that its long-context tier applies), or one flat set of rates. */
type Prices = TieredPrices | Per1kRates;

/**
 * The rates a hold assumes for a prompt of `promptTokens` (exact or an upper bound): the tier's
 * when the prompt is above its threshold, and for each side the dearest class it could be billed
 * as (a prompt token may turn out to be a cache write, audio or an image; an output token audio).
 * A cache read is assumed to cost no more than uncached input.
 */
function worstRates(prices: Prices, promptTokens: number): { inputPer1k: bigint; outputPer1k: bigint } {
  const r = appliedRates('rates' in prices ? prices : { rates: prices, costs: prices }, BigInt(promptTokens)).rates;
  const max = (...v: bigint[]) => v.reduce((a, b) => (b > a ? b : a));
  return {
    inputPer1k: max(r.inputPer1k, r.cacheWriteInputPer1k, r.cacheWrite1hInputPer1k, r.audioInputPer1k, r.imageInputPer1k),
    outputPer1k: max(r.outputPer1k, r.audioOutputPer1k),
  };
}

/** Worst-case charge: every prompt token at the dearest input class, every choice writing its full output cap. */
export function worstCaseCost(promptTokens: number, maxOutputTokens: number, n: number, prices: Prices): bigint {
  const w = worstRates(prices, promptTokens);
  return ceilDiv(BigInt(promptTokens) * w.inputPer1k + BigInt(maxOutputTokens) * BigInt(n) * w.outputPer1k, 1000n);
}

/**
 * How many output tokens (over all choices) a hold pays for after the prompt: the largest o with
 * ceil((prompt x in + o x out) / 1000) <= hold, at the worst case's rates.
 */
export function outputBudget(hold: bigint, promptTokens: number, prices: Prices): number {
  const rates = worstRates(prices, promptTokens);
  const left = hold * 1000n - BigInt(promptTokens) * rates.inputPer1k;
  if (left <= 0n) return 0;
  if (rates.outputPer1k === 0n) return Number.MAX_SAFE_INTEGER;
  const budget = left / rates.outputPer1k;
  return budget > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(budget);
}

/** OpenAI chat usage (`usage` of a completion or of the final stream chunk). */
export interface ProviderUsage {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  prompt_tokens_details?: { cached_tokens?: number | null; audio_tokens?: number | null } | null;
  completion_tokens_details?: { reasoning_tokens?: number | null; audio_tokens?: number | null } | null;
}

/** A provider's token count as a bigint: anything but a positive finite number is 0. */
export const whole = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? BigInt(Math.floor(v)) : 0n);
const atMost = (v: bigint, cap: bigint) => (v > cap ? cap : v);

/** OpenAI-style totals with their details, as reported (absent = 0). */
export interface OpenAiTokenParts {
  /** All prompt tokens, cached and audio included. */
  prompt: number | null | undefined;
  cached?: number | null;
  audioInput?: number | null;
  /** All output tokens, reasoning and audio included. */
  completion: number | null | undefined;
  audioOutput?: number | null;
  reasoning?: number | null;
}

/**
 * OpenAI's totals-with-details (chat's prompt/completion, the Responses API's input/output) into
 * disjoint priced classes: input = prompt - cached - audio, output = completion - audio; reasoning
 * stays inside output. Details larger than their total are cut to it, so nothing is priced twice.
 */
export function openAiTokens(parts: OpenAiTokenParts): TokenCounts {
  const prompt = whole(parts.prompt);
  const cached = atMost(whole(parts.cached), prompt);
  const audioIn = atMost(whole(parts.audioInput), prompt - cached);
  const completion = whole(parts.completion);
  const audioOut = atMost(whole(parts.audioOutput), completion);
  const output = completion - audioOut;
  return {
    inputTokens: prompt - cached - audioIn,
    cachedInputTokens: cached,
    outputTokens: output,
    audioInputTokens: audioIn,
    audioOutputTokens: audioOut,
    reasoningTokens: atMost(whole(parts.reasoning), output),
  };
}

/** Chat usage -> billable tokens. */
export const tokensFromUsage = (usage: ProviderUsage): TokenCounts =>
  openAiTokens({
    prompt: usage.prompt_tokens,
    cached: usage.prompt_tokens_details?.cached_tokens,
    audioInput: usage.prompt_tokens_details?.audio_tokens,
    completion: usage.completion_tokens,
    audioOutput: usage.completion_tokens_details?.audio_tokens,
    reasoning: usage.completion_tokens_details?.reasoning_tokens,
  });

/** When the provider reported nothing (an aborted stream): the prompt estimate and what was generated. */
export const estimatedTokens = (promptTokens: number, outputTokens: number): TokenCounts => ({
  inputTokens: BigInt(promptTokens),
  cachedInputTokens: 0n,
  outputTokens: BigInt(outputTokens),
});

/** An optional non-negative millicredit amount from a header; absent or empty -> null. */
export function parseCapHeader(value: unknown, header: string): bigint | null {
  if (value === undefined || value === null || value === '') return null;
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text !== 'string' || !/^\d{1,15}$/.test(text.trim()))
    throw badInput(`${header} must be a whole number of millicredits`, { field: header });
  return BigInt(text.trim());
}

/** The tighter of two optional caps. */
export function tighterCap(a: bigint | null, b: bigint | null): bigint | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/** An optional session id header: short, printable. */
export function parseSessionId(value: unknown): string | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text !== 'string' || !text.trim()) return null;
  const id = text.trim();
  if (id.length > 200 || !/^[\x21-\x7e]+$/.test(id))
    throw badInput('X-Session-Id must be at most 200 printable characters', { field: 'X-Session-Id' });
  return id;
}
