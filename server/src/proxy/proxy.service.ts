import type { Logger } from 'pino';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
} from 'openai/resources/chat/completions';
import { countTokens } from 'gpt-tokenizer';
import type { KeyPrincipal } from '../auth/roles.js';
import type { Config } from '../config.js';
import { metrics } from '../metrics/metrics.js';
import type { Hold, HoldsService } from '../ledger/holds.service.js';
import { SettleFailed, SpendCapExceeded } from '../ledger/holds.service.js';
import { DomainError, badInput } from '../shared/errors.js';
import { requestHash } from '../ledger/ledger.service.js';
import type { TokenCounts } from '../money/money.js';
import type { ModelRate } from '../ratecards/ratecard.types.js';
import type { RateCardsService } from '../ratecards/ratecards.service.js';
import type { TeamsService } from '../teams/teams.service.js';
import { PROXY_SOURCE } from '../ledger/ledger.types.js';
import { priceUsage, usageFingerprint } from '../usage/usage.rules.js';
import type { ProxySettingsService } from './proxy-settings.service.js';
import type { PromptTokenCounter } from './prompt-tokens.js';
import {
  estimatedTokens,
  outputBudget,
  outputCap,
  parseCapHeader,
  parseChatRequest,
  parseSessionId,
  SIMULATED_MODEL,
  tighterCap,
  tokensFromUsage,
  worstCaseCost,
  type ChatRequest,
} from './proxy.rules.js';
import type { ServerTiming } from './server-timing.js';
import { SimulatedUpstream } from './simulated.upstream.js';
import { OpenAiUpstream, type Upstream } from './upstream.js';

export interface ProxyHeaders {
  /** X-Team-Id: charge this team (the key's own team when absent, if it was issued for one). */
  teamId?: unknown;
  spendCap?: unknown;
  sessionId?: unknown;
  sessionSpendCap?: unknown;
}

/** A call that passed every guardrail and holds its worst case. */
export interface PreparedCall {
  principal: KeyPrincipal;
  req: ChatRequest;
  rate: ModelRate;
  hold: Hold;
  /** The prompt's tokens for the hold: exact, or (when `promptExact` is false) an upper bound. */
  promptTokens: number;
  promptExact: boolean;
  /** Output tokens over all choices that the hold pays for (partial holds cut the stream here). */
  outputBudget: number;
  upstream: Upstream;
  upstreamBody: Record<string, unknown>;
  /** The request's Server-Timing phases (upstream and settle are entered here). */
  timing: ServerTiming | null;
}

export interface CallCharge {
  charged: bigint;
  tokens: TokenCounts;
  estimated: boolean;
}

/** Where a stream goes: the route turns this into SSE on the HTTP response. */
export interface StreamSink {
  /** Aborted when the client goes away. */
  readonly signal: AbortSignal;
  start(): void;
  data(payload: unknown): void;
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

/** The provider call failed (the hold is already voided); `cause` is the SDK's error. */
export class UpstreamFailure extends Error {
  constructor(override readonly cause: unknown) {
    super('upstream call failed');
  }
}

/** Like Promise.all, but when several reject, the earliest in the list wins, not the fastest. */
async function firstRefusalInOrder<T extends readonly unknown[]>(work: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(work);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}

const elapsedMs = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;

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

/**
 * The metered proxy: authenticate (route) -> model enabled -> output capped -> spend caps ->
 * worst case held -> provider call -> settle on reported usage (or void) -> balance published.
 */
export class ProxyService {
  private readonly simulator: SimulatedUpstream;
  private readonly provider: Upstream | null;
  /** Settles of answered calls not yet committed. */
  private readonly settling = new Set<Promise<void>>();

  constructor(
    private readonly config: Config,
    private readonly rateCards: RateCardsService,
    private readonly holds: HoldsService,
    private readonly settings: ProxySettingsService,
    private readonly log: Logger,
    private readonly promptTokens: PromptTokenCounter,
    private readonly teams: TeamsService,
  ) {
    this.simulator = new SimulatedUpstream(promptTokens);
    this.provider = config.OPENAI_API_KEY
      ? new OpenAiUpstream({ apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, timeoutMs: config.PROXY_UPSTREAM_TIMEOUT_MS })
      : null;
  }

  /** Stops the token counting workers. */
  async close(): Promise<void> {
    await this.promptTokens.close();
  }

  /** True when `model` is answered by the built-in simulator (no provider key, or creditmeter-sim). */
  isSimulated(model: string): boolean {
    return !this.provider || model === SIMULATED_MODEL;
  }

