import { stringify } from 'csv-stringify/sync';
import { formatCentsDecimal, formatCredits, millicreditsToCents } from '../money/format.js';
import { SECTIONS, type Statement } from './statement.builder.js';
import { isoDay, lastDay } from './statement.format.js';
import { SECTION_TITLE, type StatementSeller } from './statement.render.js';

const HEADER = [
  'section',
  'date',
  'description',
  'reference',
  'amount_millicredits',
  'amount_credits',
  'amount_usd_approx',
  'receipt_url',
  'paid_usd',
  'tax_usd',
  'invoice_url',
];

interface CsvLine {
  section: string;
  date: string;
  description: string;
  reference?: string | null;
  amount?: bigint | null;
  receipt?: string | null;
  paidCents?: bigint | null;
  taxCents?: bigint | null;
  invoiceUrl?: string | null;
}

const cells = (l: CsvLine): (string | null)[] => {
  const amount = l.amount ?? null;
  return [
    l.section,
    l.date,
    l.description,
    l.reference ?? null,
    amount === null ? null : amount.toString(),
    amount === null ? null : formatCredits(amount, { grouping: false }),
    amount === null ? null : formatCentsDecimal(millicreditsToCents(amount)),
    l.receipt ?? null,
    l.paidCents == null ? null : formatCentsDecimal(l.paidCents),
    l.taxCents == null ? null : formatCentsDecimal(l.taxCents),
    l.invoiceUrl ?? null,
  ];
};

/** Movements, usage per model and per day, between the opening and the totals. */
function bodyLines(s: Statement): CsvLine[] {
  return [
    ...s.lines.map((l) => ({
      section: l.section,
      date: isoDay(l.date),
      description: l.description,
      reference: l.reference ?? l.transactionId,
      amount: l.amount,
      receipt: l.receiptUrl,
      paidCents: l.paidCents,
      taxCents: l.taxCents,
      invoiceUrl: l.invoiceUrl,
    })),
    ...s.usage.map((u) => ({
      section: 'USAGE_BY_MODEL',
      date: '',
      description: `${u.model}: ${u.calls} calls, ${u.inputTokens} input (+${u.cachedInputTokens} cached), ${u.outputTokens} output tokens`,
      reference: u.model,
      amount: -u.charged,
    })),
    ...s.usageByDay.map((d) => ({ section: 'USAGE_BY_DAY', date: d.day, description: `${d.calls} calls`, amount: -d.charged })),
  ];
}

/** The statement as CSV: the PDF's figures, machine-readable (no thousands separators). */
export function statementCsv(s: Statement, seller?: StatementSeller): string {
  const paid = s.lines.reduce((sum, l) => sum + (l.paidCents ?? 0n), 0n);
  const tax = s.lines.reduce((sum, l) => sum + (l.taxCents ?? 0n), 0n);
  const lines: CsvLine[] = [
    {
      section: 'OPENING_BALANCE',
      date: isoDay(s.from),
      description: `Opening balance ${s.label}`,
      reference: s.accountId,
      amount: s.opening,
    },
    ...bodyLines(s),
    ...SECTIONS.map((section) => ({
      section: `TOTAL_${section}`,
      date: '',
      description: SECTION_TITLE[section],
      amount: s.totals[section],
    })),
    { section: 'TOTAL_PAID', date: '', description: 'Amount paid for purchases (tax included)', paidCents: paid, taxCents: tax },
    {
      section: 'STATEMENT',
      date: isoDay(s.generatedAt),
      description: `Statement ${s.number}${seller ? ` from ${seller.name}` : ''} for ${[s.accountName, s.accountEmail].filter(Boolean).join(' ')}, ${isoDay(s.from)} to ${isoDay(lastDay(s.to))}`,
      reference: s.number,
    },
    {
      section: 'CLOSING_BALANCE',
      date: isoDay(lastDay(s.to)),
      description: `Closing balance ${s.label}`,
      reference: s.accountId,
      amount: s.closing,
    },
  ];
  return stringify(lines.map(cells), { header: true, columns: HEADER });
}
