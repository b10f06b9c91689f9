import type { Request, Response } from 'express';
import type { Principal } from '../auth/roles.js';
import type { ActiveSession } from '../sessions/sessions.service.js';
import type { Services } from '../services.js';
import type { Loaders } from './loaders.js';

export interface Context {
  principal: Principal | null;
  services: Services;
  loaders: Loaders;
  /** From the X-Return-To header: where the Credits page should send the user back to. */
  returnTo: string | null;
  /** The cookie session behind `principal`, when it came from one (console or Credits page). */
  session?: ActiveSession | null;
  /** The HTTP exchange, for operations that set or clear a cookie; absent over graphql-ws. */
  http?: { req: Request; res: Response } | null;
}
