import type { Logger } from 'pino';
import { Counter } from 'prom-client';
import { createLogger } from '../logger.js';

/**
 * Typed domain errors. Each states the rule that was broken; `ERROR_KINDS` below says how each
 * transport shows it. Anything else is an internal error.
 */
export type DomainErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'INSUFFICIENT_CREDITS'
  | 'MODEL_DISABLED'
  | 'MODEL_NOT_FOUND'
  | 'IDEMPOTENCY_CONFLICT'
  | 'SPEND_CAP_EXCEEDED'
  | 'CONFLICT'
  | 'RATE_LIMIT_EXCEEDED'
  | 'SERVICE_UNAVAILABLE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UPSTREAM_FAILED'
  | 'UPSTREAM_TIMEOUT'
  | 'SETTLE_FAILED'
  | 'MALFORMED_CATALOG'
  | 'UNSAFE_DESTINATION';

/** One kind of error as each transport shows it. */
export interface ErrorKind {
  /** HTTP status: JSON routes, the proxy, and GraphQL over HTTP where the kind sets one (402). */
  status: number;
  /** `extensions.code` in GraphQL. */
  graphql: string;
  /** The proxy's OpenAI dialect: `error.type` and `error.code`. */
  openai: { type: string; code: string };
  /** The proxy's Anthropic dialect: `error.type` (what Anthropic's SDK raises its class from). */
  anthropic: string;
}

const kind = (status: number, graphql: string, openai: [type: string, code: string], anthropic: string): ErrorKind => ({
  status,
  graphql,
  openai: { type: openai[0], code: openai[1] },
  anthropic,
});

/**
 * The error taxonomy: every typed error, with its code on each transport. The mappers
 * (graphql/errors.ts, http/errors.ts, proxy/proxy.errors.ts, proxy/surfaces/messages.errors.ts)
 * read this table and nothing else.
 */
export const ERROR_KINDS: Record<DomainErrorCode, ErrorKind> = {
  UNAUTHENTICATED: kind(401, 'UNAUTHENTICATED', ['invalid_request_error', 'invalid_api_key'], 'authentication_error'),
  FORBIDDEN: kind(403, 'FORBIDDEN', ['invalid_request_error', 'forbidden'], 'permission_error'),
  BAD_USER_INPUT: kind(400, 'BAD_USER_INPUT', ['invalid_request_error', 'invalid_request'], 'invalid_request_error'),
  NOT_FOUND: kind(404, 'NOT_FOUND', ['invalid_request_error', 'not_found'], 'not_found_error'),
  INSUFFICIENT_CREDITS: kind(402, 'INSUFFICIENT_CREDITS', ['insufficient_credits', 'insufficient_credits'], 'billing_error'),
  MODEL_DISABLED: kind(403, 'MODEL_DISABLED', ['model_disabled', 'model_disabled'], 'permission_error'),
  MODEL_NOT_FOUND: kind(404, 'MODEL_NOT_FOUND', ['invalid_request_error', 'model_not_found'], 'not_found_error'),
  IDEMPOTENCY_CONFLICT: kind(409, 'IDEMPOTENCY_CONFLICT', ['invalid_request_error', 'idempotency_conflict'], 'invalid_request_error'),
  SPEND_CAP_EXCEEDED: kind(402, 'SPEND_CAP_EXCEEDED', ['spend_cap_exceeded', 'spend_cap_exceeded'], 'billing_error'),
  CONFLICT: kind(409, 'CONFLICT', ['invalid_request_error', 'conflict'], 'invalid_request_error'),
  RATE_LIMIT_EXCEEDED: kind(429, 'RATE_LIMIT_EXCEEDED', ['requests', 'rate_limit_exceeded'], 'rate_limit_error'),
  SERVICE_UNAVAILABLE: kind(503, 'SERVICE_UNAVAILABLE', ['server_error', 'server_overloaded'], 'overloaded_error'),
  PAYLOAD_TOO_LARGE: kind(413, 'PAYLOAD_TOO_LARGE', ['invalid_request_error', 'request_too_large'], 'request_too_large'),
  /** The model provider failed or could not be reached (the proxy's own answer; its 4xx pass through instead). */
  UPSTREAM_FAILED: kind(502, 'UPSTREAM_FAILED', ['upstream_error', 'upstream_error'], 'api_error'),
  UPSTREAM_TIMEOUT: kind(504, 'UPSTREAM_TIMEOUT', ['upstream_error', 'upstream_timeout'], 'timeout_error'),
  /** Internal: a settle that could not be written after the answer (ledger/holds.service.ts); never a client's. */
  SETTLE_FAILED: kind(500, 'INTERNAL_SERVER_ERROR', ['server_error', 'internal_error'], 'api_error'),
  /** The bundled price catalogue (ratecards/price-catalog.data.ts) does not parse: a defect of ours. */
  MALFORMED_CATALOG: kind(500, 'INTERNAL_SERVER_ERROR', ['server_error', 'internal_error'], 'api_error'),
  /** Internal: a webhook destination that is not a public http(s) address (notify/destination.ts); registration shows it as BAD_USER_INPUT. */
  UNSAFE_DESTINATION: kind(500, 'INTERNAL_SERVER_ERROR', ['server_error', 'internal_error'], 'api_error'),
};

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) => new DomainError('BAD_USER_INPUT', message, details);
export const notFound = (message: string) => new DomainError('NOT_FOUND', message);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
export const unauthenticated = (message = 'A valid API key is required') => new DomainError('UNAUTHENTICATED', message);

