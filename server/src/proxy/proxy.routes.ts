import { authorize } from '../auth/policy.js';
import express, { type ErrorRequestHandler, type Express, type Request, type RequestHandler, type Response } from 'express';
import { authenticate, keyPrincipal } from '../http/authenticate.js';
import { metrics } from '../metrics/metrics.js';
import type { Services } from '../services.js';
import { DomainError, unauthenticated } from '../shared/errors.js';
import { Overloaded } from '../http/admission.js';
import { RateLimited } from '../http/rate-limit.js';
import {
  bodyRefused,
  domainErrorResponse,
  internalErrorResponse,
  upstreamErrorResponse,
  UpstreamFailure,
  type ProxyErrorResponse,
} from './proxy.errors.js';
import type { CallCharge, PreparedCall, StreamSink } from './proxy.types.js';
import { SERVER_TIMING_HEADER, ServerTiming } from './server-timing.js';
import { chatSurface } from './surfaces/chat.js';
import { anthropicErrorBody, anthropicUpstreamError } from './surfaces/messages.errors.js';
import { messagesSurface } from './surfaces/messages.js';
import { embeddingsSurface } from './surfaces/embeddings.js';
import { responsesSurface } from './surfaces/responses.js';
import type { Surface } from './surfaces/surface.js';

export const OVERHEAD_HEADER = 'x-creditmeter-overhead-ms';
const CHARGED_HEADER = 'x-creditmeter-charged-millicredits';
const BALANCE_HEADER = 'x-creditmeter-balance-millicredits';
/** The output limit a shrunk hold sent upstream, when it is below what the call asked for. */
const MAX_TOKENS_CAPPED_HEADER = 'x-creditmeter-max-tokens-capped';

declare module 'express-serve-static-core' {
  interface Locals {
    /** The proxy call in progress, for the error mapping's overhead header and logs. */
    proxyCall?: { started: bigint; upstreamMs: number; call: PreparedCall | null };
    /** The `/v1/*` request's Server-Timing phases, from admission on. */
    timing?: ServerTiming;
  }
}

const msSince = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;
const fmtMs = (ms: number) => Math.max(0, ms).toFixed(1);
const header = (req: Request, name: string) => req.headers[name.toLowerCase()];

/** Starts the auth phase (and the request's timing, on routes without admission). */
const timeAuth: RequestHandler = (_req, res, next) => {
  (res.locals.timing ??= new ServerTiming()).enter('auth');
  next();
};

function sendError(res: Response, started: bigint, upstreamMs: number, err: { status: number; body: unknown }) {
  if (res.headersSent) {
    if (!res.writableEnded) res.end();
    return;
  }
  res
    .status(err.status)
    .set(OVERHEAD_HEADER, fmtMs(msSince(started) - upstreamMs))
    .set(SERVER_TIMING_HEADER, res.locals.timing?.header() ?? '')
    .json(err.body);
}

/**
 * The stream's headers carry the phases up to the provider's answer; the full timings (upstream
 * to the last chunk, settle) follow as an HTTP trailer where the response is chunked (HTTP/1.1;
 * an HTTP/1.0 response cannot carry one, and Node throws on a declared trailer there).
 */
function sseSink(req: Request, res: Response, extraHeaders: Record<string, string>, timing: ServerTiming): StreamSink {
  const trailer = req.httpVersionMajor === 1 && req.httpVersionMinor >= 1;
  const client = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) client.abort();
  });
  return {
    signal: client.signal,
    start: () => {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        ...extraHeaders,
        [SERVER_TIMING_HEADER]: timing.header(),
        ...(trailer ? { trailer: 'Server-Timing' } : {}),
      });
      res.flushHeaders();
    },
    data: (payload, type) => {
      if (res.writableEnded || client.signal.aborted) return;
      res.write(`${type ? `event: ${type}\n` : ''}data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`);
    },
    comment: (text) => {
      if (!res.writableEnded) res.write(`: ${text.replace(/[\r\n]+/g, ' ')}\n\n`);
    },
    end: () => {
      if (res.writableEnded) return;
      if (trailer) res.addTrailers({ [SERVER_TIMING_HEADER]: timing.header() });
      res.end();
    },
  };
}

const chargeMeta = (charge: CallCharge, overheadMs: number, call: PreparedCall) => ({
  charged_millicredits: charge.charged.toString(),
  balance_millicredits: charge.availableAfter.toString(),
  hold_millicredits: call.hold.amount.toString(),
  overhead_ms: Number(fmtMs(overheadMs)),
  estimated: charge.estimated,
  simulated: call.simulated,
});

/** The charge and the available balance after it, as headers (or a stream's trailers). */
const chargeHeaders = (charged: bigint, availableAfter: bigint) => ({
  [CHARGED_HEADER]: charged.toString(),
  [BALANCE_HEADER]: availableAfter.toString(),
});

