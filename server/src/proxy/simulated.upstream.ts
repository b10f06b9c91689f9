import { randomUUID } from 'node:crypto';
import { decode, encode } from 'gpt-tokenizer';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
} from 'openai/resources/chat/completions';
import type { PromptTokenCounter } from './prompt-tokens.js';
import { DEFAULT_MAX_OUTPUT_TOKENS, SIMULATED_FINGERPRINT } from './proxy.rules.js';
import type { UpstreamAnswer, UpstreamEvents } from './proxy.types.js';
import type { OpenAiApis } from './upstream.js';

const FILLER =
  'This answer comes from the creditmeter simulator, not from a real model: no OPENAI_API_KEY is set ' +
  '(or the model is creditmeter-sim), so the proxy answers by itself. Everything else is real: the ' +
  'prompt was counted with a tokenizer, the worst case was held on your balance, and this reply is ' +
  'settled on the usage reported below, at the rates of the active rate card.';

function lastUserText(messages: unknown[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as { role?: string; content?: unknown };
    if (m?.role !== 'user') continue;
    if (typeof m.content === 'string') return m.content;
    if (Array.isArray(m.content)) {
      return m.content.map((p: { text?: unknown }) => (typeof p?.text === 'string' ? p.text : '')).join(' ');
    }
  }
  return '';
}

/** Deterministic reply tokens for a request, cut to its output limit. */
function replyTokens(body: { messages: unknown[]; max_tokens?: number | null; max_completion_tokens?: number | null }) {
  const quoted = lastUserText(body.messages).replace(/\s+/g, ' ').trim().slice(0, 120);
  const text = `${quoted ? `You said: "${quoted}". ` : ''}${FILLER}`;
  const limit = body.max_completion_tokens ?? body.max_tokens ?? DEFAULT_MAX_OUTPUT_TOKENS;
  const tokens = encode(text);
  const cut = tokens.length > limit;
  return { tokens: cut ? tokens.slice(0, limit) : tokens, finish: cut ? ('length' as const) : ('stop' as const) };
}

const usageOf = (prompt: number, completionTokens: number) => {
  return {
    prompt_tokens: prompt,
    completion_tokens: completionTokens,
    total_tokens: prompt + completionTokens,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0 },
  };
};

/** A built-in model for demos without a provider key: deterministic text, real-looking usage. */
export class SimulatedUpstream implements OpenAiApis {
  readonly simulated = true;

  constructor(private readonly promptTokens: PromptTokenCounter) {}

  private async promptOf(body: { messages: unknown[] }): Promise<number> {
    return (await this.promptTokens.count({ messages: body.messages, body: body as unknown as Record<string, unknown> })).tokens;
  }

  async chat(body: ChatCompletionCreateParamsNonStreaming): Promise<UpstreamAnswer<ChatCompletion>> {
    const n = body.n ?? 1;
    const { tokens, finish } = replyTokens(body);
    const content = decode(tokens);
    const completion: ChatCompletion = {
      id: `chatcmpl-sim-${randomUUID()}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      system_fingerprint: SIMULATED_FINGERPRINT,
      choices: Array.from({ length: n }, (_, index) => ({
        index,
        message: { role: 'assistant', content, refusal: null },
        finish_reason: finish,
        logprobs: null,
      })),
      usage: usageOf(await this.promptOf(body), tokens.length * n),
    };
    return { answer: completion, requestId: null };
  }

  async chatStream(body: ChatCompletionCreateParamsStreaming, signal: AbortSignal): Promise<UpstreamEvents<ChatCompletionChunk>> {
    const id = `chatcmpl-sim-${randomUUID()}`;
    const created = Math.floor(Date.now() / 1000);
    const { tokens, finish } = replyTokens(body);
    const withUsage = body.stream_options?.include_usage === true;
    const prompt = await this.promptOf(body);
    const base = { id, object: 'chat.completion.chunk' as const, created, model: body.model, system_fingerprint: SIMULATED_FINGERPRINT };
    async function* chunks(): AsyncGenerator<ChatCompletionChunk> {
      yield { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] };
      for (let i = 0; i < tokens.length; i += 3) {
        if (signal.aborted) return;
        await new Promise((resolve) => setImmediate(resolve));
        yield { ...base, choices: [{ index: 0, delta: { content: decode(tokens.slice(i, i + 3)) }, finish_reason: null }] };
      }
      yield { ...base, choices: [{ index: 0, delta: {}, finish_reason: finish }] };
      if (withUsage) yield { ...base, choices: [], usage: usageOf(prompt, tokens.length) };
    }
    return { events: chunks(), requestId: null };
  }
}
