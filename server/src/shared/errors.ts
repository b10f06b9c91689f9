import type { Logger } from 'pino';
import { Counter } from 'prom-client';
import { createLogger } from '../logger.js';

/**
 * Typed domain errors. Each states the rule that was broken; `graphql/errors.ts` and the HTTP
 * layers map them to `extensions.code` and statuses. Anything else is an internal error.
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
  | 'RATE_LIMIT_EXCEEDED';

export const HTTP_STATUS: Record<DomainErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  INSUFFICIENT_CREDITS: 402,
  MODEL_DISABLED: 403,
  MODEL_NOT_FOUND: 404,
  IDEMPOTENCY_CONFLICT: 409,
  SPEND_CAP_EXCEEDED: 402,
  CONFLICT: 409,
  RATE_LIMIT_EXCEEDED: 429,
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
