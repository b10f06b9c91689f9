import type { RequestHandler } from 'express';
import { httpRequestDuration } from './metrics.js';

/**
 * Times every HTTP request into `http_request_duration_seconds`, labelled by the route template
 * Express matched (`/statements/:file`), the mount point for sub-apps (`/graphql`), or
 * `unmatched`: never the raw path, whose ids and months would explode the label set.
 */
export function httpMetrics(): RequestHandler {
  return (req, res, next) => {
    const end = httpRequestDuration.startTimer();
    res.once('finish', () => {
      const template = req.route?.path;
      const route = typeof template === 'string' ? `${req.baseUrl}${template}` : req.baseUrl || 'unmatched';
      end({ method: req.method, route, status_code: String(res.statusCode) });
    });
    next();
  };
}
