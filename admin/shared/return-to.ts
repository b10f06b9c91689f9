/**
 * The "Back to the app" target: a relative path or a URL on this origin, as the server also
 * requires. Anything else (another origin, `//evil`, `javascript:`) is dropped.
 */
export function sanitizeReturnTo(value: string | null | undefined, origin = window.location.origin): string | null {
  if (!value) return null;
  const text = value.trim();
  if (!text || text.length > 2000 || /[\u0000-\u001f\u007f\\]/.test(text)) return null;
  if (text.startsWith('//')) return null;
  try {
    const url = new URL(text, origin);
    if (url.origin !== origin || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
    return text.startsWith('/') ? `${url.pathname}${url.search}${url.hash}` : url.toString();
  } catch {
    return null;
  }
}