  private upstreamFor(model: string): Upstream {
    return this.isSimulated(model) ? this.simulator : this.provider!;
  }

  /** Every check that must pass before the provider is called, then the hold. Throws DomainErrors. */
  async prepare(principal: KeyPrincipal, body: unknown, headers: ProxyHeaders, timing: ServerTiming | null = null): Promise<PreparedCall> {
    timing?.enter('checks');
    const req = parseChatRequest(body);
    const headerCap = parseCapHeader(headers.spendCap, 'X-Spend-Cap-Millicredits');
    const sessionId = parseSessionId(headers.sessionId);
    const headerSessionCap = parseCapHeader(headers.sessionSpendCap, 'X-Session-Spend-Cap-Millicredits');
    const teamHeader = Array.isArray(headers.teamId) ? headers.teamId[0] : headers.teamId;
    if (teamHeader !== undefined && typeof teamHeader !== 'string') throw badInput('X-Team-Id must be a team id', { field: 'X-Team-Id' });
    // NOT_FOUND / MODEL_DISABLED / FORBIDDEN refuse here, before any provider call.
    // Run together, but refuse in a fixed order: the team first, so a non-member is FORBIDDEN
    // whatever model it names (never MODEL_DISABLED or NOT_FOUND for a model).
    const [team, rate, settings] = await firstRefusalInOrder([
      this.teams.prepareCharge(principal, principal.accountId, teamHeader?.trim() || null, req.model),
      this.rateCards.rateFor(req.model),
      this.settings.cached(principal.accountId),
    ] as const);

    timing?.enter('tokens');
    const { tokens: promptTokens, exact: promptExact } = await this.promptTokens.count(req);
    const maxOutput = outputCap(req.requestedMaxTokens, rate.maxOutputTokens);
    const worst = worstCaseCost(promptTokens, maxOutput, req.n, rate);
    // A team call spends under the team's policy; the member's own settings govern their own account.
    const guard = team
      ? {
          requestCap: team.policy.requestCap,
          sessionCap: team.policy.sessionCap,
          sessionWindowSeconds: team.policy.sessionWindowSeconds,
          streamingHolds: false,
        }
      : settings;
    const requestCap = tighterCap(headerCap, guard.requestCap);
    if (requestCap !== null && worst > requestCap) throw new SpendCapExceeded('request', requestCap, worst);
    const sessionCap = tighterCap(headerSessionCap, guard.sessionCap);

    const partial = req.stream && guard.streamingHolds;
    const partialMinimum = partial ? worstCaseCost(promptTokens, Math.min(settings.minOutputTokens, maxOutput), 1, rate) : null;
    let hold: Hold;
    timing?.enter('hold');
    try {
      hold = await this.holds.place({
        accountId: team ? team.teamId : principal.accountId,
        amount: worst,
        partialMinimum,
        model: rate.model,
        apiKeyId: principal.keyId,
        // Sessions are the member's own, also on a shared team account.
        sessionId: sessionId && team ? `${principal.accountId}/${sessionId}` : sessionId,
        sessionCap: sessionId && sessionCap !== null ? { cap: sessionCap, windowSeconds: guard.sessionWindowSeconds } : null,
        ttlSeconds: this.config.PROXY_HOLD_TTL_SECONDS,
        member: team ? { memberAccountId: principal.accountId, at: team.at } : null,
      });
    } catch (err) {
      // The member step refused: say why, with the member's remaining allocation.
      const memberRefused = err instanceof DomainError && (err.code === 'FORBIDDEN' || err.details.scope === 'allocation');
      if (team && memberRefused) throw await this.teams.refusal(team, worst);
      throw err;
    }

    const budget = hold.partial ? outputBudget(hold.amount, promptTokens, rate) : maxOutput * req.n;
    const perChoice = hold.partial ? Math.max(1, Math.min(maxOutput, Math.floor(budget / req.n))) : maxOutput;
    const upstreamBody: Record<string, unknown> = { ...req.body, model: rate.model, stream: req.stream };
    // The capped limit replaces the client's, in the field(s) the client used (max_completion_tokens by default).
    const usesMaxTokens = req.body.max_tokens !== undefined && req.body.max_tokens !== null;
    if (usesMaxTokens) upstreamBody.max_tokens = perChoice;
    if (!usesMaxTokens || (req.body.max_completion_tokens !== undefined && req.body.max_completion_tokens !== null))
      upstreamBody.max_completion_tokens = perChoice;
    if (req.stream) {
      upstreamBody.stream_options = { ...((req.body.stream_options as object | undefined) ?? {}), include_usage: true };
    } else {
      delete upstreamBody.stream_options;
    }
    return {
      principal,
      req,
      rate,
      hold,
      promptTokens,
      promptExact,
      outputBudget: budget,
      upstream: this.upstreamFor(rate.model),
      upstreamBody,
      timing,
    };
  }

