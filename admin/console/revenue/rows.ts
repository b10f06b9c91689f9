/** The roll-forward as table rows: one per line, one column per kind of credit (pure, for the page and its test). */

export type SectionFigures = {
  openingDeferredMillicredits: string;
  purchasedMillicredits: string;
  recognisedMillicredits: string;
  breakageMillicredits: string;
  refundedMillicredits: string;
  adjustedMillicredits: string;
  reclassifiedMillicredits: string;
  closingDeferredMillicredits: string;
};

export const COLUMNS = [
  { key: 'paid', label: 'Paid (deferred revenue)' },
  { key: 'promotional', label: 'Promotional' },
  { key: 'adjustments', label: 'Staff goodwill' },
  { key: 'total', label: 'Total' },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];

const LINES: { field: keyof SectionFigures; sign: '' | '+' | '−' | '±' | '='; label: string }[] = [
  { field: 'openingDeferredMillicredits', sign: '', label: 'Opening balance' },
  { field: 'purchasedMillicredits', sign: '+', label: 'Purchased / granted' },
  { field: 'recognisedMillicredits', sign: '−', label: 'Used (paid: revenue recognised)' },
  { field: 'breakageMillicredits', sign: '−', label: 'Expired (paid: breakage)' },
  { field: 'refundedMillicredits', sign: '−', label: 'Refunds and disputes' },
  { field: 'adjustedMillicredits', sign: '±', label: 'Staff adjustments' },
  { field: 'reclassifiedMillicredits', sign: '±', label: 'Reclassified to paid' },
  { field: 'closingDeferredMillicredits', sign: '=', label: 'Closing balance' },
];

export interface RollForwardRow {
  label: string;
  sign: string;
  closing: boolean;
  cells: Record<ColumnKey, string>;
}

export function rollForwardRows(sections: Record<ColumnKey, SectionFigures>): RollForwardRow[] {
  return LINES.map(({ field, sign, label }) => ({
    label,
    sign,
    closing: sign === '=',
    cells: {
      paid: sections.paid[field],
      promotional: sections.promotional[field],
      adjustments: sections.adjustments[field],
      total: sections.total[field],
    },
  }));
}

/** The month before `month` ("YYYY-MM"), and the current UTC month. */
export const currentMonth = (now = new Date()) => now.toISOString().slice(0, 7);
export function previousMonths(count: number, now = new Date()): string[] {
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    return d.toISOString().slice(0, 7);
  });
}
