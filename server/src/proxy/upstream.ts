import OpenAI from 'openai';
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
import type { UpstreamAnswer, UpstreamEvents } from './proxy.types.js';
import { nodeFetch } from './upstream-fetch.js';

/** Where OpenAI's APIs are answered: the provider through the official SDK, or the simulator. */
export interface OpenAiApis {
  readonly simulated: boolean;
  chat(body: ChatCompletionCreateParamsNonStreaming, signal: AbortSignal): Promise<UpstreamAnswer<ChatCompletion>>;
  chatStream(body: ChatCompletionCreateParamsStreaming, signal: AbortSignal): Promise<UpstreamEvents<ChatCompletionChunk>>;
  responses(body: ResponseCreateParamsNonStreaming, signal: AbortSignal): Promise<UpstreamAnswer<Response>>;
  responsesStream(body: ResponseCreateParamsStreaming, signal: AbortSignal): Promise<UpstreamEvents<ResponseStreamEvent>>;
  embeddings(body: EmbeddingCreateParams, signal: AbortSignal): Promise<UpstreamAnswer<CreateEmbeddingResponse>>;
}

/** The provider, through the official `openai` SDK (no SDK retries: a retry would be a second call on one hold). */
export class OpenAiUpstream implements OpenAiApis {
  readonly simulated = false;
  private readonly client: OpenAI;

  constructor(opts: { apiKey: string; baseURL?: string; timeoutMs: number }) {
    this.client = new OpenAI({ apiKey: opts.apiKey, baseURL: opts.baseURL, timeout: opts.timeoutMs, maxRetries: 0, fetch: nodeFetch });
  }

  async chat(body: ChatCompletionCreateParamsNonStreaming, signal: AbortSignal): Promise<UpstreamAnswer<ChatCompletion>> {
    const { data, request_id } = await this.client.chat.completions.create(body, { signal }).withResponse();
    return { answer: data, requestId: request_id ?? null };
  }

  async chatStream(body: ChatCompletionCreateParamsStreaming, signal: AbortSignal): Promise<UpstreamEvents<ChatCompletionChunk>> {
    const { data, request_id } = await this.client.chat.completions.create(body, { signal }).withResponse();
    return { events: data, requestId: request_id ?? null };
  }

  async responses(body: ResponseCreateParamsNonStreaming, signal: AbortSignal): Promise<UpstreamAnswer<Response>> {
    const { data, request_id } = await this.client.responses.create(body, { signal }).withResponse();
    return { answer: data, requestId: request_id ?? null };
  }

  async responsesStream(body: ResponseCreateParamsStreaming, signal: AbortSignal): Promise<UpstreamEvents<ResponseStreamEvent>> {
    const { data, request_id } = await this.client.responses.create(body, { signal }).withResponse();
    return { events: data, requestId: request_id ?? null };
  }

  async embeddings(body: EmbeddingCreateParams, signal: AbortSignal): Promise<UpstreamAnswer<CreateEmbeddingResponse>> {
    const { data, request_id } = await this.client.embeddings.create(body, { signal }).withResponse();
    return { answer: data, requestId: request_id ?? null };
  }
}
