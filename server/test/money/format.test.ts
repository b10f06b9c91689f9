import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatApproxUsd,
  formatCents,
  formatCentsDecimal,
  formatChartUsd,
  formatCount,
  formatCredits,
  formatPercent,
  formatUsdCents,
  formatUsdMicros,
  formatUsdOfMillicredits,
  formatUsdSixDecimals,
  millicreditsToCents,
  usdAxisFormatter,
  usdForChart,
  creditsForChart,
} from '../../src/money/format.js';

const INT64_MAX = 9_223_372_036_854_775_807n;
const amounts = fc.bigInt({ min: -INT64_MAX, max: INT64_MAX });
/** Reads a formatted amount back as an integer of its smallest unit (the digits, in order, with the sign). */
const digitsOf = (text: string) => BigInt(text.replace(/[^\d-]/g, ''));

describe('credits', () => {
  it('keeps every digit, in order, whatever the options', () => {
    fc.assert(
      fc.property(amounts, fc.boolean(), fc.boolean(), (m, signed, grouping) => {
        expect(digitsOf(formatCredits(m, { signed, grouping }))).toBe(m);
      }),
      { numRuns: 2000 },
    );
  });

  it('groups thousands only when asked, and signs positives only when asked', () => {
    fc.assert(
      fc.property(amounts, (m) => {
        const grouped = formatCredits(m);
        expect(grouped).toMatch(/^-?\d{1,3}(,\d{3})*\.\d{3}$/);
        expect(formatCredits(m, { grouping: false })).toBe(grouped.replace(/,/g, ''));
        expect(formatCredits(m, { signed: true })).toBe(m > 0n ? `+${grouped}` : grouped);
      }),
    );
  });

  it('writes the console, statement and mail forms exactly', () => {
    expect(formatCredits('0')).toBe('0.000');
    expect(formatCredits('1')).toBe('0.001');
    expect(formatCredits(-1200n)).toBe('-1.200');
    expect(formatCredits(1234567891n)).toBe('1,234,567.891');
    expect(formatCredits(1234567n, { grouping: false })).toBe('1234.567');
    expect(formatCredits(-5n, { grouping: false })).toBe('-0.005');
    expect(formatCredits('10000000', { decimals: 0 })).toBe('10,000');
    expect(formatCredits('10000001', { decimals: 0 })).toBe('10,000.001');
    expect(formatCredits('5', { signed: true })).toBe('+0.005');
    expect(formatCredits('12697000', { decimals: 'trim' })).toBe('12,697');
    expect(formatCredits('66841800', { decimals: 'trim' })).toBe('66,841.8');
    expect(formatCredits('305', { decimals: 'trim' })).toBe('0.305');
    expect(formatCredits('0', { decimals: 'trim' })).toBe('0');
    expect(formatCredits('-1200', { decimals: 'trim' })).toBe('-1.2');
  });
});

describe('dollars', () => {
  it('rounds millicredits to cents half away from zero', () => {
    fc.assert(
      fc.property(amounts, (m) => {
        const diff = m - millicreditsToCents(m) * 10_000n;
        expect(diff <= 5_000n && diff >= -5_000n).toBe(true);
        if (diff === 5_000n || diff === -5_000n) expect(diff > 0n ? m < 0n : m > 0n).toBe(true);
      }),
    );
    expect(formatUsdOfMillicredits('9990000')).toBe('$9.99');
    expect(formatUsdOfMillicredits('5000')).toBe('$0.01');
    expect(formatUsdOfMillicredits('4999')).toBe('$0.00');
    expect(formatUsdOfMillicredits('-15000')).toBe('-$0.02');
    expect(formatApproxUsd(1_500_000n)).toBe('~$1.50');
  });

  it('writes cents with the sign before the dollar sign, and as a plain decimal for CSV', () => {
    fc.assert(
      fc.property(amounts, (c) => {
        const text = formatCents(c);
        expect(text).toMatch(/^-?\$\d{1,3}(,\d{3})*\.\d{2}$/);
        expect(digitsOf(text)).toBe(c);
        expect(formatCentsDecimal(c)).toBe(text.replace(/[$,]/g, ''));
      }),
    );
    expect(formatCents(123456789n)).toBe('$1,234,567.89');
    expect(formatCents(-5)).toBe('-$0.05');
    expect(formatCentsDecimal(999n)).toBe('9.99');
    expect(formatCentsDecimal(-123456n)).toBe('-1234.56');
  });

  it('shows micro-dollars at six decimals, or at their real precision', () => {
    fc.assert(
      fc.property(amounts, (u) => {
        expect(digitsOf(formatUsdSixDecimals(u))).toBe(u);
        expect(formatUsdMicros(u)).toMatch(/^-?\$\d{1,3}(,\d{3})*\.\d{2}(\d{0,3}[1-9])?$/);
      }),
    );
    expect(formatUsdSixDecimals(1234n)).toBe('$0.001234');
    expect(formatUsdSixDecimals(-1_000_000_000n)).toBe('-$1,000.000000');
    expect(formatUsdMicros('1003')).toBe('$0.001003');
    expect(formatUsdMicros('12500000')).toBe('$12.50');
    expect(formatUsdMicros('1234000001')).toBe('$1,234.000001');
    expect(formatUsdMicros('-250000')).toBe('-$0.25');
    expect(formatUsdMicros('0')).toBe('$0.00');
  });

  it('never shows a non-zero glance figure as $0.00', () => {
    fc.assert(
      fc.property(amounts, (u) => {
        expect(formatUsdCents(u) === '$0.00').toBe(u === 0n);
      }),
    );
    expect(formatUsdCents('1003')).toBe('< $0.01');
    expect(formatUsdCents('-1003')).toBe('> -$0.01');
    expect(formatUsdCents('5000')).toBe('$0.01');
    expect(formatUsdCents('12697000000')).toBe('$12,697.00');
  });
});

describe('counts, percents and charts', () => {
  it('groups counts the way toLocaleString("en-US") does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
        expect(formatCount(BigInt(n))).toBe(BigInt(n).toLocaleString('en-US'));
        expect(formatCount(String(n))).toBe(n.toLocaleString('en-US'));
      }),
    );
  });

  it('writes percents with at most one decimal', () => {
    expect(formatPercent(0.125)).toBe('12.5%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(null)).toBe('—');
  });

  it('scales a chart axis to its data, so sub-cent ticks stay apart', () => {
    const tiny = usdAxisFormatter([usdForChart('402'), usdForChart('803')]);
    expect([0.0002, 0.0004, 0.0006, 0.0008].map(tiny)).toEqual(['$0.000200', '$0.000400', '$0.000600', '$0.000800']);
    const cents = usdAxisFormatter([0.14]);
    expect([0.035, 0.07, 0.105, 0.14].map(cents)).toEqual(['$0.035', '$0.070', '$0.105', '$0.140']);
    expect(usdAxisFormatter([1234.5])(1000)).toBe('$1,000.00');
    expect(usdAxisFormatter([])(0)).toBe('$0.00');
    expect(formatChartUsd(usdForChart('1003'))).toBe('$0.001003');
    expect(creditsForChart(1500n)).toBe(1.5);
  });
});
