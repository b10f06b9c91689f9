import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertBalanced, counterPostings, reversalDelta } from '../../src/ledger/postings.js';
import { decodeCursor, encodeCursor, pageSize } from '../../src/ledger/cursor.js';

describe('posting rules (pure)', () => {
  it('a movement and its counter-entry always sum to zero; the reversal undoes it', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (delta) => {
        const postings = counterPostings('a', 'sys', delta);
        assertBalanced(postings);
        const undo = counterPostings('a', 'sys', reversalDelta(delta));
        return postings[0].amount + undo[0].amount === 0n;
      }),
    );
  });

  it('rejects unbalanced or one-legged transactions', () => {
    expect(() => assertBalanced([{ accountId: 'a', amount: 1n }])).toThrow(/two postings/);
    expect(() =>
      assertBalanced([
        { accountId: 'a', amount: 1n },
        { accountId: 'b', amount: 0n },
      ]),
    ).toThrow(/not zero/);
  });

  it('cursors round-trip and refuse garbage', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 2n ** 62n }), (s) => decodeCursor(encodeCursor(s)) === s));
    expect(() => decodeCursor('not-a-cursor')).toThrow(/cursor/);
    expect(() => pageSize(0)).toThrow(/between/);
    expect(() => pageSize(201)).toThrow(/between/);
  });
});