/** How a surface's route speaks its API at the edges: where the key comes from and the error shape. */
interface RouteDialect {
  authenticate(auth: Services['auth']): RequestHandler;
  /** For the 401's message. */
  keyIs: string;
  /** A provider failure (before any stream opened) as a gateway error. */
  upstreamError(cause: unknown): ProxyErrorResponse;
  /** The error body sent, from the gateway's error (OpenAI's shape). */
  errorBody(err: ProxyErrorResponse): unknown;
}

const OPENAI_DIALECT: RouteDialect = {
  authenticate,
  keyIs: 'the bearer token',
  upstreamError: upstreamErrorResponse,
  errorBody: (err) => err.body,
};

/** Anthropic's: the key as `x-api-key` (what its SDK sends) or as a bearer token; errors in Anthropic's shape. */
export const ANTHROPIC_DIALECT: RouteDialect = {
  authenticate: (auth) => authenticate(auth, (req) => req.headers['x-api-key']),
  keyIs: 'x-api-key or the bearer token',
  upstreamError: anthropicUpstreamError,
  errorBody: anthropicErrorBody,
};

/**
 * Admission for every metered surface (`POST /v1/chat/completions`, `/v1/responses`, `/v1/embeddings`, `/v1/messages`), mounted before every other middleware (security
 * headers, request log, metrics, body parser): a shed request costs almost nothing, so shedding
 * cannot itself eat the capacity it protects. A bounded number in flight, a bounded queue, and
 * 503 + Retry-After (OpenAI's error shape) beyond; the slot is held until the response (or
 * stream) closes. It answers by itself: an error passed on from here would reach only the app's
 * generic error mapping, not the proxy's.
 */
export const proxyAdmission =
  (services: Pick<Services, 'loadControl'>, dialect: Pick<RouteDialect, 'errorBody'> = OPENAI_DIALECT): RequestHandler =>
  async (_req, res, next) => {
    const timing = (res.locals.timing = new ServerTiming());
    timing.enter('admission');
    try {
      const release = await services.loadControl.proxyGate.acquire();
      res.once('close', release);
      // From here to the key checked (middleware, body parse, key lookup, rate limit) is auth.
      timing.enter('auth');
      next();
    } catch (err) {
      if (!(err instanceof Overloaded)) return next(err);
      res.writeHead(503, {
        'content-type': 'application/json; charset=utf-8',
        'retry-after': String(err.retryAfterSeconds),
        [OVERHEAD_HEADER]: '0.0',
        [SERVER_TIMING_HEADER]: timing.header(),
      });
      // An overload is never a 402: no credits link to build.
      res.end(JSON.stringify(dialect.errorBody(domainErrorResponse(err, '', null))));
    }
  };

/** The metered `/v1/*` surfaces (one route builder: auth, rate limit, admission, timing, errors, headers) and `GET /v1/models`. */
export const proxyRoutes = (app: Express, services: Services): void => {
  const { proxy, auth, config, loadControl } = services;

  const json = express.json({ limit: config.PROXY_MAX_BODY_BYTES });
  // Body parse failures answer in OpenAI's shape too (express's default would be an HTML page).
  const jsonBody: RequestHandler = (req, res, next) =>
    json(req, res, (err?: unknown) =>
      next(err ? bodyRefused((err as { type?: string }).type === 'entity.too.large', config.PROXY_MAX_BODY_BYTES) : undefined),
    );

  // Per-key requests per minute, once the key is known: 429 rate_limit_exceeded as OpenAI answers it.
  const rateLimit: RequestHandler = async (_req, res, next) => {
    await loadControl.checkRate(keyPrincipal(res.locals.principal), 'proxy');
    next();
  };

  /** One metered surface: the core admits and holds, the surface speaks its API, the answer carries the charge. */
  function surfaceRoute<Req extends { stream: boolean }>(
    path: string,
    surface: Surface<Req>,
    dialect: RouteDialect = OPENAI_DIALECT,
  ): void {
    app.post(
      path,
      timeAuth,
      jsonBody,
      dialect.authenticate(auth),
      rateLimit,
      meteredCall(services, surface, dialect),
      proxyErrors(services, dialect),
    );
  }

  surfaceRoute('/v1/chat/completions', chatSurface(proxy));
  surfaceRoute('/v1/responses', responsesSurface(proxy));
  surfaceRoute('/v1/embeddings', embeddingsSurface(proxy));
  surfaceRoute('/v1/messages', messagesSurface(proxy), ANTHROPIC_DIALECT);

  app.get('/v1/models', timeAuth, authenticate(auth), listModels(services), proxyErrors(services, OPENAI_DIALECT));
};

