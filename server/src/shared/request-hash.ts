import { createHash } from 'node:crypto';

/** A payload's fingerprint, to tell a replay (same key, same payload) from a key reused for another. */
export const requestHash = (payload: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(payload, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)))
    .digest('hex');
