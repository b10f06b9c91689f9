/**
 * The one check for every `returnTo` the service emits (the proxy's 402, GraphQL's `creditsUrl`,
 * checkout's success and cancel URLs). Normalise first, then decide: the value is resolved as a
 * URL against PUBLIC_APP_URL (so dot-segments, percent-encoded dots and the like are applied), and
 * only a same-origin result is kept, in path form. A path whose first two characters are `//`
 * (e.g. `/.//evil.com` normalises to `//evil.com`) is a protocol-relative URL to another host
 * in a browser: refused. Control characters and backslashes (which browsers read as `/`) are
 * refused before parsing. Returns null when refused or absent. The Credits page imports this file
 * too (admin/shared/return-to.ts), so browser and server apply one rule: keep it free of imports.
 */
export function sanitizeReturnTo(value: string | null | undefined, publicAppUrl: string): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text || text.length > 2000 || /[\u0000-\u001f\u007f-\u009f\\]/.test(text)) return null;
  const origin = new URL(publicAppUrl).origin;
  let resolved: URL;
  try {
    // Relative values must be absolute paths; anything else must be a full URL on our origin.
    resolved = text.startsWith('/') ? new URL(text, origin) : new URL(text);
  } catch {
    return null;
  }
  if (resolved.origin !== origin || resolved.username || resolved.password) return null;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  return isOwnPath(path, origin) ? path : null;
}

/** A path that starts with exactly one `/` and stays on `origin` however a browser resolves it. */
function isOwnPath(path: string, origin: string): boolean {
  if (!/^\/(?![/\\])/.test(path) || /[\\\u0000-\u001f]/.test(path)) return false;
  try {
    return new URL(path, origin).origin === origin;
  } catch {
    return false;
  }
}

/** `<PUBLIC_APP_URL>/credits?returnTo=<url-encoded returnTo>` (no parameter when refused or absent). */
export function creditsUrl(publicAppUrl: string, returnTo: string | null | undefined): string {
  const base = `${publicAppUrl.replace(/\/+$/, '')}/credits`;
  const safe = sanitizeReturnTo(returnTo, publicAppUrl);
  return safe ? `${base}?returnTo=${encodeURIComponent(safe)}` : base;
}
