import type { Logger } from 'pino';
import type { KeyPrincipal } from '../auth/roles.js';
import type { Config } from '../config.js';
import { metrics } from '../metrics/metrics.js';
import type { HoldsService, PlacedHold } from '../ledger/holds.service.js';
import { isSettleFailed } from '../ledger/holds.service.js';
import { DomainError, badInput } from '../shared/errors.js';
import { requestHash } from '../shared/request-hash.js';
import type { TokenCounts } from '../money/money.js';
import type { Provider } from '../ratecards/ratecard.types.js';
import type { RateCardsService } from '../ratecards/ratecards.service.js';
import type { TeamsService } from '../teams/teams.service.js';
import type { TeamCharge } from '../teams/teams.types.js';
import { priceUsage, usageFingerprint } from '../usage/usage.rules.js';
import type { ProxySettings } from './proxy-settings.repository.js';
import type { ProxySettingsService } from './proxy-settings.service.js';
import type { PromptTokenCounter } from './prompt-tokens.js';
import { estimatedTokens, outputBudget, outputCap, parseCapHeader, parseSessionId, tighterCap, worstCaseCost } from './proxy.rules.js';
import type {
  AnswerReader,
  CallCharge,
  CallDescription,
  PreparedCall,
  ProxyHeaders,
  StreamOutcome,
  StreamReader,
  StreamSink,
  UpstreamAnswer,
  UpstreamEvents,
} from './proxy.types.js';
import type { ServerTiming } from './server-timing.js';
import { holdRefused } from './hold-refusal.js';
import { SpendCapExceeded, UpstreamFailure } from './proxy.errors.js';
import { PROXY_SOURCE } from './proxy.types.js';
import { Upstreams } from './upstreams.js';

/** Like Promise.all, but when several reject, the earliest in the list wins, not the fastest. */
async function firstRefusalInOrder<T extends readonly unknown[]>(work: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(work);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}

/** A model served on the other provider's API: 400 naming the endpoint that serves it. */
const wrongSurface = (model: string, provider: Provider) =>
  badInput(
    provider === 'anthropic'
      ? `Model "${model}" is an Anthropic model: call it with POST /v1/messages`
      : `Model "${model}" is an OpenAI model: call it with POST /v1/chat/completions (or the other OpenAI endpoints under /v1)`,
    { field: 'model' },
  );

/** The call's guardrail headers, checked: caps in millicredits, the session id, the team named. */
function parseProxyHeaders(headers: ProxyHeaders) {
  const teamHeader = Array.isArray(headers.teamId) ? headers.teamId[0] : headers.teamId;
  if (teamHeader !== undefined && typeof teamHeader !== 'string') throw badInput('X-Team-Id must be a team id', { field: 'X-Team-Id' });
  return {
    spendCap: parseCapHeader(headers.spendCap, 'X-Spend-Cap-Millicredits'),
    sessionId: parseSessionId(headers.sessionId),
    sessionSpendCap: parseCapHeader(headers.sessionSpendCap, 'X-Session-Spend-Cap-Millicredits'),
    teamId: teamHeader?.trim() || null,
  };
}

/** A team call spends under the team's policy; the member's own settings govern their own account. */
const guardOf = (
  team: TeamCharge | null,
  settings: ProxySettings,
): Pick<ProxySettings, 'requestCap' | 'sessionCap' | 'sessionWindowSeconds' | 'streamingHolds' | 'shrinkHolds'> =>
  team
    ? {
        requestCap: team.policy.requestCap,
        sessionCap: team.policy.sessionCap,
        sessionWindowSeconds: team.policy.sessionWindowSeconds,
        streamingHolds: false,
        shrinkHolds: settings.shrinkHolds,
      }
    : settings;

const elapsedMs = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;

/**
 * The metering core every surface (chat completions, responses, embeddings, …) goes through:
 * model enabled -> output capped -> spend caps -> worst case held -> provider call -> settle on
 * reported usage (or void) -> balance published. Surfaces supply only their API's shapes
 * (server/src/proxy/surfaces).
 */
export class ProxyService {
  readonly upstreams: Upstreams;
  /** Settles of answered calls not yet committed. */
  private readonly settling = new Set<Promise<void>>();

