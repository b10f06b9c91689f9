import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthsSince } from '../shared/dates';
import {
  formatCents,
  formatChartUsd,
  formatCredits,
  formatUsdCents,
  formatUsdMicros,
  MAX_MILLICREDITS,
  millicreditsToCents,
  parseCredits,
  parseDollarsToCents,
  usdAxisFormatter,
  usdForChart,
  usdToMicros,
} from '../shared/money';

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

describe('formatting', () => {
  it('formats credits with thousands separators and three decimals', () => {
    expect(formatCredits('0')).toBe('0.000');
    expect(formatCredits('1')).toBe('0.001');
    expect(formatCredits('-1200')).toBe('-1.200');
    expect(formatCredits('1234567891')).toBe('1,234,567.891');
    expect(formatCredits('10000000', { decimals: 0 })).toBe('10,000');
    expect(formatCredits('10000001', { decimals: 0 })).toBe('10,000.001');
    expect(formatCredits('5', { signed: true })).toBe('+0.005');
  });

  it('rounds USD of millicredits half away from zero, to the cent', () => {
    fc.assert(
      fc.property(millicredits, (m) => {
        const cents = millicreditsToCents(m);
        // |m - cents * 10,000| ≤ 5,000, and exactly 5,000 rounds away from zero.
        const diff = m - cents * 10_000n;
        expect(diff <= 5_000n && diff >= -5_000n).toBe(true);
        if (diff === 5_000n || diff === -5_000n) expect(diff > 0n ? m < 0n : m > 0n).toBe(true);
      }),
    );
    expect(formatCents(millicreditsToCents('9990000'))).toBe('$9.99');
    expect(formatCents(millicreditsToCents('5000'))).toBe('$0.01');
    expect(formatCents(millicreditsToCents('4999'))).toBe('$0.00');
    expect(formatCents(millicreditsToCents('-15000'))).toBe('-$0.02');
    expect(formatCents(123456789n)).toBe('$1,234,567.89');
  });

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
    expect(formatCredits('12697000', { decimals: 'trim' })).toBe('12,697');
    expect(formatCredits('66841800', { decimals: 'trim' })).toBe('66,841.8');
    expect(formatCredits('305', { decimals: 'trim' })).toBe('0.305');
    expect(formatCredits('0', { decimals: 'trim' })).toBe('0');
    expect(formatCredits('-1200', { decimals: 'trim' })).toBe('-1.2');
    fc.assert(
      fc.property(millicredits, (m) => {
        const parsed = parseCredits(formatCredits(m, { decimals: 'trim' }), { allowNegative: true });
        expect(parsed).toEqual({ ok: true, millicredits: m });
      }),
    );
  });

  it('shows sub-cent USD exactly: cents always, then the digits that are not zero', () => {
    expect(formatUsdMicros('1003')).toBe('$0.001003');
    expect(formatUsdMicros('25075')).toBe('$0.025075');
    expect(formatUsdMicros('12500000')).toBe('$12.50');
    expect(formatUsdMicros('1234000001')).toBe('$1,234.000001');
    expect(formatUsdMicros('-250000')).toBe('-$0.25');
    expect(formatUsdMicros('0')).toBe('$0.00');
    fc.assert(
      fc.property(millicredits, (m) => {
        // Read back, the text is the same number of micro-dollars: nothing rounded away.
        const text = formatUsdMicros(m).replace(/[$,]/g, '');
        expect(usdToMicros(text)).toBe(m);
      }),
    );
  });

  it('says "< $0.01" for a figure that rounds to zero at cents, and rounds the rest to the cent', () => {
    expect(formatUsdCents('1003')).toBe('< $0.01');
    expect(formatUsdCents('-1003')).toBe('> -$0.01');
    expect(formatUsdCents('0')).toBe('$0.00');
    expect(formatUsdCents('5000')).toBe('$0.01');
    expect(formatUsdCents('12697000000')).toBe('$12,697.00');
  });

  it('scales a chart axis to its data, so sub-cent ticks stay apart', () => {
    const tiny = usdAxisFormatter([usdForChart('402'), usdForChart('803')]);
    expect([0.0002, 0.0004, 0.0006, 0.0008].map(tiny)).toEqual(['$0.000200', '$0.000400', '$0.000600', '$0.000800']);
    const cents = usdAxisFormatter([0.14]);
    expect([0.035, 0.07, 0.105, 0.14].map(cents)).toEqual(['$0.035', '$0.070', '$0.105', '$0.140']);
    expect(usdAxisFormatter([3.5])(1.75)).toBe('$1.75');
    const dollars = usdAxisFormatter([1234.5]);
    expect(dollars(1000)).toBe('$1,000.00');
    expect(usdAxisFormatter([])(0)).toBe('$0.00');
    expect(formatChartUsd(usdForChart('1003'))).toBe('$0.001003');
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
