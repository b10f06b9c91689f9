/**
 * A `returnTo` is honoured only as a same-site relative path or a URL on PUBLIC_APP_URL's origin:
 * anything else would make the Credits page an open redirect. Returns null when refused.
 */
export function sanitizeReturnTo(value: string | null | undefined, publicAppUrl: string): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (!text || text.length > 2000 || /[\u0000-\u001f\u007f\\]/.test(text)) return null;
  const origin = new URL(publicAppUrl).origin;
  if (text.startsWith('/')) {
    if (text.startsWith('//')) return null;
    const resolved = new URL(text, origin);
    return resolved.origin === origin ? `${resolved.pathname}${resolved.search}${resolved.hash}` : null;
  }
  try {
    const url = new URL(text);
    return url.origin === origin ? url.toString() : null;
  } catch {
    return null;
  }
}

/** `<PUBLIC_APP_URL>/credits?returnTo=<url-encoded returnTo>` (no parameter when refused or absent). */
export function creditsUrl(publicAppUrl: string, returnTo: string | null | undefined): string {
  const base = `${publicAppUrl.replace(/\/+$/, '')}/credits`;
  const safe = sanitizeReturnTo(returnTo, publicAppUrl);
  return safe ? `${base}?returnTo=${encodeURIComponent(safe)}` : base;
}
