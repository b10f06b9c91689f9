import PDFDocument from 'pdfkit';
import { stringify } from 'csv-stringify/sync';
import { formatScaledDecimal, toUsdNumber } from '../money/money.js';
import { SECTIONS, type Statement, type StatementSection } from './statement.builder.js';

const credits = (m: bigint) => formatScaledDecimal(m, 3);
const usd = (m: bigint) => toUsdNumber(m).toFixed(2);
const day = (d: Date) => d.toISOString().slice(0, 10);

const SECTION_TITLE: Record<StatementSection, string> = {
  PURCHASE: 'Purchases',
  DEDUCTION: 'Deductions (usage)',
  REFUND: 'Refunds',
  ADJUSTMENT: 'Adjustments',
  PROMOTIONAL: 'Bonus and promotional credits',
  EXPIRY: 'Expired credits',
};

/** The statement as CSV rows: amounts in millicredits, credits and approximate USD. */
export function statementCsv(s: Statement): string {
  const header = [
    'section',
    'date',
    'description',
    'reference',
    'amount_millicredits',
    'amount_credits',
    'amount_usd_approx',
    'receipt_url',
  ];
  const rows: (string | number | null)[][] = [];
  const row = (
    section: string,
    date: string,
    description: string,
    reference: string | null,
    amount: bigint,
    receipt: string | null = null,
  ) => rows.push([section, date, description, reference, amount.toString(), credits(amount), usd(amount), receipt]);
  row('OPENING_BALANCE', day(s.from), `Opening balance ${s.label}`, s.accountId, s.opening);
  for (const l of s.lines) row(l.section, day(l.date), l.description, l.reference ?? l.transactionId, l.amount, l.receiptUrl);
  for (const u of s.usage) {
    row(
      'USAGE_BY_MODEL',
      '',
      `${u.model}: ${u.calls} calls, ${u.inputTokens} input (+${u.cachedInputTokens} cached), ${u.outputTokens} output tokens`,
      u.model,
      -u.charged,
    );
  }
  for (const section of SECTIONS) row(`TOTAL_${section}`, '', SECTION_TITLE[section], null, s.totals[section]);
  row('CLOSING_BALANCE', day(new Date(s.to.getTime() - 1)), `Closing balance ${s.label}`, s.accountId, s.closing);
  return stringify(rows, { header: true, columns: header });
}

/** The same statement as a PDF (pdfkit), into a Buffer. */
export function statementPdf(s: Statement): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `creditmeter statement ${s.label}`, Author: 'creditmeter' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const money = (m: bigint) => `${credits(m)} credits (~$${usd(m)})`;
    doc.fontSize(18).text(`Statement ${s.label}`);
    doc
      .fontSize(9)
      .fillColor('#555')
      .text(`Account ${s.accountId}${s.accountName ? ` (${s.accountName})` : ''}`);
    doc.text(
      `Period ${s.from.toISOString()} to ${s.to.toISOString()} (exclusive). Generated ${s.generatedAt.toISOString()}. USD amounts are approximate.`,
    );
    doc
      .moveDown()
      .fillColor('#000')
      .fontSize(12)
      .text(`Opening balance: ${money(s.opening)}`);
    doc.moveDown(0.5).fontSize(11);
    for (const section of SECTIONS) doc.text(`${SECTION_TITLE[section]}: ${money(s.totals[section])}`);
    doc
      .moveDown(0.5)
      .fontSize(12)
      .text(`Closing balance: ${money(s.closing)}`);
    if (s.usage.length) {
      doc.moveDown().fontSize(12).text('Usage by model');
      doc.fontSize(9);
      for (const u of s.usage) {
        doc.text(
          `${u.model}: ${u.calls} calls, ${u.inputTokens} input (+${u.cachedInputTokens} cached) and ${u.outputTokens} output tokens, ${money(u.charged)}`,
        );
      }
    }
    if (s.lines.length) {
      doc.moveDown().fontSize(12).text('Movements');
      doc.fontSize(9);
      for (const l of s.lines) {
        doc.text(`${day(l.date)}  ${l.description}  ${money(l.amount)}${l.reference ? `  ref ${l.reference}` : ''}`);
        if (l.receiptUrl) doc.fillColor('#1a0dab').text('Receipt', { link: l.receiptUrl, underline: true }).fillColor('#000');
      }
    }
    doc.end();
  });
}
