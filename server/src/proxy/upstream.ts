import OpenAI from 'openai';
import { nodeFetch } from './upstream-fetch.js';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
} from 'openai/resources/chat/completions';

export interface UpstreamCompletion {
  completion: ChatCompletion;
  requestId: string | null;
}

export interface UpstreamStream {
  chunks: AsyncIterable<ChatCompletionChunk>;
  requestId: string | null;
}

/** Where a chat completion is answered: the provider through the official SDK, or the simulator. */
export interface Upstream {
  readonly simulated: boolean;
  complete(body: ChatCompletionCreateParamsNonStreaming, signal: AbortSignal): Promise<UpstreamCompletion>;
  stream(body: ChatCompletionCreateParamsStreaming, signal: AbortSignal): Promise<UpstreamStream>;
}

/** The provider, through the official `openai` SDK (no SDK retries: a retry would be a second call on one hold). */
export class OpenAiUpstream implements Upstream {
  readonly simulated = false;
  private readonly client: OpenAI;

  constructor(opts: { apiKey: string; baseURL?: string; timeoutMs: number }) {
    this.client = new OpenAI({ apiKey: opts.apiKey, baseURL: opts.baseURL, timeout: opts.timeoutMs, maxRetries: 0, fetch: nodeFetch });
  }

  async complete(body: ChatCompletionCreateParamsNonStreaming, signal: AbortSignal): Promise<UpstreamCompletion> {
    const { data, request_id } = await this.client.chat.completions.create(body, { signal }).withResponse();
    return { completion: data, requestId: request_id ?? null };
  }

  async stream(body: ChatCompletionCreateParamsStreaming, signal: AbortSignal): Promise<UpstreamStream> {
    const { data, request_id } = await this.client.chat.completions.create(body, { signal }).withResponse();
    return { chunks: data, requestId: request_id ?? null };
  }
}