  constructor(
    private readonly config: Config,
    private readonly rateCards: RateCardsService,
    private readonly holds: HoldsService,
    private readonly settings: ProxySettingsService,
    private readonly log: Logger,
    readonly promptTokens: PromptTokenCounter,
    private readonly teams: TeamsService,
  ) {
    this.upstreams = new Upstreams(config, promptTokens);
  }

  /** Stops the token counting workers. */
  async close(): Promise<void> {
    await this.promptTokens.close();
  }

  /** True when the model is answered by the built-in simulator (no key for its provider, or creditmeter-sim). */
  isSimulated(rate: { model: string; provider?: string }): boolean {
    return this.upstreams.isSimulated(rate);
  }

  /** Every check that must pass before the provider is called, then the hold. Throws DomainErrors. */
  async admit(
    principal: KeyPrincipal,
    desc: CallDescription,
    headers: ProxyHeaders,
    timing: ServerTiming | null = null,
  ): Promise<PreparedCall> {
    const asked = parseProxyHeaders(headers);
    // MODEL_NOT_FOUND / MODEL_DISABLED / FORBIDDEN refuse here, before any provider call.
    // Run together, but refuse in a fixed order: the team first, so a non-member is FORBIDDEN
    // whatever model it names (never MODEL_DISABLED or MODEL_NOT_FOUND for a model).
    const [team, rate, settings] = await firstRefusalInOrder([
      this.teams.prepareCharge(principal, principal.accountId, asked.teamId, desc.model),
      this.rateCards.rateFor(desc.model),
      this.settings.cached(principal.accountId),
    ] as const);
    if (rate.provider !== (desc.provider ?? 'openai')) throw wrongSurface(rate.model, rate.provider);

    timing?.enter('tokens');
    const { tokens: promptTokens, exact: promptExact } = await desc.countPrompt();
    const maxOutput = outputCap(desc.requestedMaxOutput, rate.maxOutputTokens);
    const worst = worstCaseCost(promptTokens, maxOutput, desc.n, rate);
    const guard = guardOf(team, settings);
    const requestCap = tighterCap(asked.spendCap, guard.requestCap);
    if (requestCap !== null && worst > requestCap) throw new SpendCapExceeded('request', requestCap, worst);
    const sessionCap = tighterCap(asked.sessionSpendCap, guard.sessionCap);

    // A hold the balance cannot cover in full shrinks to it (the output limit follows), down to the
    // prompt plus the smallest useful answer per choice; below that, or with shrinking off, a 402.
    const partial = guard.shrinkHolds || (desc.stream && guard.streamingHolds);
    const minimumOutput = Math.min(settings.minOutputTokens, maxOutput);
    let hold: PlacedHold;
    timing?.enter('hold');
    try {
      hold = await this.holds.place({
        accountId: team ? team.teamId : principal.accountId,
        amount: worst,
        partialMinimum: partial ? worstCaseCost(promptTokens, minimumOutput, desc.n, rate) : null,
        model: rate.model,
        apiKeyId: principal.keyId,
        // Sessions are the member's own, also on a shared team account.
        sessionId: asked.sessionId && team ? `${principal.accountId}/${asked.sessionId}` : asked.sessionId,
        sessionCap: asked.sessionId && sessionCap !== null ? { cap: sessionCap, windowSeconds: guard.sessionWindowSeconds } : null,
        ttlSeconds: this.config.PROXY_HOLD_TTL_SECONDS,
        member: team ? { memberAccountId: principal.accountId, at: team.at } : null,
      });
    } catch (err) {
      const shrunk = partial && minimumOutput < maxOutput;
      throw await this.holdRefusal(err, { team, worst, desc, promptTokens, maxOutput, minimumOutput: shrunk ? minimumOutput : null });
    }

    const budget = hold.partial ? outputBudget(hold.amount, promptTokens, rate) : maxOutput * desc.n;
    const perChoice = hold.partial ? Math.max(1, Math.min(maxOutput, Math.floor(budget / desc.n))) : maxOutput;
    return {
      principal,
      rate,
      hold,
      stream: desc.stream,
      promptTokens,
      promptExact,
      maxOutputPerChoice: perChoice,
      maxOutputCapped: perChoice < maxOutput ? perChoice : null,
      outputBudget: budget,
      simulated: this.isSimulated(rate),
      timing,
    };
  }

