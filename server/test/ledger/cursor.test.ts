import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageSize } from '../../src/ledger/cursor.js';

describe('ledger cursors (pure)', () => {
  it('cursors round-trip and refuse garbage', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 2n ** 62n }), (s) => decodeCursor(encodeCursor(s)) === s));
    expect(() => decodeCursor('not-a-cursor')).toThrow(/cursor/);
    expect(() => pageSize(0)).toThrow(/between/);
    expect(() => pageSize(201)).toThrow(/between/);
  });
});
