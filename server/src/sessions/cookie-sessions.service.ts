import { authorize } from '../auth/policy.js';
import type { Request, Response } from 'express';
import type { AuthService } from '../auth/auth.service.js';
import type { Principal } from '../auth/roles.js';
import { forbidden, unauthenticated } from '../shared/errors.js';
import { clearedCookie, sessionCookie, sessionTokens } from './cookies.js';
import type { PortalService } from './portal.service.js';
import type { SessionKind } from './session.types.js';
import type { ActiveSession } from './sessions.service.js';
import type { SignInService } from './sign-in.service.js';

/** The HTTP exchange of a GraphQL operation; absent over graphql-ws. */
export type HttpExchange = { req: Request; res: Response } | null | undefined;

function httpOf(http: HttpExchange) {
  if (!http) throw forbidden('Sessions are opened and closed over HTTP, not over a WebSocket');
  return http;
}

const setCookie = (http: HttpExchange, header: string) => httpOf(http).res.append('Set-Cookie', header);

/** Sessions that live in cookies: staff sign-in and sign-out, and the development-only key sign-in. */
export class CookieSessionsService {
  constructor(
    private readonly signIns: SignInService,
    private readonly portal: PortalService,
    private readonly auth: AuthService,
    private readonly isProduction: boolean,
  ) {}

  /** Signs a staff user in, ending the session the browser held before, and sets the console cookie. */
  async signIn(http: HttpExchange, email: string, password: string): Promise<{ staffUserId: string; expiresAt: Date }> {
    const { req } = httpOf(http);
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const session = await this.signIns.signIn(email, password, address);
    const previous = sessionTokens(req.headers).STAFF;
    if (previous) await this.signIns.signOut(previous, null);
    setCookie(http, sessionCookie('STAFF', session.token, session.expiresAt, this.isProduction));
    return { staffUserId: session.staffUserId, expiresAt: session.expiresAt };
  }

  /** Ends the cookie session in use (or, without one, any the browser sent) and clears its cookie. */
  async signOut(http: HttpExchange, session: ActiveSession | null | undefined, principal: Principal | null): Promise<boolean> {
    const { req } = httpOf(http);
    const kinds: SessionKind[] = session ? [session.kind] : ['STAFF', 'PORTAL'];
    let ended = false;
    for (const kind of kinds) {
      ended = (await this.signIns.signOut(sessionTokens(req.headers)[kind], session ? principal : null)) || ended;
      setCookie(http, clearedCookie(kind, this.isProduction));
    }
    return ended;
  }

  /** Ends every console session of the signed-in staff user (this one too) and clears this browser's cookie. */
  async signOutEverywhere(http: HttpExchange, principal: Principal): Promise<number> {
    const ended = await this.signIns.signOutEverywhere(principal);
    if (http) setCookie(http, clearedCookie('STAFF', this.isProduction));
    return ended;
  }

  /** Development only: trades an account's API key for a Credits page session. */
  async signInWithKey(http: HttpExchange, key: string): Promise<{ accountId: string; expiresAt: Date }> {
    if (this.isProduction) throw forbidden('Key sign-in is for development only: open the Credits page from the app (a portal session)');
    httpOf(http);
    const principal = await this.auth.authenticate(key);
    if (!principal) throw unauthenticated('That key is unknown or revoked');
    authorize(principal, 'portal.open'); // a team key never opens its member's account
    const session = await this.portal.startForKey(principal);
    setCookie(http, sessionCookie('PORTAL', session.token, session.expiresAt, false));
    return { accountId: principal.accountId, expiresAt: session.expiresAt };
  }
}
