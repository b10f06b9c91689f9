import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCredits } from '../../server/src/money/format';
import { MAX_MILLICREDITS } from '../shared/money';
import { endpointStatus, endpointUrlError, parseThreshold, parseThresholdEntry, parseThresholdList } from '../shared/webhooks/rules';

describe('low-balance threshold typed in credits → millicredits string', () => {
  it('gives the exact decimal string of millicredits for any amount it would show', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_MILLICREDITS }), (m) => {
        expect(parseThreshold(formatCredits(m))).toEqual({ ok: true, thresholdMillicredits: m.toString() });
      }),
      { numRuns: 2000 },
    );
  });

  it('never goes through a float: amounts beyond 2^53 keep every digit', () => {
    expect(parseThreshold('9007199254740993.001')).toEqual({ ok: true, thresholdMillicredits: '9007199254740993001' });
    expect(parseThreshold('0.1')).toEqual({ ok: true, thresholdMillicredits: '100' });
    expect(parseThreshold('1,000')).toEqual({ ok: true, thresholdMillicredits: '1000000' });
    expect(parseThreshold('0')).toEqual({ ok: true, thresholdMillicredits: '0' });
  });

  it('refuses negative amounts, a fourth decimal, words and overflow with a reason', () => {
    for (const bad of ['-1', '1.0001', 'ten', '', '1e3', '9223372036854775808'])
      expect(parseThreshold(bad)).toMatchObject({ ok: false, error: expect.any(String) });
  });
});

describe('one of several thresholds: credits or a percent', () => {
  it('reads a whole percent from 1 to 100, and anything else as credits', () => {
    expect(parseThresholdEntry('20%')).toEqual({ ok: true, percent: 20 });
    expect(parseThresholdEntry(' 100 % ')).toEqual({ ok: true, percent: 100 });
    expect(parseThresholdEntry('1,234.567')).toEqual({ ok: true, thresholdMillicredits: '1234567' });
    for (const bad of ['0%', '101%', '2.5%', '%', '-5%', 'x%'])
      expect(parseThresholdEntry(bad), bad).toMatchObject({ ok: false, error: expect.any(String) });
  });

  it('reads a list separated by spaces or semicolons, commas grouping thousands', () => {
    expect(parseThresholdList('1,500 20 %; 0.5 10%')).toEqual({
      ok: true,
      thresholdsMillicredits: ['1500000', '500'],
      thresholdsPercent: [20, 10],
    });
    expect(parseThresholdList('  ')).toEqual({ ok: true, thresholdsMillicredits: [], thresholdsPercent: [] });
    expect(parseThresholdList('500 200%')).toMatchObject({ ok: false, error: expect.any(String) });
  });
});

describe('webhook endpoint URL and state', () => {
  it('accepts http(s) URLs and explains what is wrong with the rest', () => {
    expect(endpointUrlError('https://example.com/hooks')).toBeNull();
    expect(endpointUrlError('http://127.0.0.1:9000/x')).toBeNull();
    expect(endpointUrlError('')).toMatch(/Enter the URL/);
    expect(endpointUrlError('example.com/hooks')).toMatch(/full URL/);
    expect(endpointUrlError('ftp://example.com')).toMatch(/https/);
    expect(endpointUrlError('https://user:pw@example.com')).toMatch(/password/);
  });

  it('names the state from the server fields', () => {
    expect(endpointStatus({})).toBe('Enabled');
    expect(endpointStatus({ failingSince: '2026-11-25T00:00:00Z' })).toBe('Failing');
    expect(endpointStatus({ disabledAt: '2026-11-25T00:00:00Z', disabledReason: 'manual' })).toBe('Disabled');
    expect(endpointStatus({ disabledAt: '2026-11-25T00:00:00Z', disabledReason: 'failing' })).toBe('Disabled (failing)');
  });
});
