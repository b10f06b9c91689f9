import type { IncomingMessage } from 'node:http';
import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';

const QUIET_PATHS = new Set(['/healthz', '/metrics']);

/** A path segment after `/portal/` is a Credits-page link token (Express routes ignore case). */
const SECRET_SEGMENT = /(\/portal\/)[^/]+/gi;

/** Where a request went, fit for a log: no query string (ids, tokens) and no portal link token. */
export const loggablePath = (req: IncomingMessage) =>
  ((req as Request).originalUrl ?? req.url ?? '').split('?')[0].replace(SECRET_SEGMENT, '$1[redacted]');

/** A GraphQL request's operation name, once express.json has parsed the body. */
function operationOf(req: Request): string | undefined {
  const body = req.body as { operationName?: unknown } | undefined;
  return typeof body?.operationName === 'string' ? body.operationName.slice(0, 100) : undefined;
}

/**
 * One structured line per HTTP request when it ends (or its connection closes first): method,
 * path, status, duration and, for GraphQL, the operation name. No headers and no bodies: keys,
 * cookies and payloads stay out of the logs. Health checks and scrapes log at debug; 5xx at error.
 * Written by hand rather than with pino-http: its per-request child loggers serialised and
 * redacted the whole request on every call, a fifth of a balance read's CPU, for a line that
 * never prints them.
 */
export function requestLog(log: Logger): RequestHandler {
  let nextId = 0;
  return (req, res, next) => {
    const started = Date.now();
    const reqId = ++nextId;
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const path = loggablePath(req);
      const level = res.statusCode >= 500 ? 'error' : QUIET_PATHS.has(path) ? 'debug' : 'info';
      if (!log.isLevelEnabled(level)) return;
      const line = {
        reqId,
        method: req.method,
        path,
        status: res.statusCode,
        ms: Date.now() - started,
        operationName: operationOf(req),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      log[level](line, res.statusCode >= 500 ? 'request failed' : 'request');
    };
    res.once('finish', done);
    res.once('close', done);
    next();
  };
}