/** The proxy's one error mapping: every failure of its routes in the surface's error shape. */
function proxyErrors(services: Services, dialect: RouteDialect): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const { started, upstreamMs, call } = res.locals.proxyCall ?? { started: process.hrtime.bigint(), upstreamMs: 0, call: null };
    const mapped = toProxyError(services, err, req, res, call, dialect.upstreamError);
    sendError(res, started, upstreamMs, { status: mapped.status, body: dialect.errorBody(mapped) });
  };
}

function toProxyError(
  services: Services,
  err: unknown,
  req: Request,
  res: Response,
  call: PreparedCall | null,
  upstreamError: (cause: unknown) => ProxyErrorResponse,
): ProxyErrorResponse {
  const { config, log } = services;
  if (err instanceof UpstreamFailure) {
    log.warn(
      { status: (err.cause as { status?: number }).status, holdId: call?.hold.id, model: call?.rate.model },
      'provider call failed; hold voided',
    );
    if (call) res.set(chargeHeaders(0n, call.hold.availableAfter + call.hold.amount));
    return upstreamError(err.cause);
  }
  if (err instanceof RateLimited) {
    res.set('retry-after', String(err.retryAfterSeconds));
    return domainErrorResponse(err, config.PUBLIC_APP_URL, null);
  }
  if (err instanceof DomainError) {
    if (err.code === 'INSUFFICIENT_CREDITS') {
      metrics.insufficientCredits('proxy');
      services.refusals.count('proxy');
    }
    const returnTo = header(req, 'x-return-to');
    return domainErrorResponse(err, config.PUBLIC_APP_URL, typeof returnTo === 'string' ? returnTo : null);
  }
  log.error({ err, holdId: call?.hold.id }, 'proxy request failed');
  return internalErrorResponse();
}

/** A metered call on one surface: the key, the checks and the hold, then the answer or the stream with the charge in its headers. */
function meteredCall<Req extends { stream: boolean }>(services: Services, surface: Surface<Req>, dialect: RouteDialect): RequestHandler {
  const { proxy } = services;
  return async (req: Request, res: Response) => {
    const exchange: NonNullable<typeof res.locals.proxyCall> = { started: process.hrtime.bigint(), upstreamMs: 0, call: null };
    res.locals.proxyCall = exchange;
    const { started } = exchange;
    const principal = keyPrincipal(res.locals.principal);
    if (!principal) throw unauthenticated(`A valid creditmeter API key is required as ${dialect.keyIs}`);
    authorize(principal, 'proxy.chat');
    const timing = (res.locals.timing ??= new ServerTiming());
    timing.enter('checks');
    const parsed = surface.parse(req.body);
    const call = await proxy.admit(principal, surface.describe(parsed), callHeaders(req), timing);
    exchange.call = call;
    const common: Record<string, string> = {
      'x-creditmeter-request-id': call.hold.id,
      'x-creditmeter-hold-millicredits': call.hold.amount.toString(),
    };
    if (call.maxOutputCapped !== null) common[MAX_TOKENS_CAPPED_HEADER] = String(call.maxOutputCapped);
    if (call.stream && surface.stream) {
      const sink = sseSink(req, res, { ...common, [OVERHEAD_HEADER]: fmtMs(msSince(started)) }, timing);
      await proxy.stream(call, surface.stream(call, parsed), sink, (charge, upMs) => chargeMeta(charge, msSince(started) - upMs, call));
      return;
    }
    const { answer, charge, upstreamMs } = await proxy.complete(call, surface.answer(call, parsed));
    exchange.upstreamMs = upstreamMs;
    res
      .status(200)
      .set(common)
      .set(chargeHeaders(charge.charged, charge.availableAfter))
      .set(OVERHEAD_HEADER, fmtMs(msSince(started) - upstreamMs))
      .set(SERVER_TIMING_HEADER, timing.header())
      .json(answer);
  };
}

/** The call's guardrail headers: team, per-call cap, session and its cap. */
const callHeaders = (req: Request) => ({
  teamId: header(req, 'x-team-id'),
  spendCap: header(req, 'x-spend-cap-millicredits'),
  sessionId: header(req, 'x-session-id'),
  sessionSpendCap: header(req, 'x-session-spend-cap-millicredits'),
});

/** `GET /v1/models`: the active card's enabled models, in OpenAI's list shape. */
function listModels(services: Services): RequestHandler {
  return async (_req: Request, res: Response) => {
    const started = process.hrtime.bigint();
    authorize(res.locals.principal, 'proxy.models');
    res.locals.timing?.enter('checks');
    const rates = await services.rateCards.activeRates();
    res
      .set(OVERHEAD_HEADER, fmtMs(msSince(started)))
      .set(SERVER_TIMING_HEADER, res.locals.timing?.header() ?? '')
      .json({
        object: 'list',
        data: rates
          .filter((r) => r.enabled)
          .map((r) => ({
            id: r.model,
            object: 'model',
            created: 0,
            owned_by: services.proxy.isSimulated(r) ? 'creditmeter-simulated' : 'creditmeter',
          })),
      });
  };
}
