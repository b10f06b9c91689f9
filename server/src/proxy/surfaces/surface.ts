import type { PromptTokenCounter } from '../prompt-tokens.js';
import type { AnswerReader, CallDescription, PreparedCall, StreamReader } from '../proxy.types.js';
import type { Upstreams } from '../upstreams.js';

/**
 * One API the proxy meters (chat completions, responses, embeddings, …). The core
 * (ProxyService) admits, holds, settles and voids the same way for every surface; a surface
 * knows only its API's shapes: how a request is validated and its prompt counted, how the capped
 * output limit is written into the upstream request, and how answers and streams report usage.
 */
export interface Surface<Req extends { stream: boolean }> {
  /** Validates what the proxy relies on (DomainErrors); everything else passes through to the provider. */
  parse(body: unknown): Req;
  describe(req: Req): CallDescription;
  /** The non-streaming call. */
  answer(call: PreparedCall, req: Req): AnswerReader<unknown>;
  /** The streaming call; absent where the API does not stream. */
  stream?(call: PreparedCall, req: Req): StreamReader<unknown>;
}

/** What surfaces are built from. */
export interface SurfaceDeps {
  promptTokens: PromptTokenCounter;
  upstreams: Upstreams;
}
