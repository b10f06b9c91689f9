import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { journalCells, journalRows, rollForward, type CashLine, type MovementLine } from '../../src/finance/revenue.rules.js';

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

describe('the journal with Stripe cash', () => {
  const day = fc.constantFrom('2026-11-01', '2026-11-02', '2026-11-30');
  const amount = fc.bigInt({ min: -50_000_000n, max: 50_000_000n });
  const movement = fc.record({
    day,
    section: fc.constantFrom('paid', 'promotional', 'adjustments') as fc.Arbitrary<MovementLine['section']>,
    counterparty: fc.constantFrom('sales', 'refunds', 'consumption', 'expiry', 'promotions', 'adjustments', 'reclassified'),
    amount,
  });
  const cash = fc.record({
    day,
    line: fc.constantFrom('purchased', 'refunded') as fc.Arbitrary<CashLine['line']>,
    cash: amount,
    tax: amount,
    credits: amount,
  });
  const net = (rows: ReturnType<typeof journalRows>, code: string) =>
    rows.filter((r) => r.account === code).reduce((s, r) => s + r.debit - r.credit, 0n);

  it('balances every entry, keeps 2300 at the credits (ties to the ledger), 1100 at the cash and 2200 at the tax', () => {
    fc.assert(
      fc.property(
        fc.array(movement, { maxLength: 30 }),
        fc.uniqueArray(cash, { maxLength: 6, selector: (c) => `${c.day}|${c.line}` }),
        (lines, cashLines) => {
          const rows = journalRows(lines, cashLines);
          for (const ref of new Set(rows.map((r) => r.reference))) {
            const entry = rows.filter((r) => r.reference === ref);
            expect(entry.reduce((s, r) => s + r.debit - r.credit, 0n)).toBe(0n);
            expect(entry.every((r) => r.debit >= 0n && r.credit >= 0n && (r.debit === 0n) !== (r.credit === 0n))).toBe(true);
          }
          const r = rollForward(lines);
          expect(net(rows, '2300')).toBe(-(r.paid.closing - r.paid.opening));
          expect(net(rows, '2200')).toBe(-cashLines.reduce((s, c) => s + c.tax, 0n));
          // Stripe clearing: the cash, plus the paid sales and refunds with no cash behind them at their credits' value.
          const stripeCredits = lines
            .filter((l) => l.section === 'paid' && (l.counterparty === 'sales' || l.counterparty === 'refunds'))
            .reduce((s, l) => s + l.amount, 0n);
          expect(net(rows, '1100')).toBe(stripeCredits + cashLines.reduce((s, c) => s + c.cash - c.credits, 0n));
        },
      ),
      { numRuns: 500 },
    );
  });
});
