import PDFDocument from 'pdfkit';
import { formatCents, formatCount, formatCredits, formatUsdOfMillicredits } from '../money/format.js';
import { SECTIONS, type Statement, type StatementSection } from './statement.builder.js';
import { lastDay, longDate } from './statement.format.js';
import { footers, heading, INK, MARGIN, MUTED, table, type Cell } from './statement.pdf-table.js';

/** Who issues the statement (COMPANY_NAME, COMPANY_ADDRESS, SUPPORT_EMAIL). */
export interface StatementSeller {
  name: string;
  address: string | null;
  supportEmail: string | null;
}

export const SECTION_TITLE: Record<StatementSection, string> = {
  PURCHASE: 'Purchases',
  DEDUCTION: 'Usage',
  REFUND: 'Refunds',
  ADJUSTMENT: 'Adjustments',
  PROMOTIONAL: 'Bonus and promotional credits',
  EXPIRY: 'Expired credits',
};

type Doc = InstanceType<typeof PDFDocument>;

/** Seller (left) and statement facts (right), then the customer. */
function drawParties(doc: Doc, s: Statement, seller: StatementSeller, width: number): void {
  const left = MARGIN;
  const top = doc.y;
  doc
    .font('Helvetica-Bold')
    .fontSize(16)
    .fillColor(INK)
    .text(seller.name, left, top, { width: width / 2 });
  doc.font('Helvetica').fontSize(9).fillColor(MUTED);
  if (seller.address) doc.text(seller.address.replace(/\\n/g, '\n'), { width: width / 2 });
  if (seller.supportEmail) doc.text(seller.supportEmail, { width: width / 2 });
  const sellerBottom = doc.y;
  const facts: [string, string][] = [
    ['Statement', s.number],
    ['Period', `${longDate(s.from)} - ${longDate(lastDay(s.to))}`],
    ['Issued', longDate(s.generatedAt)],
  ];
  doc
    .font('Helvetica-Bold')
    .fontSize(16)
    .fillColor(INK)
    .text('Statement', left + width / 2, top, { width: width / 2, align: 'right' });
  doc.font('Helvetica').fontSize(9).fillColor(INK);
  for (const [label, value] of facts) doc.text(`${label}: ${value}`, left + width / 2, doc.y, { width: width / 2, align: 'right' });
  doc.y = Math.max(sellerBottom, doc.y) + 18;
  doc.font('Helvetica').fontSize(8).fillColor(MUTED).text('STATEMENT FOR', left);
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .fillColor(INK)
    .text(s.accountName ?? s.accountEmail ?? s.accountId, left);
  doc.font('Helvetica').fontSize(9).fillColor(MUTED);
  if (s.accountName && s.accountEmail) doc.text(s.accountEmail, left);
  doc.text(`Account ${s.accountId}`, left);
  doc.moveDown(1.2);
}

function drawSummary(doc: Doc, s: Statement, width: number): void {
  heading(doc, 'Summary');
  const row = (label: string, m: bigint): Cell[] => [{ text: label }, { text: formatCredits(m) }, { text: formatUsdOfMillicredits(m) }];
  table(
    doc,
    [
      { header: 'Item', width: width - 220 },
      { header: 'Credits', width: 120, align: 'right' },
      { header: 'USD (approx.)', width: 100, align: 'right' },
    ],
    [
      row(`Opening balance on ${longDate(s.from)}`, s.opening),
      ...SECTIONS.filter((k) => s.totals[k] !== 0n || k === 'PURCHASE' || k === 'DEDUCTION').map((k) => row(SECTION_TITLE[k], s.totals[k])),
    ],
    { totalRow: row(`Closing balance on ${longDate(lastDay(s.to))}`, s.closing) },
  );
}

