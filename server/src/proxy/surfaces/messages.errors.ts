import { APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { ERROR_KINDS } from '../../shared/errors.js';
import { PROXY_CODES, UPSTREAM_MESSAGES, UPSTREAM_UNAVAILABLE, type ProxyErrorResponse } from '../proxy.errors.js';

/** Anthropic's error type for each status the taxonomy answers with (402 is its billing error). */
const ANTHROPIC_TYPES: Record<number, string> = Object.fromEntries(Object.values(ERROR_KINDS).map((kind) => [kind.status, kind.anthropic]));

const anthropicType = (status: number) => ANTHROPIC_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');

/**
 * A gateway error in Anthropic's shape, `{"type":"error","error":{"type",...}}`: `error.type` is
 * Anthropic's for the status (so the SDK raises its usual class), and the gateway's own fields stay
 * inside `error`: `code` (insufficient_credits, model_disabled, ...), `credits_url` on a 402, the
 * amounts and scope of a refused hold.
 */
export function anthropicErrorBody(err: ProxyErrorResponse): { type: 'error'; error: Record<string, unknown> } {
  const { type: _openAiType, param: _param, ...fields } = err.body.error;
  return { type: 'error', error: { type: anthropicType(err.status), ...fields } };
}

const failure = (status: number, code: string, message: string): ProxyErrorResponse => ({
  status,
  body: { error: { type: anthropicType(status), code, message } },
});

/**
 * An Anthropic failure before the stream opened (nothing charged): its 4xx pass through with its
 * message (the request was at fault), 5xx (529 overloaded included) become 502, a timeout 504.
 */
export function anthropicUpstreamError(err: unknown): ProxyErrorResponse {
  if (err instanceof APIConnectionTimeoutError)
    return failure(ERROR_KINDS.UPSTREAM_TIMEOUT.status, ERROR_KINDS.UPSTREAM_TIMEOUT.openai.code, UPSTREAM_MESSAGES.timeout);
  if (err instanceof APIError && !(err instanceof APIUserAbortError) && typeof err.status === 'number') {
    if (err.status >= 400 && err.status < 500) {
      const provider = ((err.error as { error?: { message?: unknown } } | undefined)?.error ?? {}).message;
      return failure(
        err.status,
        PROXY_CODES.upstreamRejected,
        typeof provider === 'string' ? provider : 'The model provider refused the request; nothing was charged',
      );
    }
    return failure(ERROR_KINDS.UPSTREAM_FAILED.status, ERROR_KINDS.UPSTREAM_FAILED.openai.code, UPSTREAM_MESSAGES.failed(err.status));
  }
  return failure(ERROR_KINDS.UPSTREAM_FAILED.status, UPSTREAM_UNAVAILABLE, UPSTREAM_MESSAGES.unreachable);
}
