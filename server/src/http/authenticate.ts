import type { Request, RequestHandler } from 'express';
import type { AuthService } from '../auth/auth.service.js';
import { bearer } from '../auth/bearer.js';
import type { KeyPrincipal, Principal } from '../auth/roles.js';
import { identify } from '../sessions/request-principal.js';
import type { ActiveSession } from '../sessions/sessions.service.js';
import type { Services } from '../services.js';

declare module 'express-serve-static-core' {
  interface Locals {
    /** Set by `authenticate`: the caller, or null without a valid key. */
    principal?: Principal | null;
    /** Set by `authenticateSession` when the caller came with a console or Credits page cookie. */
    session?: ActiveSession | null;
  }
}

/**
 * Resolves the bearer key once per request into `res.locals.principal` (null when absent or
 * invalid). `otherKey`: where else a route accepts the key when no bearer is sent (Anthropic's
 * `x-api-key` on /v1/messages).
 */
export function authenticate(auth: AuthService, otherKey?: (req: Request) => unknown): RequestHandler {
  return async (req, res, next) => {
    const other = otherKey?.(req);
    res.locals.principal = await auth.authenticate(
      bearer(req.headers.authorization) ?? (typeof other === 'string' ? other.trim() || null : null),
    );
    next();
  };
}

/**
 * The bearer key, or else the console's or Credits page's session cookie. Only for routes that
 * CSRF cannot abuse: /graphql (Apollo's CSRF prevention) and read-only GETs. The proxy stays on
 * `authenticate`: keys only.
 */
export function authenticateSession(services: Services): RequestHandler {
  return async (req, res, next) => {
    const { principal, session } = await identify(services, req.headers);
    res.locals.principal = principal;
    res.locals.session = session;
    next();
  };
}

/** The caller when it is an API key (the proxy's only way in), else null. */
export const keyPrincipal = (principal: Principal | null | undefined): KeyPrincipal | null =>
  principal?.keyId && principal.accountId ? (principal as KeyPrincipal) : null;
