import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../src/graphql/connection-cursors.js';
import { PAGE_SIZES, pageSize } from '../../src/shared/paging.js';

describe('sequence cursors (pure)', () => {
  it('cursors round-trip and refuse garbage', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 2n ** 62n }), (s) => decodeCursor(encodeCursor(s)) === s));
    expect(() => decodeCursor('not-a-cursor')).toThrow(/cursor/);
  });
});

describe('the one page-size policy', () => {
  it('gives the default when absent and refuses a size out of bounds', () => {
    expect(pageSize(null)).toBe(50);
    expect(pageSize(undefined, PAGE_SIZES.window)).toBe(25);
    expect(pageSize(0, PAGE_SIZES.window)).toBe(0);
    expect(() => pageSize(0)).toThrow(/between 1 and 200/);
    expect(() => pageSize(201)).toThrow(/between/);
    expect(() => pageSize(101, PAGE_SIZES.ranking)).toThrow(/^limit must be/);
    expect(pageSize(1000, PAGE_SIZES.findings)).toBe(1000);
  });

  it('clamps on the released lists that always clamped', () => {
    expect(pageSize(0, PAGE_SIZES.failedStripeEvents)).toBe(1);
    expect(pageSize(10_000, PAGE_SIZES.stalePurchases)).toBe(200);
    expect(pageSize(10_000, PAGE_SIZES.negativeBalances)).toBe(500);
    expect(pageSize(-5, PAGE_SIZES.promoCodes)).toBe(1);
    expect(pageSize(null, PAGE_SIZES.promoCodes)).toBe(200);
  });
});