  /** What to answer when the hold was refused: the member's allocation, the key's limit or the balance, each saying why. */
  private async holdRefusal(
    err: unknown,
    c: {
      team: TeamCharge | null;
      worst: bigint;
      desc: CallDescription;
      promptTokens: number;
      maxOutput: number;
      /** Set when the hold could have shrunk to this output. */
      minimumOutput: number | null;
    },
  ): Promise<unknown> {
    if (!(err instanceof DomainError)) return err;
    // The member step refused: say why, with the member's remaining allocation.
    const memberRefused = (err.code === 'FORBIDDEN' && !err.details.proxyCode) || err.details.scope === 'allocation';
    if (c.team && memberRefused) return this.teams.refusal(c.team, c.worst);
    const field = c.desc.outputField ?? 'max_tokens';
    if (err.details.scope === 'key') {
      // The key's limit refused the call's worst case: say which output it assumed, as for credits.
      const advice = c.maxOutput > 0 ? ` It assumed ${c.maxOutput} output tokens: send a smaller ${field}, or raise the key's limit.` : '';
      return new DomainError(err.code, `${err.message}.${advice}`, { ...err.details, maxOutputTokensAssumed: c.maxOutput });
    }
    if (err.code !== 'INSUFFICIENT_CREDITS') return err;
    const requested = c.desc.requestedMaxOutput !== null && c.desc.requestedMaxOutput <= c.maxOutput;
    return holdRefused(err, {
      promptTokens: c.promptTokens,
      maxOutputTokens: c.minimumOutput ?? c.maxOutput,
      n: c.desc.n,
      outputField: field,
      outputSource: c.minimumOutput !== null ? 'minimum' : requested ? 'requested' : 'model',
    });
  }

  /** Releases the hold of a call that will not settle (the provider failed). */
  async abandon(call: PreparedCall): Promise<void> {
    call.timing?.enter('settle');
    await this.holds.void(call.hold);
  }

  /** Non-streaming: one provider call, settled on its usage; a provider failure voids the hold and rethrows. */
  async complete<A>(call: PreparedCall, reader: AnswerReader<A>): Promise<{ answer: A; charge: CallCharge; upstreamMs: number }> {
    call.timing?.enter('upstream');
    const started = process.hrtime.bigint();
    let result: UpstreamAnswer<A>;
    try {
      // Not tied to the client's connection: a call the provider finishes is paid for.
      result = await reader.run(new AbortController().signal);
    } catch (err) {
      await this.abandon(call);
      throw new UpstreamFailure(err);
    }
    const upstreamMs = elapsedMs(started);
    call.timing?.enter('settle');
    const { answer, requestId } = result;
    const usage = reader.usage(answer);
    const tokens = usage ?? estimatedTokens(call.promptTokens, reader.estimatedOutput(answer));
    const charge = this.settleAfterAnswer(call, tokens, !usage, requestId, upstreamMs);
    return { answer, charge, upstreamMs };
  }

  /**
   * Streaming: forwards events as they come, counting output tokens; ends cleanly (as the API
   * ends an output limit) when a partial hold's budget is reached; settles on the provider's
   * usage event, or on the tokenizer's count when the stream was cut or the client left.
   */
  async stream<E>(
    call: PreparedCall,
    reader: StreamReader<E>,
    sink: StreamSink,
    onSettled: (charge: CallCharge, upstreamMs: number) => Record<string, unknown>,
  ): Promise<StreamOutcome> {
    const controller = new AbortController();
    const abortUpstream = () => controller.abort();
    sink.signal.addEventListener('abort', abortUpstream, { once: true });
    if (sink.signal.aborted) controller.abort(); // the client left while the hold was being placed
    call.timing?.enter('upstream');
    const started = process.hrtime.bigint();
    let opened: UpstreamEvents<E>;
    try {
      opened = await reader.open(controller.signal);
    } catch (err) {
      sink.signal.removeEventListener('abort', abortUpstream);
      await this.abandon(call);
      throw new UpstreamFailure(err);
    }
    sink.start();
    const { generated, cut, upstreamError } = await this.forward(call, reader, opened, sink);
    sink.signal.removeEventListener('abort', abortUpstream);
    const upstreamMs = elapsedMs(started);
    call.timing?.enter('settle');
    if (cut) controller.abort();
    return this.settleStream(call, reader, sink, onSettled, { generated, cut, upstreamError, upstreamMs, requestId: opened.requestId });
  }

