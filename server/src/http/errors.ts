import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { DomainError, ERROR_KINDS } from '../shared/errors.js';
import { loggablePath } from './request-log.js';

const CLIENT_MESSAGES: Record<string, string> = {
  'entity.too.large': 'The request body is too large',
  'entity.parse.failed': 'The request body is not valid JSON',
};

/**
 * The one error mapping of the JSON routes outside GraphQL: typed domain errors become their
 * status and `{ error: { code, message } }`; Express's client errors (a refused body, a missing
 * file) keep their 4xx; anything else is logged and answered as a bare 500, so no SQL or stack
 * reaches a client.
 */
export function httpErrors(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof DomainError) {
      res.status(ERROR_KINDS[err.code].status).json({ error: { code: err.code, message: err.message } });
      return;
    }
    // Express's own client errors (a body the parser refused, a missing static file).
    const client = err as { type?: string; status?: number };
    if (typeof client.status === 'number' && client.status >= 400 && client.status < 500) {
      const message = CLIENT_MESSAGES[client.type ?? ''] ?? (client.status === 404 ? 'Not found' : 'Bad request');
      res.status(client.status).json({ error: { code: client.status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', message } });
      return;
    }
    log.error({ err, path: loggablePath(req) }, 'request failed');
    res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
  };
}
