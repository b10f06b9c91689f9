import type { RequestHandler, Response } from 'express';
import type { AuthService } from '../auth/auth.service.js';
import { bearer } from '../auth/bearer.js';
import type { Principal } from '../auth/roles.js';
import { unauthenticated } from '../shared/errors.js';

declare module 'express-serve-static-core' {
  interface Locals {
    /** Set by `authenticate`: the caller, or null without a valid key. */
    principal?: Principal | null;
  }
}

/** Resolves the bearer key once per request into `res.locals.principal` (null when absent or invalid). */
export function authenticate(auth: AuthService): RequestHandler {
  return async (req, res, next) => {
    res.locals.principal = await auth.authenticate(bearer(req.headers.authorization));
    next();
  };
}

/** The authenticated caller; UNAUTHENTICATED (mapped by the error middleware) without one. */
export function callerOf(res: Response): Principal {
  const principal = res.locals.principal;
  if (!principal) throw unauthenticated();
  return principal;
}
