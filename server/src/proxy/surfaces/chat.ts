import { countTokens } from 'gpt-tokenizer';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
} from 'openai/resources/chat/completions';
import type { TokenCounts } from '../../money/money.js';
import { parseChatRequest, SIMULATED_FINGERPRINT, tokensFromUsage, type ChatRequest } from '../proxy.rules.js';
import type { AnswerReader, CallCharge, PreparedCall, StreamReader, StreamSink, UpstreamEvents } from '../proxy.types.js';
import type { Surface, SurfaceDeps } from './surface.js';

/** Output tokens a chunk carries (content, refusal and tool-call arguments of every choice). */
function chunkOutputTokens(chunk: ChatCompletionChunk): number {
  let n = 0;
  for (const choice of chunk.choices ?? []) {
    const d = choice.delta ?? {};
    if (typeof d.content === 'string' && d.content) n += countTokens(d.content);
    if (typeof d.refusal === 'string' && d.refusal) n += countTokens(d.refusal);
    for (const call of d.tool_calls ?? []) {
      if (call.function?.name) n += countTokens(call.function.name);
      if (call.function?.arguments) n += countTokens(call.function.arguments);
    }
  }
  return n;
}

/** The client's body with the model's name, the capped output limit, and usage asked for on streams. */
function upstreamBody(call: PreparedCall, req: ChatRequest): Record<string, unknown> {
  const body: Record<string, unknown> = { ...req.body, model: call.rate.model, stream: req.stream };
  // The capped limit replaces the client's, in the field(s) the client used (max_completion_tokens by default).
  const usesMaxTokens = req.body.max_tokens !== undefined && req.body.max_tokens !== null;
  if (usesMaxTokens) body.max_tokens = call.maxOutputPerChoice;
  if (!usesMaxTokens || (req.body.max_completion_tokens !== undefined && req.body.max_completion_tokens !== null))
    body.max_completion_tokens = call.maxOutputPerChoice;
  if (req.stream) {
    body.stream_options = { ...((req.body.stream_options as object | undefined) ?? {}), include_usage: true };
  } else {
    delete body.stream_options;
  }
  return body;
}

/** Usage as chat completions report it, for a stream settled on estimates. */
const estimatedUsage = (t: TokenCounts) => {
  const prompt = Number(t.inputTokens + t.cachedInputTokens);
  const completion = Number(t.outputTokens);
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: Number(t.cachedInputTokens) },
  };
};

/** A chat completion stream: chunks as they come, the usage chunk held back and sent with the charge. */
class ChatStream implements StreamReader<ChatCompletionChunk> {
  private last: ChatCompletionChunk | null = null;
  private usageChunk: ChatCompletionChunk | null = null;
  private readonly openChoices = new Set<number>();

  constructor(
    private readonly call: PreparedCall,
    private readonly req: ChatRequest,
    private readonly deps: SurfaceDeps,
  ) {}

  open(signal: AbortSignal): Promise<UpstreamEvents<ChatCompletionChunk>> {
    const body = upstreamBody(this.call, this.req) as unknown as ChatCompletionCreateParamsStreaming;
    return this.deps.upstreams.openAi(this.call.rate.model).chatStream(body, signal);
  }

  see(chunk: ChatCompletionChunk): void {
    this.last = chunk;
    if (chunk.usage) this.usageChunk = chunk;
  }

  outputTokens(chunk: ChatCompletionChunk): number {
    return chunkOutputTokens(chunk);
  }

  forward(chunk: ChatCompletionChunk, sink: StreamSink): void {
    for (const c of chunk.choices ?? []) {
      if (c.finish_reason) this.openChoices.delete(c.index);
      else this.openChoices.add(c.index);
    }
    if (chunk.usage && (chunk.choices ?? []).length === 0) return; // sent after settling, with the charge
    if (!this.req.wantsUsage && 'usage' in chunk) delete (chunk as { usage?: unknown }).usage;
    sink.data(chunk);
  }

  reportedUsage(): TokenCounts | null {
    return this.usageChunk?.usage ? tokensFromUsage(this.usageChunk.usage) : null;
  }

  fallbackId(): string | null {
    return this.last?.id ?? null;
  }

  cut(sink: StreamSink): void {
    const last = this.last;
    if (!last) return;
    const indexes = this.openChoices.size ? [...this.openChoices] : [0];
    sink.data({
      id: last.id,
      object: 'chat.completion.chunk',
      created: last.created,
      model: last.model,
      system_fingerprint: last.system_fingerprint ?? null,
      choices: indexes.map((index) => ({ index, delta: {}, finish_reason: 'length', logprobs: null })),
    });
  }

  finish(sink: StreamSink, charge: CallCharge, meta: Record<string, unknown>, reported: boolean): void {
    if (this.req.wantsUsage) {
      const base = this.usageChunk ?? this.last;
      sink.data({
        id: base?.id ?? `chatcmpl-${this.call.hold.id}`,
        object: 'chat.completion.chunk',
        created: base?.created ?? Math.floor(Date.now() / 1000),
        model: base?.model ?? this.call.rate.model,
        system_fingerprint: base?.system_fingerprint ?? null,
        choices: [],
        usage: reported ? this.usageChunk!.usage : estimatedUsage(charge.tokens),
        creditmeter: meta,
      });
    } else {
      sink.comment(`creditmeter ${JSON.stringify(meta)}`);
    }
    sink.data('[DONE]');
  }

  fail(sink: StreamSink): void {
    sink.data({
      error: { type: 'upstream_error', code: 'upstream_error', message: 'The model provider failed mid-stream; nothing was charged' },
    });
  }
}

/** `POST /v1/chat/completions`: OpenAI's chat completions, streamed or not. */
export const chatSurface = (deps: SurfaceDeps): Surface<ChatRequest> => ({
  parse: parseChatRequest,
  describe: (req) => ({
    model: req.model,
    requestedMaxOutput: req.requestedMaxTokens,
    n: req.n,
    stream: req.stream,
    countPrompt: () => deps.promptTokens.count(req),
  }),
  answer: (call, req): AnswerReader<ChatCompletion> => ({
    run: async (signal) => {
      const body = upstreamBody(call, req) as unknown as ChatCompletionCreateParamsNonStreaming;
      const result = await deps.upstreams.openAi(call.rate.model).chat(body, signal);
      if (call.simulated) result.answer.system_fingerprint = SIMULATED_FINGERPRINT;
      return { answer: result.answer, requestId: result.requestId ?? result.answer.id ?? null };
    },
    usage: (completion) => (completion.usage ? tokensFromUsage(completion.usage) : null),
    estimatedOutput: (completion) => completion.choices.reduce((n, c) => n + (c.message?.content ? countTokens(c.message.content) : 0), 0),
  }),
  stream: (call, req) => new ChatStream(call, req, deps),
});