/**
 * A list that is small by rule is full (an account's active API keys, its webhook endpoints).
 * `limit` (in `extensions`) is the rule, documented in docs/api.md; nothing was written.
 */
export class LimitReached extends DomainError {
  constructor(message: string, limit: number) {
    super('BAD_USER_INPUT', message, { limit });
  }
}

export class InsufficientCredits extends DomainError {
  constructor(requiredMillicredits: bigint, availableMillicredits: bigint | null) {
    super('INSUFFICIENT_CREDITS', 'Not enough available credits for this charge', {
      requiredMillicredits: requiredMillicredits.toString(),
      ...(availableMillicredits === null ? {} : { availableMillicredits: availableMillicredits.toString() }),
    });
  }
}

export class ModelDisabled extends DomainError {
  constructor(model: string) {
    super('MODEL_DISABLED', `Model "${model}" is disabled`, { model });
  }
}

export class IdempotencyConflict extends DomainError {
  constructor(key: string) {
    super('IDEMPOTENCY_CONFLICT', `Idempotency key "${key}" was already used with a different payload`);
  }
}

/** A model that is not on the active rate card: refused before any provider call, never charged at 0. */
export class ModelNotFound extends DomainError {
  constructor(model: string, where = 'the active rate card') {
    super('MODEL_NOT_FOUND', `Model "${model}" is not on ${where}`, { model });
  }
}

/**
 * Errors caught and dropped on purpose, by place. Created here without a registry so that shared/
 * imports no feature; `metrics/metrics.ts` registers it on the metrics registry.
 */
export const swallowedErrors = new Counter({
  name: 'creditmeter_swallowed_errors_total',
  help: 'Errors caught and deliberately not rethrown (logged once each), by where they were caught',
  labelNames: ['where'],
  registers: [],
});

let fallbackLog: Pick<Logger, 'warn'> | null = null;

/**
 * The only way to drop a caught error: one warn line (through the logger's serializers, so SQL
 * values and redacted fields stay out) and `creditmeter_swallowed_errors_total{where}`.
 * `where` is a fixed name of the place (`ws-fanout.publish`), never data.
 */
export function swallowed(err: unknown, where: string, log?: Pick<Logger, 'warn'>): undefined {
  swallowedErrors.inc({ where });
  const target = log ?? (fallbackLog ??= createLogger(process.env.LOG_LEVEL ?? 'info'));
  target.warn({ err, where }, `error swallowed at ${where}`);
  return undefined;
}
