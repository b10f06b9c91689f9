import type {
  Message,
  MessageCreateParamsNonStreaming,
  MessageCreateParamsStreaming,
  RawMessageStreamEvent,
} from '@anthropic-ai/sdk/resources/messages';
import type { TokenCounts } from '../../money/money.js';
import type { AnswerReader, CallCharge, PreparedCall, StreamReader, StreamSink, UpstreamEvents } from '../proxy.types.js';
import {
  claudeTokenEstimate,
  contentOutputTokens,
  eventOutputTokens,
  mergeUsage,
  messagesPromptParts,
  parseMessagesRequest,
  tokensFromAnthropicUsage,
  type AnthropicUsage,
  type MessagesRequest,
} from './messages.rules.js';
import type { Surface, SurfaceDeps } from './surface.js';

/** The client's body with the rate card's model name and the capped max_tokens. */
const upstreamBody = (call: PreparedCall, req: MessagesRequest) => ({
  ...req.body,
  model: call.rate.model,
  max_tokens: call.maxOutputPerChoice,
  stream: req.stream,
});

/** Usage in Anthropic's shape from billable tokens (a stream settled on estimates). */
const usageOf = (t: TokenCounts) => ({
  input_tokens: Number(t.inputTokens),
  cache_read_input_tokens: Number(t.cachedInputTokens),
  cache_creation_input_tokens: Number((t.cacheWriteInputTokens ?? 0n) + (t.cacheWrite1hInputTokens ?? 0n)),
  output_tokens: Number(t.outputTokens),
});

/**
 * A Messages API stream: events as they come; message_delta (the final usage) and message_stop
 * are held back and sent once the charge is known, with the charge in message_delta's usage.
 */
class MessagesStream implements StreamReader<RawMessageStreamEvent> {
  /** Output already delivered is paid for, also when Anthropic drops the stream mid-way. */
  readonly chargesDroppedStream = true;
  private usage: AnthropicUsage | null = null;
  private finalUsage = false;
  private messageId: string | null = null;
  private stop: { stop_reason: unknown; stop_sequence: unknown } | null = null;
  private readonly openBlocks = new Set<number>();
  private wasCut = false;

  constructor(
    private readonly call: PreparedCall,
    private readonly req: MessagesRequest,
    private readonly deps: SurfaceDeps,
  ) {}

  open(signal: AbortSignal): Promise<UpstreamEvents<RawMessageStreamEvent>> {
    const body = upstreamBody(this.call, this.req) as unknown as MessageCreateParamsStreaming;
    return this.deps.upstreams.anthropic(this.call.rate.model).stream(body, signal);
  }

  see(event: RawMessageStreamEvent): void {
    if (event.type === 'message_start') {
      this.messageId = event.message.id;
      this.usage = mergeUsage(null, event.message.usage as AnthropicUsage);
    } else if (event.type === 'message_delta') {
      this.usage = mergeUsage(this.usage, event.usage as AnthropicUsage);
      this.finalUsage = true;
      this.stop = { stop_reason: event.delta.stop_reason, stop_sequence: event.delta.stop_sequence };
    }
  }

  outputTokens(event: RawMessageStreamEvent): number {
    return eventOutputTokens(event);
  }

  forward(event: RawMessageStreamEvent, sink: StreamSink): void {
    if (event.type === 'content_block_start') this.openBlocks.add(event.index);
    if (event.type === 'content_block_stop') this.openBlocks.delete(event.index);
    if (event.type === 'message_delta' || event.type === 'message_stop') return; // sent after settling, with the charge
    sink.data(event, event.type);
  }

  reportedUsage(): TokenCounts | null {
    return this.finalUsage && this.usage ? tokensFromAnthropicUsage(this.usage) : null;
  }

  /** Cut short: the input side message_start reported (else the prompt estimate), the output counted here. */
  estimate(promptTokens: number, generated: number): TokenCounts {
    if (!this.usage) return { inputTokens: BigInt(promptTokens), cachedInputTokens: 0n, outputTokens: BigInt(generated) };
    const reported = tokensFromAnthropicUsage(this.usage);
    return { ...reported, outputTokens: reported.outputTokens > BigInt(generated) ? reported.outputTokens : BigInt(generated) };
  }

  fallbackId(): string | null {
    return this.messageId;
  }

  /** A partial hold's budget reached: the open blocks close and the message ends as at max_tokens. */
  cut(sink: StreamSink): void {
    this.wasCut = true;
    for (const index of this.openBlocks) sink.data({ type: 'content_block_stop', index }, 'content_block_stop');
    this.openBlocks.clear();
  }

  finish(sink: StreamSink, charge: CallCharge, meta: Record<string, unknown>, reported: boolean): void {
    const stop = this.wasCut || !this.stop ? { stop_reason: 'max_tokens', stop_sequence: null } : this.stop;
    const usage = reported && this.usage ? this.usage : usageOf(charge.tokens);
    sink.data({ type: 'message_delta', delta: stop, usage: { ...usage, creditmeter: meta } }, 'message_delta');
    sink.data({ type: 'message_stop' }, 'message_stop');
  }

  /** The provider failed mid-stream: Anthropic's error event, with what the produced part was charged. */
  fail(sink: StreamSink, charged: Record<string, unknown> | null): void {
    const message = charged
      ? 'The model provider failed mid-stream; what was produced is charged'
      : 'The model provider failed mid-stream; nothing was charged';
    sink.data(
      { type: 'error', error: { type: 'api_error', code: 'upstream_error', message, ...(charged ? { creditmeter: charged } : {}) } },
      'error',
    );
  }
}

/** `POST /v1/messages`: Anthropic's Messages API, streamed or not, for models whose rate names provider "anthropic". */
export const messagesSurface = (deps: SurfaceDeps): Surface<MessagesRequest> => ({
  parse: parseMessagesRequest,
  describe: (req) => ({
    model: req.model,
    provider: 'anthropic',
    requestedMaxOutput: req.maxTokens,
    n: 1,
    stream: req.stream,
    // An estimate of Claude's count from o200k's (see messages.rules.ts): the hold's upper bound, not exact.
    countPrompt: async () => ({
      tokens: claudeTokenEstimate((await deps.promptTokens.countParts(messagesPromptParts(req))).tokens),
      exact: false,
    }),
  }),
  answer: (call, req): AnswerReader<Message> => ({
    run: async (signal) => {
      const body = upstreamBody(call, req) as unknown as MessageCreateParamsNonStreaming;
      const { message, requestId } = await deps.upstreams.anthropic(call.rate.model).create(body, signal);
      return { answer: message, requestId: requestId ?? message.id ?? null };
    },
    usage: (message) => (message.usage ? tokensFromAnthropicUsage(message.usage) : null),
    estimatedOutput: (message) => contentOutputTokens(message.content),
  }),
  stream: (call, req) => new MessagesStream(call, req, deps),
});