  /** Releases the hold of a call that will not settle (the provider failed). */
  async abandon(call: PreparedCall): Promise<void> {
    call.timing?.enter('settle');
    await this.holds.void(call.hold);
  }

  /** Non-streaming: one provider call, settled on its usage; a provider failure voids the hold and rethrows. */
  async complete(call: PreparedCall): Promise<{ completion: ChatCompletion; charge: CallCharge; upstreamMs: number }> {
    call.timing?.enter('upstream');
    const started = process.hrtime.bigint();
    let result;
    try {
      // Not tied to the client's connection: a call the provider finishes is paid for.
      result = await call.upstream.complete(
        call.upstreamBody as unknown as ChatCompletionCreateParamsNonStreaming,
        new AbortController().signal,
      );
    } catch (err) {
      await this.abandon(call);
      throw new UpstreamFailure(err);
    }
    const upstreamMs = elapsedMs(started);
    call.timing?.enter('settle');
    const { completion, requestId } = result;
    const usage = completion.usage;
    const tokens = usage
      ? tokensFromUsage(usage)
      : estimatedTokens(
          call.promptTokens,
          completion.choices.reduce((n, c) => n + (c.message?.content ? countTokens(c.message.content) : 0), 0),
        );
    const charge = this.settleAfterAnswer(call, tokens, !usage, requestId ?? completion.id ?? null, upstreamMs);
    if (this.isSimulated(call.rate.model)) completion.system_fingerprint = 'creditmeter-simulated';
    return { completion, charge, upstreamMs };
  }

  /**
   * Streaming: forwards chunks as they come, counting output tokens; ends cleanly with
   * finish_reason "length" when a partial hold's budget is reached; settles on the provider's
   * usage chunk, or on the tokenizer's count when the stream was cut or the client left.
   */
  async stream(
    call: PreparedCall,
    sink: StreamSink,
    onSettled: (charge: CallCharge, upstreamMs: number) => Record<string, unknown>,
  ): Promise<StreamOutcome> {
    const controller = new AbortController();
    const abortUpstream = () => controller.abort();
    sink.signal.addEventListener('abort', abortUpstream, { once: true });
    if (sink.signal.aborted) controller.abort(); // the client left while the hold was being placed
    call.timing?.enter('upstream');
    const started = process.hrtime.bigint();
    let opened;
    try {
      opened = await call.upstream.stream(call.upstreamBody as unknown as ChatCompletionCreateParamsStreaming, controller.signal);
    } catch (err) {
      sink.signal.removeEventListener('abort', abortUpstream);
      await this.abandon(call);
      throw new UpstreamFailure(err);
    }
    sink.start();

    let generated = 0;
    let usageChunk: ChatCompletionChunk | null = null;
    let lastChunk: ChatCompletionChunk | null = null;
    let cut = false;
    let upstreamError: unknown = null;
    const openChoices = new Set<number>();
    // A stream may outlive the hold's TTL: push the expiry out while chunks keep coming, so the
    // expiry job never releases the hold of a live call.
    const ttl = this.config.PROXY_HOLD_TTL_SECONDS;
    let extendedAt = Date.now();
    try {
      for await (const chunk of opened.chunks) {
        if (Date.now() - extendedAt > (ttl * 1000) / 3) {
          extendedAt = Date.now();
          this.holds.extend(call.hold.id, ttl).catch((err) => this.log.warn({ err, holdId: call.hold.id }, 'could not extend a hold'));
        }
        lastChunk = chunk;
        if (chunk.usage) usageChunk = chunk;
        const tokens = chunkOutputTokens(chunk);
        if (call.hold.partial && generated + tokens > call.outputBudget) {
          cut = true;
          break;
        }
        generated += tokens;
        for (const c of chunk.choices ?? []) {
          if (c.finish_reason) openChoices.delete(c.index);
          else openChoices.add(c.index);
        }
        if (chunk.usage && (chunk.choices ?? []).length === 0) continue; // sent after settling, with the charge
        if (!call.req.wantsUsage && 'usage' in chunk) delete (chunk as { usage?: unknown }).usage;
        if (!sink.signal.aborted) sink.data(chunk);
      }
    } catch (err) {
      if (!sink.signal.aborted) upstreamError = err;
    } finally {
      sink.signal.removeEventListener('abort', abortUpstream);
    }
    const upstreamMs = elapsedMs(started);
    call.timing?.enter('settle');
    const clientAborted = sink.signal.aborted;
    if (cut) controller.abort();

    if (upstreamError && !cut) {
      await this.abandon(call);
      if (!clientAborted) {
        sink.data({
          error: { type: 'upstream_error', code: 'upstream_error', message: 'The model provider failed mid-stream; nothing was charged' },
        });
        sink.end();
      }
      return { charge: null, upstreamError, cut, clientAborted, upstreamMs };
    }

    if (cut && lastChunk && !clientAborted) {
      const indexes = openChoices.size ? [...openChoices] : [0];
      sink.data({
        id: lastChunk.id,
        object: 'chat.completion.chunk',
        created: lastChunk.created,
        model: lastChunk.model,
        system_fingerprint: lastChunk.system_fingerprint ?? null,
        choices: indexes.map((index) => ({ index, delta: {}, finish_reason: 'length', logprobs: null })),
      });
    }

    const reported = usageChunk?.usage && !cut;
    const tokens = reported ? tokensFromUsage(usageChunk!.usage!) : estimatedTokens(call.promptTokens, generated);
    const charge = this.settleAfterAnswer(
      call,
      tokens,
      !reported,
      opened.requestId ?? lastChunk?.id ?? null,
      upstreamMs,
      cut || clientAborted,
    );
    if (!clientAborted) {
      const meta = onSettled(charge, upstreamMs);
      if (call.req.wantsUsage) {
        const base = usageChunk ?? lastChunk;
        sink.data({
          id: base?.id ?? `chatcmpl-${call.hold.id}`,
          object: 'chat.completion.chunk',
          created: base?.created ?? Math.floor(Date.now() / 1000),
          model: base?.model ?? call.rate.model,
          system_fingerprint: base?.system_fingerprint ?? null,
          choices: [],
          usage: reported ? usageChunk!.usage : estimatedUsage(tokens),
          creditmeter: meta,
        });
      } else {
        sink.comment(`creditmeter ${JSON.stringify(meta)}`);
      }
      sink.data('[DONE]');
      sink.end();
    }
    return { charge, upstreamError: null, cut, clientAborted, upstreamMs };
  }