  /**
   * Forwards the provider's events, counting output tokens, until it ends, fails, the client
   * leaves, or a partial hold's budget is reached (`cut`).
   */
  private async forward<E>(
    call: PreparedCall,
    reader: StreamReader<E>,
    opened: UpstreamEvents<E>,
    sink: StreamSink,
  ): Promise<{ generated: number; cut: boolean; upstreamError: unknown }> {
    let generated = 0;
    // A stream may outlive the hold's TTL: push the expiry out while events keep coming, so the
    // expiry job never releases the hold of a live call.
    const ttl = this.config.PROXY_HOLD_TTL_SECONDS;
    let extendedAt = Date.now();
    try {
      for await (const event of opened.events) {
        if (Date.now() - extendedAt > (ttl * 1000) / 3) {
          extendedAt = Date.now();
          this.holds.extend(call.hold.id, ttl).catch((err) => this.log.warn({ err, holdId: call.hold.id }, 'could not extend a hold'));
        }
        reader.see(event);
        const tokens = reader.outputTokens(event);
        if (call.hold.partial && generated + tokens > call.outputBudget) return { generated, cut: true, upstreamError: null };
        generated += tokens;
        reader.forward(event, sink);
      }
    } catch (err) {
      return { generated, cut: false, upstreamError: sink.signal.aborted ? null : err };
    }
    return { generated, cut: false, upstreamError: null };
  }

  /** The stream's charge (on reported usage, else estimated, never above the hold when cut or dropped) and its last events. */
  private settleStream<E>(
    call: PreparedCall,
    reader: StreamReader<E>,
    sink: StreamSink,
    onSettled: (charge: CallCharge, upstreamMs: number) => Record<string, unknown>,
    s: { generated: number; cut: boolean; upstreamError: unknown; upstreamMs: number; requestId: string | null | undefined },
  ): Promise<StreamOutcome> | StreamOutcome {
    const { generated, cut, upstreamError, upstreamMs } = s;
    const clientAborted = sink.signal.aborted;
    const requestId = () => s.requestId ?? reader.fallbackId();
    const estimate = () => reader.estimate?.(call.promptTokens, generated) ?? estimatedTokens(call.promptTokens, generated);
    if (upstreamError && !cut) {
      if (!reader.chargesDroppedStream) return this.dropStream(call, reader, sink, { upstreamError, clientAborted, upstreamMs });
      const charge = this.settleAfterAnswer(call, estimate(), true, requestId(), upstreamMs, true);
      if (!clientAborted) {
        reader.fail(sink, onSettled(charge, upstreamMs));
        sink.end();
      }
      return { charge, upstreamError, cut, clientAborted, upstreamMs };
    }

    if (cut && !clientAborted) reader.cut(sink);

    const reported = cut ? null : reader.reportedUsage();
    const tokens = reported ?? estimate();
    const charge = this.settleAfterAnswer(call, tokens, !reported, requestId(), upstreamMs, cut || clientAborted);
    if (!clientAborted) {
      reader.finish(sink, charge, onSettled(charge, upstreamMs), reported !== null);
      sink.end();
    }
    return { charge, upstreamError: null, cut, clientAborted, upstreamMs };
  }

  /** A stream that failed on a surface that does not charge for one: nothing charged, the hold voided. */
  private async dropStream<E>(
    call: PreparedCall,
    reader: StreamReader<E>,
    sink: StreamSink,
    s: { upstreamError: unknown; clientAborted: boolean; upstreamMs: number },
  ): Promise<StreamOutcome> {
    await this.abandon(call);
    if (!s.clientAborted) {
      reader.fail(sink, null);
      sink.end();
    }
    return { charge: null, upstreamError: s.upstreamError, cut: false, clientAborted: s.clientAborted, upstreamMs: s.upstreamMs };
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
          // A SETTLE_FAILED is already counted and logged with everything needed to post it by hand.
          if (!isSettleFailed(err)) this.log.error({ err, holdId: call.hold.id }, 'proxy settle refused after the answer');
        },
      );
    this.settling.add(work);
    void work.finally(() => this.settling.delete(work));
    // The hold's answer said what was available with the hold placed; the settle gives back the
    // hold and takes the charge, in the same statement.
    return { charged, tokens, estimated, availableAfter: call.hold.availableAfter + call.hold.amount - charged };
  }

  /** Resolves once every settle started so far has committed or failed (shutdown drains these). */
  async settled(): Promise<void> {
    while (this.settling.size) await Promise.allSettled([...this.settling]);
  }
}
