import { randomUUID } from 'node:crypto';
import { decode } from 'gpt-tokenizer';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
} from 'openai/resources/chat/completions';
import type { CreateEmbeddingResponse, EmbeddingCreateParams } from 'openai/resources/embeddings';
import type {
  Response,
  ResponseCreateParamsNonStreaming,
  ResponseCreateParamsStreaming,
  ResponseStreamEvent,
} from 'openai/resources/responses/responses';
import type { PromptTokenCounter } from './prompt-tokens.js';
import { DEFAULT_MAX_OUTPUT_TOKENS, SIMULATED_FINGERPRINT } from './proxy.rules.js';
import type { UpstreamAnswer, UpstreamEvents } from './proxy.types.js';
import { simulatedEmbeddings } from './simulated.embeddings.js';
import { lastUserText, nextTick, replyTokens } from './simulated.reply.js';
import { simulatedResponse, simulatedResponseEvents } from './simulated.responses.js';
import { embeddingsPromptParts, parseEmbeddingsRequest } from './surfaces/embeddings.rules.js';
import { parseResponsesRequest, responsesPromptParts } from './surfaces/responses.rules.js';
import type { OpenAiApis } from './upstream.js';

/** Deterministic reply tokens for a chat request, cut to its output limit. */
function chatReply(body: { messages: unknown[]; max_tokens?: number | null; max_completion_tokens?: number | null }) {
  const { tokens, cut } = replyTokens(
    lastUserText(body.messages),
    body.max_completion_tokens ?? body.max_tokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
  );
  return { tokens, finish: cut ? ('length' as const) : ('stop' as const) };
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
    const { tokens, finish } = chatReply(body);
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
    const { tokens, finish } = chatReply(body);
    const withUsage = body.stream_options?.include_usage === true;
    const prompt = await this.promptOf(body);
    const base = { id, object: 'chat.completion.chunk' as const, created, model: body.model, system_fingerprint: SIMULATED_FINGERPRINT };
    async function* chunks(): AsyncGenerator<ChatCompletionChunk> {
      yield { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] };
      for (let i = 0; i < tokens.length; i += 3) {
        if (signal.aborted) return;
        await nextTick();
        yield { ...base, choices: [{ index: 0, delta: { content: decode(tokens.slice(i, i + 3)) }, finish_reason: null }] };
      }
      yield { ...base, choices: [{ index: 0, delta: {}, finish_reason: finish }] };
      if (withUsage) yield { ...base, choices: [], usage: usageOf(prompt, tokens.length) };
    }
    return { events: chunks(), requestId: null };
  }

  private async responsesPrompt(body: ResponseCreateParamsNonStreaming | ResponseCreateParamsStreaming): Promise<number> {
    return (await this.promptTokens.countParts(responsesPromptParts(parseResponsesRequest(body)))).tokens;
  }

  async responses(body: ResponseCreateParamsNonStreaming): Promise<UpstreamAnswer<Response>> {
    return { answer: simulatedResponse(body, await this.responsesPrompt(body)), requestId: null };
  }

  async responsesStream(body: ResponseCreateParamsStreaming, signal: AbortSignal): Promise<UpstreamEvents<ResponseStreamEvent>> {
    return { events: simulatedResponseEvents(body, await this.responsesPrompt(body), signal), requestId: null };
  }

  async embeddings(body: EmbeddingCreateParams): Promise<UpstreamAnswer<CreateEmbeddingResponse>> {
    const prompt = await this.promptTokens.countParts(embeddingsPromptParts(parseEmbeddingsRequest(body)));
    return { answer: simulatedEmbeddings(body, prompt.tokens), requestId: null };
  }
}
