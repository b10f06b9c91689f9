import { describe, expect, it } from 'vitest';
import { journalCells, journalRows, rollForward, type MovementLine } from '../../src/reports/revenue.rules.js';

const line = (day: string | null, section: MovementLine['section'], counterparty: string, amount: bigint): MovementLine => ({
  day,
  section,
  counterparty,
  amount,
});

const LINES = [
  line(null, 'paid', 'sales', 50_000n),
  line('2026-11-02', 'paid', 'sales', 10_000_000n),
  line('2026-11-02', 'paid', 'consumption', -1_003n),
  line('2026-11-02', 'promotional', 'promotions', 20_000n),
  line('2026-11-02', 'promotional', 'reclassified', -500n),
  line('2026-11-02', 'paid', 'reclassified', 500n),
  line('2026-11-03', 'paid', 'refunds', -2_000n),
  line('2026-11-03', 'adjustments', 'adjustments', 700n),
];

describe('revenue rules', () => {
  it('folds movements into opening, lines and closing per section', () => {
    const r = rollForward(LINES);
    expect(r.paid).toEqual({
      opening: 50_000n,
      purchased: 10_000_000n,
      recognised: 1_003n,
      breakage: 0n,
      refunded: 2_000n,
      adjusted: 0n,
      reclassified: 500n,
      closing: 10_047_497n,
    });
    expect(r.promotional).toMatchObject({ purchased: 20_000n, reclassified: -500n, closing: 19_500n });
    expect(r.adjustments).toMatchObject({ adjusted: 700n, closing: 700n });
  });

  it('books one balanced two-row entry per day, section and line, leaving the opening out', () => {
    const rows = journalRows(LINES);
    expect(rows).toHaveLength(14);
    const refs = new Set(rows.map((r) => r.reference));
    expect(refs.size).toBe(7);
    for (const ref of refs) {
      const entry = rows.filter((r) => r.reference === ref);
      expect(entry.reduce((s, r) => s + r.debit - r.credit, 0n)).toBe(0n);
    }
    const usage = rows.filter((r) => r.reference === 'CM-2026-11-02-PAID-RECOGNISED').map(journalCells);
    expect(usage).toEqual([
      [
        '2026-11-02',
        '2300',
        'Deferred revenue: prepaid credits',
        '0.001003',
        '',
        'Paid credits used: revenue recognised',
        'CM-2026-11-02-PAID-RECOGNISED',
      ],
      ['2026-11-02', '4000', 'Usage revenue', '', '0.001003', 'Paid credits used: revenue recognised', 'CM-2026-11-02-PAID-RECOGNISED'],
    ]);
    const goodwill = rows.filter((r) => r.reference === 'CM-2026-11-03-ADJUSTMENTS-ADJUSTED').map((r) => [r.account, r.debit, r.credit]);
    expect(goodwill).toEqual([
      ['9310', 700n, 0n],
      ['9300', 0n, 700n],
    ]);
  });
});
