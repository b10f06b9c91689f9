/** NUL, or half of a UTF-16 surrogate pair without its other half. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when PostgreSQL (text or jsonb) cannot hold `text`: it has a NUL or a lone surrogate. */
export const isUnstorable = (text: string) => UNSTORABLE.test(text);

/**
 * Where in a parsed JSON value (keys included) the first string PostgreSQL cannot store is, as a
 * dotted path (`data.object.name`), or null when every string is fine.
 */
export function unstorableTextAt(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return isUnstorable(value) ? path || '(root)' : null;
  if (!value || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (isUnstorable(key)) return at;
    const found = unstorableTextAt(item, at);
    if (found) return found;
  }
  return null;
}
