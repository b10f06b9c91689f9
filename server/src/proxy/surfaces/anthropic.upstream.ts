import Anthropic from '@anthropic-ai/sdk';
import type {
  Message,
  MessageCreateParamsNonStreaming,
  MessageCreateParamsStreaming,
  RawMessageStreamEvent,
} from '@anthropic-ai/sdk/resources/messages';
import { nodeFetch } from '../upstream-fetch.js';

/** Where a Messages API call is answered: Anthropic through the official SDK, or the simulator. */
export interface MessagesUpstream {
  readonly simulated: boolean;
  create(body: MessageCreateParamsNonStreaming, signal: AbortSignal): Promise<{ message: Message; requestId: string | null }>;
  stream(
    body: MessageCreateParamsStreaming,
    signal: AbortSignal,
  ): Promise<{ events: AsyncIterable<RawMessageStreamEvent>; requestId: string | null }>;
}

/** Anthropic, through `@anthropic-ai/sdk` (no SDK retries: a retry would be a second call on one hold). */
export class AnthropicUpstream implements MessagesUpstream {
  readonly simulated = false;
  private readonly client: Anthropic;

  constructor(opts: { apiKey: string; baseURL?: string; timeoutMs: number }) {
    this.client = new Anthropic({
      apiKey: opts.apiKey,
      authToken: null,
      baseURL: opts.baseURL,
      timeout: opts.timeoutMs,
      maxRetries: 0,
      fetch: nodeFetch,
    });
  }

  async create(body: MessageCreateParamsNonStreaming, signal: AbortSignal) {
    const { data, request_id } = await this.client.messages.create(body, { signal }).withResponse();
    return { message: data, requestId: request_id ?? null };
  }

  async stream(body: MessageCreateParamsStreaming, signal: AbortSignal) {
    const { data, request_id } = await this.client.messages.create(body, { signal }).withResponse();
    return { events: data, requestId: request_id ?? null };
  }
}
