import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

const QUIET_PATHS = new Set(['/healthz', '/metrics']);

/** A path segment after `/portal/` is a Credits-page link token (Express routes ignore case). */
const SECRET_SEGMENT = /(\/portal\/)[^/]+/gi;

/** Where a request went, fit for a log: no query string (ids, tokens) and no portal link token. */
export const loggablePath = (req: IncomingMessage) =>
  ((req as Request).originalUrl ?? req.url ?? '').split('?')[0].replace(SECRET_SEGMENT, '$1[redacted]');

/** A GraphQL request's operation name, once express.json has parsed the body. */
function operationOf(req: IncomingMessage): string | undefined {
  const body = (req as Request).body as { operationName?: unknown } | undefined;
  return typeof body?.operationName === 'string' ? body.operationName.slice(0, 100) : undefined;
}

const line = (req: IncomingMessage, res: ServerResponse, responseTime: number) => ({
  method: req.method,
  path: loggablePath(req),
  status: res.statusCode,
  ms: responseTime,
  operationName: operationOf(req),
});

/**
 * One structured line per HTTP request when it ends: method, path, status, duration and, for
 * GraphQL, the operation name. No headers and no bodies: keys, cookies and payloads stay out of
 * the logs. Health checks and scrapes log at debug.
 */
export const requestLog = (log: Logger) =>
  pinoHttp({
    logger: log,
    quietReqLogger: true,
    quietResLogger: true,
    customLogLevel: (req, res, err) => (err || res.statusCode >= 500 ? 'error' : QUIET_PATHS.has(loggablePath(req)) ? 'debug' : 'info'),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (req, res, val: { responseTime: number }) => line(req, res, val.responseTime),
    customErrorObject: (req, res, _err, val: { responseTime: number }) => line(req, res, val.responseTime),
  });
