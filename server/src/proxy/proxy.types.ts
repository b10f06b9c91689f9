import type { KeyPrincipal } from '../auth/roles.js';
import type { PlacedHold } from '../ledger/holds.service.js';
import type { TokenCounts } from '../money/money.js';
import type { ModelRate, Provider } from '../ratecards/ratecard.types.js';
import type { PromptCount } from './prompt-tokens.js';
import type { ServerTiming } from './server-timing.js';

/**
 * The source of the proxy's own settle rows. Their usage keys live in scope 'proxy' and their
 * ledger keys start with 'settle:' (clients' with 'usage:'), so no client key can claim them.
 */
export const PROXY_SOURCE = 'PROXY';

export interface ProxyHeaders {
  /** X-Team-Id: charge this team (the key's own team when absent, if it was issued for one). */
  teamId?: unknown;
  spendCap?: unknown;
  sessionId?: unknown;
  sessionSpendCap?: unknown;
}

/**
 * What the core needs to know of a call, whatever its API: each surface parses its own request
 * into this. The prompt is counted only once the cheap refusals (team, model, settings) passed.
 */
export interface CallDescription {
  model: string;
  /** The client's output limit per choice; null: the model's cap; 0: an API without output (embeddings). */
  requestedMaxOutput: number | null;
  /** Choices the provider writes, each up to the output limit. */
  n: number;
  stream: boolean;
  /** The request field that sets the output limit (a 402's message names it); absent: `max_tokens`. */
  outputField?: string;
  countPrompt(): Promise<PromptCount>;
  /** Whose API the surface speaks (default "openai"): a model whose rate names the other provider is refused. */
  provider?: Provider;
}

/** A call that passed every guardrail and holds its worst case. */
export interface PreparedCall {
  principal: KeyPrincipal;
  rate: ModelRate;
  hold: PlacedHold;
  stream: boolean;
  /** The prompt's tokens for the hold: exact, or (when `promptExact` is false) an upper bound. */
  promptTokens: number;
  promptExact: boolean;
  /** The output limit per choice the surface writes into the upstream request (capped, and cut to a partial hold). */
  maxOutputPerChoice: number;
  /** Set when a shrunk hold lowered the output limit below what the call asked for (or the model's maximum). */
  maxOutputCapped: number | null;
  /** Output tokens over all choices that the hold pays for (partial holds cut the stream here). */
  outputBudget: number;
  /** Answered by the built-in simulator. */
  simulated: boolean;
  /** The request's Server-Timing phases (upstream and settle are entered here). */
  timing: ServerTiming | null;
}

export interface CallCharge {
  charged: bigint;
  tokens: TokenCounts;
  estimated: boolean;
  /** The charged account's available credits once this call settles, derived from the hold's answer. */
  availableAfter: bigint;
}

/** A provider's answer to one call, and its request id (the provider's, or the answer's own id). */
export interface UpstreamAnswer<A> {
  answer: A;
  requestId: string | null;
}

/** A surface's non-streaming call: how it is made and what its answer reports. */
export interface AnswerReader<A> {
  run(signal: AbortSignal): Promise<UpstreamAnswer<A>>;
  /** The provider's usage as billable tokens; null when the answer reports none. */
  usage(answer: A): TokenCounts | null;
  /** Output tokens of an answer without usage, by the tokenizer. */
  estimatedOutput(answer: A): number;
}

export interface UpstreamEvents<E> {
  events: AsyncIterable<E>;
  requestId: string | null;
}

/**
 * A surface's stream, one per call (it may keep state, e.g. the choices still open): how output
 * is counted, what is forwarded, and how the stream ends in that API's shape.
 */
export interface StreamReader<E> {
  open(signal: AbortSignal): Promise<UpstreamEvents<E>>;
  /** Sees every event first (last id, reported usage), also the one a partial hold cuts off. */
  see(event: E): void;
  /** Output tokens the event carries. */
  outputTokens(event: E): number;
  /** Sends an event within budget on to the client, as the API shapes it (the usage event waits for the settle). */
  forward(event: E, sink: StreamSink): void;
  /** The usage the provider reported, once seen. */
  reportedUsage(): TokenCounts | null;
  /** A request id when the provider gave none (the stream's own id). */
  fallbackId(): string | null;
  /** Closes a stream cut at a partial hold's budget, as the API ends an output limit. */
  cut(sink: StreamSink): void;
  /** The last events once the charge is known: usage with the `creditmeter` meta. */
  finish(sink: StreamSink, charge: CallCharge, meta: Record<string, unknown>, reported: boolean): void;
  /**
   * The provider failed mid-stream. `charged`: the meta of what the produced part was charged
   * (surfaces with `chargesDroppedStream`), else null: nothing was charged.
   */
  fail(sink: StreamSink, charged: Record<string, unknown> | null): void;
  /** The tokens of a stream cut short; default: the prompt's estimate and the output counted. */
  estimate?(promptTokens: number, generated: number): TokenCounts;
  /** A provider dropping the stream after it opened charges what was produced, as a cut stream (default: nothing). */
  readonly chargesDroppedStream?: boolean;
}

/** Where a stream goes: the route turns this into SSE on the HTTP response. */
export interface StreamSink {
  /** Aborted when the client goes away. */
  readonly signal: AbortSignal;
  start(): void;
  /** One event: `data: <json>` (with `event: <type>` first when given); nothing once the client left. */
  data(payload: unknown, type?: string): void;
  comment(text: string): void;
  end(): void;
}

export interface StreamOutcome {
  charge: CallCharge | null;
  upstreamError: unknown;
  cut: boolean;
  clientAborted: boolean;
  upstreamMs: number;
}
