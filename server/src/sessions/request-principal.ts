import type { IncomingHttpHeaders } from 'node:http';
import { bearer } from '../auth/bearer.js';
import type { Principal } from '../auth/roles.js';
import type { Services } from '../services.js';
import { preferredKinds, sessionTokens } from './cookies.js';
import type { ActiveSession } from './sessions.service.js';

export interface RequestIdentity {
  principal: Principal | null;
  session: ActiveSession | null;
}


/**
 * Who sent a request: an API key when an Authorization header is present (a wrong key is not
 * rescued by a cookie), else the session cookie. Cookies count only on requests that CSRF
 * checks protect: Apollo's CSRF prevention on /graphql, same-origin checks on WebSockets, and
 * SameSite=Strict everywhere.
 */
export async function identify(
  services: Services,
  headers: IncomingHttpHeaders,
  opts: { authorization?: unknown; cookies?: boolean } = {},
): Promise<RequestIdentity> {
  const auth = opts.authorization ?? headers.authorization;
  if (auth !== undefined && auth !== null && auth !== '') {
    return { principal: await services.auth.authenticate(bearer(auth)), session: null };
  }
  if (opts.cookies === false) return { principal: null, session: null };
  const tokens = sessionTokens(headers);
  for (const kind of preferredKinds(headers)) {
    if (!tokens[kind]) continue;
    const session = await services.sessions.resolve(tokens[kind], kind);
    if (session) return { principal: session.principal, session };
  }
  return { principal: null, session: null };
}

/** A WebSocket upgrade may use the cookie only from our own pages (cross-site WebSocket hijacking). */
export function sameOrigin(headers: IncomingHttpHeaders, publicAppUrl: string): boolean {
  const origin = headers.origin;
  if (!origin) return true;
  try {
    const url = new URL(origin);
    return url.origin === new URL(publicAppUrl).origin || url.host === headers.host;
  } catch {
    return false;
  }
}
