import { describe, expect, it } from 'vitest';
import { previousMonths, rollForwardRows, type SectionFigures } from '../console/revenue/rows';

const section = (n: number): SectionFigures => ({
  openingDeferredMillicredits: `${n}0`,
  purchasedMillicredits: `${n}1`,
  recognisedMillicredits: `${n}2`,
  breakageMillicredits: `${n}3`,
  refundedMillicredits: `${n}4`,
  adjustedMillicredits: `${n}5`,
  reclassifiedMillicredits: `${n}6`,
  closingDeferredMillicredits: `${n}7`,
});

describe('revenue roll-forward rows', () => {
  it('puts each line in order, one column per kind of credit, closing last', () => {
    const rows = rollForwardRows({ paid: section(1), promotional: section(2), adjustments: section(3), total: section(4) });
    expect(rows.map((r) => r.sign)).toEqual(['', '+', '−', '−', '−', '±', '±', '=']);
    expect(rows[2]).toMatchObject({
      label: 'Used (paid: revenue recognised)',
      cells: { paid: '12', promotional: '22', adjustments: '32', total: '42' },
    });
    expect(rows.filter((r) => r.closing).map((r) => r.cells.total)).toEqual(['47']);
  });

  it('lists months newest first, across a year boundary', () => {
    expect(previousMonths(3, new Date('2027-02-10T00:00:00Z'))).toEqual(['2027-02', '2027-01', '2026-12']);
  });
});
