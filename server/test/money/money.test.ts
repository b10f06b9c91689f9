import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ceilDiv,
  divRoundHalfUp,
  formatMillicredits,
  formatRatePer1k,
  formatScaledDecimal,
  MAX_API_AMOUNT,
  parseMillicredits,
  parseRatePer1k,
  parseScaledDecimal,
  priceTokens,
  toCreditsNumber,
  toUsdNumber,
} from '../../src/money/money.js';
import { DomainError } from '../../src/shared/errors.js';

const amount = fc.bigInt({ min: -MAX_API_AMOUNT, max: MAX_API_AMOUNT });
const tokens = fc.bigInt({ min: 0n, max: 100_000_000n });
const rate = fc.bigInt({ min: 0n, max: 1_000_000_000n });

describe('money', () => {
  it('formats and parses millicredit strings as exact inverses', () => {
    fc.assert(fc.property(amount, (m) => parseMillicredits(formatMillicredits(m)) === m));
  });

  it('round-trips three-decimal rates', () => {
    fc.assert(fc.property(rate, (r) => parseRatePer1k(formatRatePer1k(r)) === r));
    expect(formatRatePer1k(2400n)).toBe('2.400');
    expect(parseRatePer1k('2.4')).toBe(2400n);
    expect(formatRatePer1k(5n)).toBe('0.005');
  });

  it('round-trips any scale', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.integer({ min: 0, max: 9 }), (v, scale) => {
        const text = formatScaledDecimal(v, scale);
        return v >= 10n ** BigInt(15 + scale) || parseScaledDecimal(text, scale, 'x') === v;
      }),
    );
  });

  it('never rounds a usage charge down: charge*1000 >= exact and within one unit of it', () => {
    fc.assert(
      fc.property(tokens, tokens, tokens, rate, rate, rate, (i, c, o, ri, rc, ro) => {
        const charge = priceTokens(
          { inputTokens: i, cachedInputTokens: c, outputTokens: o },
          { inputPer1k: ri, cachedInputPer1k: rc, outputPer1k: ro },
        );
        const exact = i * ri + c * rc + o * ro;
        return charge * 1000n >= exact && (charge - 1n) * 1000n < exact;
      }),
    );
  });

  it('ceilDiv agrees with the definition', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, d) => {
        const q = ceilDiv(n, d);
        return q * d >= n && (q - 1n) * d < n;
      }),
    );
  });

  it('rounds USD half away from zero to cents', () => {
    expect(toUsdNumber(45230n)).toBe(0.05);
    expect(toUsdNumber(44999n)).toBe(0.04);
    expect(toUsdNumber(45000n)).toBe(0.05);
    expect(toUsdNumber(-45000n)).toBe(-0.05);
    expect(toCreditsNumber(45230n)).toBe(45.23);
    fc.assert(
      fc.property(amount, (m) => {
        const cents = divRoundHalfUp(m, 10_000n);
        const diff = m - cents * 10_000n;
        return diff <= 5000n && diff >= -5000n;
      }),
    );
  });

  it('refuses malformed and oversized amounts with BAD_USER_INPUT', () => {
    for (const bad of ['', '1.5', '1e3', 'abc', ' ', '--1', '0x10', (MAX_API_AMOUNT + 1n).toString(), '99999999999999999999999']) {
      expect(() => parseMillicredits(bad), bad).toThrow(DomainError);
      try {
        parseMillicredits(bad);
      } catch (err) {
        expect((err as DomainError).code).toBe('BAD_USER_INPUT');
      }
    }
    expect(() => parseRatePer1k('1.2345')).toThrow(/decimal places/);
    expect(() => parseRatePer1k('-1.000')).toThrow(DomainError);
  });
});
