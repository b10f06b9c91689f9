import { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { badInput, DomainError, ERROR_KINDS } from '../shared/errors.js';
import { creditsUrl } from '../shared/return-to.js';

export interface OpenAiErrorBody {
  error: { type: string; code: string; message: string; param?: string | null; [extra: string]: unknown };
}

export interface ProxyErrorResponse {
  status: number;
  body: OpenAiErrorBody;
}

/** Our typed errors in OpenAI's error shape; 402 carries `credits_url` (returnTo sanitised). */
export function domainErrorResponse(err: DomainError, publicAppUrl: string, returnTo: string | null): ProxyErrorResponse {
  // A refusal of the calling key (its budget, its model scope) has its own code on /v1.
  const proxyCode = err.details.proxyCode as string | undefined;
  const { type, code } = proxyCode
    ? { type: (err.details.proxyType as string | undefined) ?? proxyCode, code: proxyCode }
    : ERROR_KINDS[err.code].openai;
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
  return { status: ERROR_KINDS[err.code].status, body };
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The proxy's own `error.code`s, finer than its kind's (`details.proxyCode`), and what the provider rejected. */
export const PROXY_CODES = {
  invalidJson: 'invalid_json',
  keyLimitExceeded: 'key_limit_exceeded',
  modelNotAllowed: 'model_not_allowed',
  upstreamUnavailable: 'upstream_unavailable',
  upstreamRejected: 'upstream_rejected',
} as const;

export const UPSTREAM_UNAVAILABLE = PROXY_CODES.upstreamUnavailable;

export const UPSTREAM_MESSAGES = {
  timeout: 'The model provider did not answer in time; nothing was charged',
  refused: 'The model provider refused the request; nothing was charged',
  failed: (status: number) => `The model provider failed (HTTP ${status}); nothing was charged`,
  unreachable: 'The model provider could not be reached; nothing was charged',
};

const failure = (code: 'UPSTREAM_FAILED' | 'UPSTREAM_TIMEOUT', message: string, openaiCode?: string): ProxyErrorResponse => {
  const kind = ERROR_KINDS[code];
  return { status: kind.status, body: { error: { type: kind.openai.type, code: openaiCode ?? kind.openai.code, message } } };
};

/**
 * A provider failure: its 4xx pass through (the request was at fault), 5xx become 502, a
 * timeout 504. No provider internals beyond its own error message reach the client.
 */
export function upstreamErrorResponse(err: unknown): ProxyErrorResponse {
  if (err instanceof APIConnectionTimeoutError) return failure('UPSTREAM_TIMEOUT', UPSTREAM_MESSAGES.timeout);
  if (err instanceof APIError && !(err instanceof APIUserAbortError) && typeof err.status === 'number') {
    const provider = (err.error ?? {}) as { message?: unknown; type?: unknown; code?: unknown; param?: unknown };
    if (err.status >= 400 && err.status < 500) {
      return {
        status: err.status,
        body: {
          error: {
            type: typeof provider.type === 'string' ? provider.type : 'invalid_request_error',
            code: typeof provider.code === 'string' ? provider.code : PROXY_CODES.upstreamRejected,
            message: typeof provider.message === 'string' ? provider.message : UPSTREAM_MESSAGES.refused,
            param: typeof provider.param === 'string' ? provider.param : null,
          },
        },
      };
    }
    return failure('UPSTREAM_FAILED', UPSTREAM_MESSAGES.failed(err.status));
  }
  return failure('UPSTREAM_FAILED', UPSTREAM_MESSAGES.unreachable, UPSTREAM_UNAVAILABLE);
}

/** The provider call failed (the hold is already voided); `cause` is the SDK's error, which decides the answer. */
export class UpstreamFailure extends DomainError {
  constructor(override readonly cause: unknown) {
    super('UPSTREAM_FAILED', 'upstream call failed');
  }
}

/** express.json refused the body: 413 when too large, else 400 `invalid_json`, as OpenAI answers. */
export const bodyRefused = (tooLarge: boolean, maxBytes: number): DomainError =>
  tooLarge
    ? new DomainError('PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBytes} bytes`)
    : badInput('The request body is not valid JSON', {
        proxyCode: PROXY_CODES.invalidJson,
        proxyType: ERROR_KINDS.BAD_USER_INPUT.openai.type,
      });

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
        proxyCode: PROXY_CODES.keyLimitExceeded,
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
    proxyCode: PROXY_CODES.modelNotAllowed,
  });
