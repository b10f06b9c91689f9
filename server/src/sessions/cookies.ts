import type { IncomingHttpHeaders } from 'node:http';
import { parse, serialize } from 'cookie';
import type { SessionKind } from './session.types.js';

/** The console's and the Credits page's cookies: a browser may hold both (an admin trying the portal). */
export const COOKIE_NAME: Record<SessionKind, string> = { STAFF: 'cm_staff', PORTAL: 'cm_portal' };

/** HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure in production. */
export function sessionCookie(kind: SessionKind, token: string, expiresAt: Date, secure: boolean): string {
  return serialize(COOKIE_NAME[kind], token, { httpOnly: true, sameSite: 'strict', secure, path: '/', expires: expiresAt });
}

export function clearedCookie(kind: SessionKind, secure: boolean): string {
  return serialize(COOKIE_NAME[kind], '', { httpOnly: true, sameSite: 'strict', secure, path: '/', expires: new Date(0) });
}

export function sessionTokens(headers: IncomingHttpHeaders): Record<SessionKind, string | undefined> {
  const header = headers.cookie;
  if (!header || header.length > 8192) return { STAFF: undefined, PORTAL: undefined };
  const jar = parse(header);
  return { STAFF: jar[COOKIE_NAME.STAFF], PORTAL: jar[COOKIE_NAME.PORTAL] };
}

/**
 * Which cookie a request means: `X-Creditmeter-Session: portal` (the Credits page) or `staff`
 * (the console); without the header, a staff session wins over a portal one.
 */
export function preferredKinds(headers: IncomingHttpHeaders): SessionKind[] {
  const wanted = String(headers['x-creditmeter-session'] ?? '').toLowerCase();
  if (wanted === 'portal') return ['PORTAL'];
  if (wanted === 'staff') return ['STAFF'];
  return ['STAFF', 'PORTAL'];
}
