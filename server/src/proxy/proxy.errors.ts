import { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { DomainError, HTTP_STATUS } from '../shared/errors.js';
import { creditsUrl } from '../shared/return-to.js';

export interface OpenAiErrorBody {
  error: { type: string; code: string; message: string; param?: string | null; [extra: string]: unknown };
}

export interface ProxyErrorResponse {
  status: number;
  body: OpenAiErrorBody;
}

const DOMAIN_TYPES: Record<DomainError['code'], { type: string; code: string }> = {
  UNAUTHENTICATED: { type: 'invalid_request_error', code: 'invalid_api_key' },
  FORBIDDEN: { type: 'invalid_request_error', code: 'forbidden' },
  BAD_USER_INPUT: { type: 'invalid_request_error', code: 'invalid_request' },
  NOT_FOUND: { type: 'invalid_request_error', code: 'not_found' },
  INSUFFICIENT_CREDITS: { type: 'insufficient_credits', code: 'insufficient_credits' },
  MODEL_DISABLED: { type: 'model_disabled', code: 'model_disabled' },
  MODEL_NOT_FOUND: { type: 'invalid_request_error', code: 'model_not_found' },
  IDEMPOTENCY_CONFLICT: { type: 'invalid_request_error', code: 'idempotency_conflict' },
  SPEND_CAP_EXCEEDED: { type: 'spend_cap_exceeded', code: 'spend_cap_exceeded' },
  CONFLICT: { type: 'invalid_request_error', code: 'conflict' },
  RATE_LIMIT_EXCEEDED: { type: 'requests', code: 'rate_limit_exceeded' },
};

/** Our typed errors in OpenAI's error shape; 402 carries `credits_url` (returnTo sanitised). */
export function domainErrorResponse(err: DomainError, publicAppUrl: string, returnTo: string | null): ProxyErrorResponse {
  // A refusal of the calling key (its budget, its model scope) has its own code on /v1.
  const proxyCode = err.details.proxyCode as string | undefined;
  const { type, code } = proxyCode ? { type: proxyCode, code: proxyCode } : DOMAIN_TYPES[err.code];
  const body: OpenAiErrorBody = { error: { type, code, message: err.message, param: (err.details.field as string | undefined) ?? null } };
  for (const key of [
    'requiredMillicredits',
    'availableMillicredits',
    'maxOutputTokensAssumed',
    'capMillicredits',
    'remainingMillicredits',
    'scope',
    'model',
  ] as const) {
    if (err.details[key] !== undefined) body.error[snake(key)] = err.details[key];
  }
  if (err.code === 'INSUFFICIENT_CREDITS') body.error.credits_url = creditsUrl(publicAppUrl, returnTo);
  return { status: HTTP_STATUS[err.code], body };
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * A provider failure: its 4xx pass through (the request was at fault), 5xx become 502, a
 * timeout 504. No provider internals beyond its own error message reach the client.
 */
export function upstreamErrorResponse(err: unknown): ProxyErrorResponse {
  if (err instanceof APIConnectionTimeoutError) {
    return {
      status: 504,
      body: {
        error: {
          type: 'upstream_error',
          code: 'upstream_timeout',
          message: 'The model provider did not answer in time; nothing was charged',
        },
      },
    };
  }
  if (err instanceof APIError && !(err instanceof APIUserAbortError) && typeof err.status === 'number') {
    const provider = (err.error ?? {}) as { message?: unknown; type?: unknown; code?: unknown; param?: unknown };
    if (err.status >= 400 && err.status < 500) {
      return {
        status: err.status,
        body: {
          error: {
            type: typeof provider.type === 'string' ? provider.type : 'invalid_request_error',
            code: typeof provider.code === 'string' ? provider.code : 'upstream_rejected',
            message:
              typeof provider.message === 'string' ? provider.message : 'The model provider refused the request; nothing was charged',
            param: typeof provider.param === 'string' ? provider.param : null,
          },
        },
      };
    }
    return {
      status: 502,
      body: {
        error: {
          type: 'upstream_error',
          code: 'upstream_error',
          message: `The model provider failed (HTTP ${err.status}); nothing was charged`,
        },
      },
    };
  }
  return {
    status: 502,
    body: {
      error: {
        type: 'upstream_error',
        code: 'upstream_unavailable',
        message: 'The model provider could not be reached; nothing was charged',
      },
    },
  };
}

export const internalErrorResponse = (): ProxyErrorResponse => ({
  status: 500,
  body: { error: { type: 'server_error', code: 'internal_error', message: 'Internal error' } },
});

/** A call over the client's own cap (`x-spend-cap` per request, or the session's window). */
export class SpendCapExceeded extends DomainError {
  constructor(scope: 'request' | 'session', capMillicredits: bigint, requiredMillicredits: bigint) {
    super(
      'SPEND_CAP_EXCEEDED',
      `This call could cost up to ${requiredMillicredits} millicredits, over the ${scope} spend cap of ${capMillicredits}`,
      {
        scope,
        capMillicredits: capMillicredits.toString(),
        requiredMillicredits: requiredMillicredits.toString(),
      },
    );
  }
}

/** The calling key's budget for its period is spent: SPEND_CAP_EXCEEDED, `key_limit_exceeded` on /v1. */
export class KeyLimitExceeded extends DomainError {
  constructor(requiredMillicredits: bigint, remainingMillicredits: bigint | null) {
    const left = remainingMillicredits === null || remainingMillicredits < 0n ? 0n : remainingMillicredits;
    super(
      'SPEND_CAP_EXCEEDED',
      `This call could cost up to ${requiredMillicredits} millicredits, over what this API key's spend limit leaves for its period (${left})`,
      {
        scope: 'key',
        proxyCode: 'key_limit_exceeded',
        requiredMillicredits: requiredMillicredits.toString(),
        availableMillicredits: left.toString(),
        remainingMillicredits: left.toString(),
      },
    );
  }
}

/** The calling key may not use the model (`allowedModels`): FORBIDDEN, `model_not_allowed` on /v1. */
export const modelNotAllowed = (model: string) =>
  new DomainError('FORBIDDEN', `This API key may not use model "${model}" (see its allowedModels)`, {
    model,
    proxyCode: 'model_not_allowed',
  });
