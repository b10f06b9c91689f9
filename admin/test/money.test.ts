import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthsSince } from '../shared/dates';
import { formatCredits, formatUsdMicros } from '../../server/src/money/format';
import { MAX_MILLICREDITS, parseCredits, parseDollarsToCents, usdToMicros } from '../shared/money';

const millicredits = fc.bigInt({ min: -MAX_MILLICREDITS, max: MAX_MILLICREDITS });

describe('credits typed by a person → millicredits, exactly', () => {
  it('reads back every amount it formats (thousands separators, three decimals, sign)', () => {
    fc.assert(
      fc.property(millicredits, (m) => {
        const parsed = parseCredits(formatCredits(m), { allowNegative: true });
        expect(parsed).toEqual({ ok: true, millicredits: m });
      }),
      { numRuns: 2000 },
    );
  });

  it('moves digits instead of multiplying a float: whole.fraction is whole * 1000 + fraction', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 9_000_000_000_000_000n }),
        fc.stringMatching(/^\d{0,3}$/),
        fc.boolean(),
        (whole, fraction, negative) => {
          const text = `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
          const expected = whole * 1000n + BigInt(fraction.padEnd(3, '0') || '0');
          expect(parseCredits(text, { allowNegative: true })).toEqual({ ok: true, millicredits: negative ? -expected : expected });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gets the classic float traps right', () => {
    expect(parseCredits('0.1')).toEqual({ ok: true, millicredits: 100n });
    expect(parseCredits('1.005')).toEqual({ ok: true, millicredits: 1005n });
    expect(parseCredits('0.29')).toEqual({ ok: true, millicredits: 290n });
    expect(parseCredits('9007199254740.993')).toEqual({ ok: true, millicredits: 9007199254740993n }); // beyond 2^53
    expect(parseCredits('1,234,567.891')).toEqual({ ok: true, millicredits: 1234567891n });
    expect(parseCredits(' 12 ')).toEqual({ ok: true, millicredits: 12000n });
    expect(parseCredits('.5')).toEqual({ ok: true, millicredits: 500n });
  });

  it('refuses what it cannot convert exactly, instead of rounding', () => {
    fc.assert(
      fc.property(fc.nat(), fc.stringMatching(/^\d{4,8}$/), (whole, fraction) => {
        expect(parseCredits(`${whole}.${fraction}`).ok).toBe(false);
      }),
    );
    for (const bad of ['', ' ', '-', '.', '1e3', '0x10', '1,23', '12,34.5', '1.2.3', 'abc', 'NaN', 'Infinity', '١٢'])
      expect(parseCredits(bad, { allowNegative: true }).ok, bad).toBe(false);
    expect(parseCredits('-5').ok).toBe(false); // negative only when allowed
    expect(parseCredits('9223372036854775.808').ok).toBe(false); // beyond PostgreSQL bigint
    expect(parseCredits('9223372036854775.807')).toEqual({ ok: true, millicredits: MAX_MILLICREDITS });
  });
});

describe('dollars typed by a person', () => {
  it('parses dollars to cents exactly and micro-dollars from cost strings', () => {
    expect(parseDollarsToCents('49.99')).toEqual({ ok: true, cents: 4999n });
    expect(parseDollarsToCents('$1,000.5')).toEqual({ ok: true, cents: 100050n });
    expect(parseDollarsToCents('0.001').ok).toBe(false);
    expect(usdToMicros('0.000123')).toBe(123n);
    expect(usdToMicros('1.5')).toBe(1_500_000n);
    expect(usdToMicros('0.0000005')).toBe(1n);
  });
});

describe('money at its real precision', () => {
  it('shows customers credits without meaningless decimals, and never drops one that counts', () => {
    fc.assert(
      fc.property(millicredits, (m) => {
        const parsed = parseCredits(formatCredits(m, { decimals: 'trim' }), { allowNegative: true });
        expect(parsed).toEqual({ ok: true, millicredits: m });
      }),
    );
  });

  it('shows sub-cent USD exactly: cents always, then the digits that are not zero', () => {
    fc.assert(
      fc.property(millicredits, (m) => {
        // Read back, the text is the same number of micro-dollars: nothing rounded away.
        const text = formatUsdMicros(m).replace(/[$,]/g, '');
        expect(usdToMicros(text)).toBe(m);
      }),
    );
  });
});

describe('statements', () => {
  it("lists months from the account's first one only", () => {
    const now = new Date('2026-12-07T12:00:00Z');
    expect(monthsSince('2026-11-20T08:00:00Z', 6, now)).toEqual(['2026-12', '2026-11']);
    expect(monthsSince('2020-01-01T00:00:00Z', 3, now)).toEqual(['2026-12', '2026-11', '2026-10']);
    expect(monthsSince('2026-12-01T00:00:00Z', 6, now)).toEqual(['2026-12']);
  });
});