/** Purchases at the amount actually paid, with the tax in it and the invoice. */
function drawPurchases(doc: Doc, s: Statement, width: number): void {
  const purchases = s.lines.filter((l) => l.section === 'PURCHASE');
  if (!purchases.length) return;
  heading(doc, 'Purchases');
  const paid = purchases.reduce((sum, l) => sum + (l.paidCents ?? 0n), 0n);
  const tax = purchases.reduce((sum, l) => sum + (l.taxCents ?? 0n), 0n);
  table(
    doc,
    [
      { header: 'Date', width: 80 },
      { header: 'Description', width: width - 80 - 100 - 70 - 60 - 60 },
      { header: 'Credits', width: 100, align: 'right' },
      { header: 'Paid', width: 70, align: 'right' },
      { header: 'Tax', width: 60, align: 'right' },
      { header: 'Invoice', width: 60, align: 'right' },
    ],
    purchases.map((l) => [
      { text: longDate(l.date) },
      { text: l.description },
      { text: formatCredits(l.amount) },
      { text: l.paidCents === null ? '-' : formatCents(l.paidCents) },
      { text: l.taxCents === null ? '-' : formatCents(l.taxCents) },
      l.invoiceUrl ? { text: 'Invoice', link: l.invoiceUrl } : { text: l.receiptUrl ? 'Receipt' : '-', link: l.receiptUrl },
    ]),
    {
      totalRow: [
        { text: '' },
        { text: 'Total paid' },
        { text: formatCredits(s.totals.PURCHASE) },
        { text: formatCents(paid) },
        { text: formatCents(tax) },
        { text: '' },
      ],
    },
  );
}

function drawUsageByModel(doc: Doc, s: Statement, width: number): void {
  heading(doc, 'Usage by model');
  const calls = s.usage.reduce((sum, u) => sum + u.calls, 0n);
  const blank = { text: '' };
  table(
    doc,
    [
      { header: 'Model', width: width - 60 - 75 - 75 - 75 - 95 },
      { header: 'Calls', width: 60, align: 'right' },
      { header: 'Input tokens', width: 75, align: 'right' },
      { header: 'Cached', width: 75, align: 'right' },
      { header: 'Output tokens', width: 75, align: 'right' },
      { header: 'Credits', width: 95, align: 'right' },
    ],
    s.usage.map((u) => [
      { text: u.model },
      { text: formatCount(u.calls) },
      { text: formatCount(u.inputTokens) },
      { text: formatCount(u.cachedInputTokens) },
      { text: formatCount(u.outputTokens) },
      { text: formatCredits(u.charged) },
    ]),
    { totalRow: [{ text: 'Total' }, { text: formatCount(calls) }, blank, blank, blank, { text: formatCredits(s.usageTotal) }] },
  );
}

function drawUsageByDay(doc: Doc, s: Statement, width: number): void {
  heading(doc, 'Usage by day');
  table(
    doc,
    [
      { header: 'Date', width: width - 80 - 120 - 100 },
      { header: 'Calls', width: 80, align: 'right' },
      { header: 'Credits', width: 120, align: 'right' },
      { header: 'USD (approx.)', width: 100, align: 'right' },
    ],
    s.usageByDay.map((d) => [
      { text: longDate(new Date(`${d.day}T00:00:00Z`)) },
      { text: formatCount(d.calls) },
      { text: formatCredits(d.charged) },
      { text: formatUsdOfMillicredits(d.charged) },
    ]),
  );
}

/** Every movement but purchases. */
function drawOtherMovements(doc: Doc, s: Statement, width: number): void {
  const others = s.lines.filter((l) => l.section !== 'PURCHASE');
  if (!others.length) return;
  heading(doc, 'Other movements');
  table(
    doc,
    [
      { header: 'Date', width: 80 },
      { header: 'Description', width: width - 80 - 110 - 110 },
      { header: 'Reference', width: 110 },
      { header: 'Credits', width: 110, align: 'right' },
    ],
    others.map((l) => [
      { text: longDate(l.date) },
      { text: l.description, link: l.receiptUrl },
      { text: (l.reference ?? l.transactionId).slice(0, 20) },
      { text: formatCredits(l.amount) },
    ]),
  );
}

/** The same statement as a PDF document people can file: seller, customer, period, aligned tables, page numbers. */
export function statementPdf(
  s: Statement,
  seller: StatementSeller = { name: 'creditmeter', address: null, supportEmail: null },
  opts: { compress?: boolean } = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      compress: opts.compress ?? true,
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      bufferPages: true,
      info: { Title: `Statement ${s.number}`, Author: seller.name, Subject: `Credits statement ${s.label}` },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const width = doc.page.width - 2 * MARGIN;
    drawParties(doc, s, seller, width);
    drawSummary(doc, s, width);
    drawPurchases(doc, s, width);
    if (s.usage.length) {
      drawUsageByModel(doc, s, width);
      drawUsageByDay(doc, s, width);
    }
    drawOtherMovements(doc, s, width);
    footers(doc);
    doc.end();
  });
}