  /**
   * The call's charge, decided now from its usage; the settle that posts it (and releases the
   * hold) is committed just after the answer goes out, in the engine's next batch, so the client
   * never waits for it. A cost from estimates (cut stream, client gone, no usage) or on a partial
   * hold never exceeds the hold. Until the settle commits the hold keeps the worst case reserved,
   * so nothing can overdraw meanwhile; a crash in between leaves the hold to expire (uncharged,
   * counted by proxy_holds_expired_total), and a settle that fails keeps its hold for an operator
   * (proxy_settle_failures_total). Balance reads on this instance wait for it (LedgerEngine).
   */
  private settleAfterAnswer(
    call: PreparedCall,
    tokens: TokenCounts,
    estimated: boolean,
    requestId: string | null,
    upstreamMs: number,
    capAtHold = false,
  ): CallCharge {
    const priced = priceUsage(tokens, call.rate);
    let charged = priced.charged;
    if ((capAtHold || estimated || call.hold.partial) && charged > call.hold.amount) charged = call.hold.amount;
    const answered = process.hrtime.bigint();
    const work = this.holds
      .settle(call.hold, {
        rate: call.rate,
        tokens,
        charged,
        costMicroUsd: priced.costMicroUsd,
        idempotencyKey: `proxy:${call.hold.id}`,
        requestHash: requestHash(usageFingerprint(call.rate.model, tokens)),
        actorKeyId: call.principal.keyId,
        source: PROXY_SOURCE,
        requestId,
        latencyMs: Math.round(upstreamMs),
      })
      .then(
        (settled) => {
          metrics.proxySettleLag(elapsedMs(answered) / 1000);
          if (settled.usage) metrics.creditsDeducted(call.rate.model, settled.charged, tokens);
          if (estimated)
            this.log.info({ holdId: call.hold.id, model: call.rate.model, promptExact: call.promptExact }, 'settled on estimated tokens');
        },
        (err: unknown) => {
          // A SettleFailed is already counted and logged with everything needed to post it by hand.
          if (!(err instanceof SettleFailed)) this.log.error({ err, holdId: call.hold.id }, 'proxy settle refused after the answer');
        },
      );
    this.settling.add(work);
    void work.finally(() => this.settling.delete(work));
    return { charged, tokens, estimated };
  }

  /** Resolves once every settle started so far has committed or failed (shutdown drains these). */
  async settled(): Promise<void> {
    while (this.settling.size) await Promise.allSettled([...this.settling]);
  }
}

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
