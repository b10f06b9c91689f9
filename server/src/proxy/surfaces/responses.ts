import { DomainError } from '../../shared/errors.js';
import { countTokens } from 'gpt-tokenizer';
import type {
  Response,
  ResponseCreateParamsNonStreaming,
  ResponseCreateParamsStreaming,
  ResponseOutputItem,
  ResponseStreamEvent,
} from 'openai/resources/responses/responses';
import type { TokenCounts } from '../../money/money.js';
import type { AnswerReader, CallCharge, PreparedCall, StreamReader, StreamSink, UpstreamEvents } from '../proxy.types.js';
import {
  parseResponsesRequest,
  responsesPromptParts,
  responsesUsageOf,
  tokensFromResponsesUsage,
  type ResponsesRequest,
} from './responses.rules.js';
import type { Surface, SurfaceDeps } from './surface.js';

/** The client's body with the model's name and the capped output limit (reasoning included). */
const upstreamBody = (call: PreparedCall, req: ResponsesRequest): Record<string, unknown> => ({
  ...req.body,
  model: call.rate.model,
  stream: req.stream,
  max_output_tokens: call.maxOutputPerChoice,
});

/** Output tokens of an answer's items by the tokenizer (text, refusals, tool-call arguments). */
function outputItemTokens(items: ResponseOutputItem[]): number {
  let n = 0;
  for (const item of items) {
    if (item.type === 'message') {
      for (const part of item.content) n += countTokens(part.type === 'output_text' ? part.text : part.refusal);
    } else if (item.type === 'function_call') {
      n += countTokens(item.name) + countTokens(item.arguments);
    }
  }
  return n;
}

/** Events carrying output as text deltas (audio deltas are base64, not tokens). */
const textDelta = (event: ResponseStreamEvent): string | null =>
  event.type.endsWith('.delta') && event.type !== 'response.audio.delta' && 'delta' in event && typeof event.delta === 'string'
    ? event.delta
    : null;

/** The provider reported a failure inside the stream (an `error` or `response.failed` event). */
class StreamFailed extends DomainError {
  constructor(readonly event: ResponseStreamEvent) {
    super('UPSTREAM_FAILED', `the provider's stream failed (${event.type})`);
  }
}

type FinalEvent = Extract<ResponseStreamEvent, { type: 'response.completed' | 'response.incomplete' }>;

/**
 * A Responses stream: events forwarded with their `event:` names; the closing response.completed
 * (or .incomplete) carries the usage, so it waits for the settle and goes out with the charge.
 * A stream cut at a partial hold's budget closes with response.incomplete (max_output_tokens),
 * its output as far as it went.
 */
class ResponsesStream implements StreamReader<ResponseStreamEvent> {
  private snapshot: Response | null = null;
  private final: FinalEvent | null = null;
  private sequence = -1;
  private readonly output: ResponseOutputItem[] = [];
  private cutShort = false;

  constructor(
    private readonly call: PreparedCall,
    private readonly req: ResponsesRequest,
    private readonly deps: SurfaceDeps,
  ) {}

  open(signal: AbortSignal): Promise<UpstreamEvents<ResponseStreamEvent>> {
    const body = upstreamBody(this.call, this.req) as unknown as ResponseCreateParamsStreaming;
    return this.deps.upstreams.openAi(this.call.rate.model).responsesStream(body, signal);
  }

  see(event: ResponseStreamEvent): void {
    if (event.type === 'error' || event.type === 'response.failed') throw new StreamFailed(event);
    if (typeof event.sequence_number === 'number') this.sequence = Math.max(this.sequence, event.sequence_number);
    if ('response' in event) this.snapshot = event.response;
    if (event.type === 'response.completed' || event.type === 'response.incomplete') this.final = event;
  }

  outputTokens(event: ResponseStreamEvent): number {
    const delta = textDelta(event);
    return delta ? countTokens(delta) : 0;
  }

  forward(event: ResponseStreamEvent, sink: StreamSink): void {
    this.collect(event);
    if (event === this.final) return; // sent after settling, with the charge
    sink.data(event, event.type);
  }

  /** The output as far as it went, for a stream that ends without the provider's closing event. */
  private collect(event: ResponseStreamEvent): void {
    if (event.type === 'response.output_item.added' || event.type === 'response.output_item.done') {
      this.output[event.output_index] = structuredClone(event.item);
    } else if (event.type === 'response.output_text.delta') {
      const item = this.output[event.output_index];
      if (item?.type !== 'message') return;
      const part = (item.content[event.content_index] ??= { type: 'output_text', text: '', annotations: [] });
      if (part.type === 'output_text') part.text += event.delta;
    }
  }

  reportedUsage(): TokenCounts | null {
    const usage = this.final?.response.usage;
    return usage ? tokensFromResponsesUsage(usage) : null;
  }

  fallbackId(): string | null {
    return this.snapshot?.id ?? null;
  }

  cut(): void {
    this.cutShort = true;
  }

  finish(sink: StreamSink, charge: CallCharge, meta: Record<string, unknown>, reported: boolean): void {
    if (reported && this.final) {
      sink.data({ ...this.final, creditmeter: meta }, this.final.type);
      return;
    }
    const base: Partial<Response> = this.snapshot ?? {
      id: `resp_${this.call.hold.id.replaceAll('-', '')}`,
      object: 'response',
      created_at: Math.floor(Date.now() / 1000),
      model: this.call.rate.model,
    };
    const type = this.final && !this.cutShort ? this.final.type : 'response.incomplete';
    const response = {
      ...base,
      ...(this.final && !this.cutShort ? this.final.response : {}),
      status: type === 'response.incomplete' ? 'incomplete' : 'completed',
      incomplete_details: this.cutShort ? { reason: 'max_output_tokens' } : (this.final?.response.incomplete_details ?? null),
      output: this.final && !this.cutShort ? this.final.response.output : this.output.filter(Boolean),
      usage: responsesUsageOf(charge.tokens),
    };
    sink.data({ type, sequence_number: this.sequence + 1, response, creditmeter: meta }, type);
  }

  fail(sink: StreamSink): void {
    sink.data(
      {
        type: 'error',
        code: 'upstream_error',
        message: 'The model provider failed mid-stream; nothing was charged',
        param: null,
        sequence_number: this.sequence + 1,
      },
      'error',
    );
  }
}

/** `POST /v1/responses`: OpenAI's Responses API, streamed or not. */
export const responsesSurface = (deps: SurfaceDeps): Surface<ResponsesRequest> => ({
  parse: parseResponsesRequest,
  describe: (req) => ({
    model: req.model,
    requestedMaxOutput: req.requestedMaxTokens,
    n: 1,
    stream: req.stream,
    outputField: 'max_output_tokens',
    countPrompt: () => deps.promptTokens.countParts(responsesPromptParts(req)),
  }),
  answer: (call, req): AnswerReader<Response> => ({
    run: async (signal) => {
      const body = upstreamBody(call, req) as unknown as ResponseCreateParamsNonStreaming;
      const result = await deps.upstreams.openAi(call.rate.model).responses(body, signal);
      return { answer: result.answer, requestId: result.requestId ?? result.answer.id ?? null };
    },
    usage: (response) => (response.usage ? tokensFromResponsesUsage(response.usage) : null),
    estimatedOutput: (response) => outputItemTokens(response.output ?? []),
  }),
  stream: (call, req) => new ResponsesStream(call, req, deps),
});
