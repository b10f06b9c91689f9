import type { RequestHandler } from 'express';

/**
 * Conservative headers on every response. The strict Content-Security-Policy is for production,
 * where no page loads outside scripts; in development the GraphQL IDE loads its assets from a CDN.
 */
export function securityHeaders(isProduction: boolean): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    if (isProduction) {
      res.setHeader('Content-Security-Policy', "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
      res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
    next();
  };
}
