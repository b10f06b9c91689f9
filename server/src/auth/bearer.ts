/** `Bearer <key>` (or the bare key) from a header or connectionParams value. */
export function bearer(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(value);
  return match ? match[1] : value.trim() || null;
}
