import PDFDocument from 'pdfkit';
import { stringify } from 'csv-stringify/sync';
import { SECTIONS, type Statement, type StatementSection } from './statement.builder.js';
import { centsDecimal, centsOf, credits, integer, isoDay, lastDay, longDate, usdCents } from './statement.format.js';

/** Who issues the statement (COMPANY_NAME, COMPANY_ADDRESS, SUPPORT_EMAIL). */
export interface StatementSeller {
  name: string;
  address: string | null;
  supportEmail: string | null;
}

const SECTION_TITLE: Record<StatementSection, string> = {
  PURCHASE: 'Purchases',
  DEDUCTION: 'Usage',
  REFUND: 'Refunds',
  ADJUSTMENT: 'Adjustments',
  PROMOTIONAL: 'Bonus and promotional credits',
  EXPIRY: 'Expired credits',
};

/** Approximate USD of credits, to the cent (the column says approximate). */
const usd = (m: bigint) => usdCents(centsOf(m));

const plainCredits = (m: bigint) => credits(m).replace(/,/g, '');

/** The statement as CSV: the PDF's figures, machine-readable (no thousands separators). */
export function statementCsv(s: Statement, seller?: StatementSeller): string {
  const header = [
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
  const rows: (string | null)[][] = [];
  const row = (
    section: string,
    date: string,
    description: string,
    reference: string | null,
    amount: bigint | null,
    receipt: string | null = null,
    paidCents: bigint | null = null,
    taxCents: bigint | null = null,
    invoiceUrl: string | null = null,
  ) =>
    rows.push([
      section,
      date,
      description,
      reference,
      amount === null ? null : amount.toString(),
      amount === null ? null : plainCredits(amount),
      amount === null ? null : centsDecimal(centsOf(amount)),
      receipt,
      paidCents === null ? null : centsDecimal(paidCents),
      taxCents === null ? null : centsDecimal(taxCents),
      invoiceUrl,
    ]);
  row('OPENING_BALANCE', isoDay(s.from), `Opening balance ${s.label}`, s.accountId, s.opening);
  for (const l of s.lines)
    row(
      l.section,
      isoDay(l.date),
      l.description,
      l.reference ?? l.transactionId,
      l.amount,
      l.receiptUrl,
      l.paidCents,
      l.taxCents,
      l.invoiceUrl,
    );
  for (const u of s.usage) {
    row(
      'USAGE_BY_MODEL',
      '',
      `${u.model}: ${u.calls} calls, ${u.inputTokens} input (+${u.cachedInputTokens} cached), ${u.outputTokens} output tokens`,
      u.model,
      -u.charged,
    );
  }
  for (const d of s.usageByDay) row('USAGE_BY_DAY', d.day, `${d.calls} calls`, null, -d.charged);
  for (const section of SECTIONS) row(`TOTAL_${section}`, '', SECTION_TITLE[section], null, s.totals[section]);
  const paid = s.lines.reduce((sum, l) => sum + (l.paidCents ?? 0n), 0n);
  const tax = s.lines.reduce((sum, l) => sum + (l.taxCents ?? 0n), 0n);
  row('TOTAL_PAID', '', 'Amount paid for purchases (tax included)', null, null, null, paid, tax);
  row(
    'STATEMENT',
    isoDay(s.generatedAt),
    `Statement ${s.number}${seller ? ` from ${seller.name}` : ''} for ${[s.accountName, s.accountEmail].filter(Boolean).join(' ')}, ${isoDay(s.from)} to ${isoDay(lastDay(s.to))}`,
    s.number,
    null,
  );
  row('CLOSING_BALANCE', isoDay(lastDay(s.to)), `Closing balance ${s.label}`, s.accountId, s.closing);
  return stringify(rows, { header: true, columns: header });
}

interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

interface Cell {
  text: string;
  link?: string | null;
}

const MARGIN = 48;
const FOOTER_SPACE = 40;
const INK = '#1f2328';
const MUTED = '#57606a';
const RULE = '#d0d7de';
const LINK = '#0b57d0';

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

    const left = MARGIN;
    const width = doc.page.width - 2 * MARGIN;
    const bottom = () => doc.page.height - MARGIN - FOOTER_SPACE;

    // Seller (left) and statement facts (right).
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

    // Customer.
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

    const heading = (title: string) => {
      if (doc.y + 60 > bottom()) doc.addPage();
      doc.font('Helvetica-Bold').fontSize(11).fillColor(INK).text(title, left, doc.y);
      doc.moveDown(0.3);
    };

    const table = (columns: Column[], rows: Cell[][], opts: { totalRow?: Cell[] } = {}) => {
      const rowHeight = 16;
      const drawHeader = () => {
        let x = left;
        const y = doc.y;
        doc.font('Helvetica-Bold').fontSize(8).fillColor(MUTED);
        for (const c of columns) {
          doc.text(c.header.toUpperCase(), x + 3, y, {
            width: c.width - 6,
            height: 10,
            align: c.align ?? 'left',
            lineBreak: false,
            ellipsis: true,
          });
          x += c.width;
        }
        doc.y = y + rowHeight - 4;
        doc
          .moveTo(left, doc.y)
          .lineTo(left + width, doc.y)
          .lineWidth(0.7)
          .strokeColor(RULE)
          .stroke();
        doc.y += 4;
      };
      const drawRow = (cells: Cell[], bold = false) => {
        if (doc.y + rowHeight > bottom()) {
          doc.addPage();
          drawHeader();
        }
        const y = doc.y;
        let x = left;
        cells.forEach((cell, i) => {
          const c = columns[i];
          doc
            .font(bold ? 'Helvetica-Bold' : 'Helvetica')
            .fontSize(9)
            .fillColor(cell.link ? LINK : INK);
          doc.text(cell.text, x + 3, y, {
            width: c.width - 6,
            height: 11,
            align: c.align ?? 'left',
            lineBreak: false,
            ellipsis: true,
            ...(cell.link ? { link: cell.link, underline: true } : {}),
          });
          x += c.width;
        });
        doc.y = y + rowHeight;
      };
      drawHeader();
      for (const r of rows) drawRow(r);
      if (opts.totalRow) {
        doc
          .moveTo(left, doc.y - 2)
          .lineTo(left + width, doc.y - 2)
          .lineWidth(0.7)
          .strokeColor(RULE)
          .stroke();
        drawRow(opts.totalRow, true);
      }
      doc.x = left;
      doc.moveDown(1);
    };

    // Summary.
    heading('Summary');
    const summaryCols: Column[] = [
      { header: 'Item', width: width - 220 },
      { header: 'Credits', width: 120, align: 'right' },
      { header: 'USD (approx.)', width: 100, align: 'right' },
    ];
    const summaryRow = (label: string, m: bigint): Cell[] => [{ text: label }, { text: credits(m) }, { text: usd(m) }];
    table(
      summaryCols,
      [
        summaryRow(`Opening balance on ${longDate(s.from)}`, s.opening),
        ...SECTIONS.filter((k) => s.totals[k] !== 0n || k === 'PURCHASE' || k === 'DEDUCTION').map((k) =>
          summaryRow(SECTION_TITLE[k], s.totals[k]),
        ),
      ],
      { totalRow: summaryRow(`Closing balance on ${longDate(lastDay(s.to))}`, s.closing) },
    );

    // Purchases at the amount actually paid, with the tax in it and the invoice.
    const purchases = s.lines.filter((l) => l.section === 'PURCHASE');
    if (purchases.length) {
      heading('Purchases');
      const paid = purchases.reduce((sum, l) => sum + (l.paidCents ?? 0n), 0n);
      const tax = purchases.reduce((sum, l) => sum + (l.taxCents ?? 0n), 0n);
      table(
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
          { text: credits(l.amount) },
          { text: l.paidCents === null ? '-' : usdCents(l.paidCents) },
          { text: l.taxCents === null ? '-' : usdCents(l.taxCents) },
          l.invoiceUrl ? { text: 'Invoice', link: l.invoiceUrl } : { text: l.receiptUrl ? 'Receipt' : '-', link: l.receiptUrl },
        ]),
        {
          totalRow: [
            { text: '' },
            { text: 'Total paid' },
            { text: credits(s.totals.PURCHASE) },
            { text: usdCents(paid) },
            { text: usdCents(tax) },
            { text: '' },
          ],
        },
      );
    }

    // Usage per model and per day.
    if (s.usage.length) {
      heading('Usage by model');
      const calls = s.usage.reduce((sum, u) => sum + u.calls, 0n);
      table(
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
          { text: integer(u.calls) },
          { text: integer(u.inputTokens) },
          { text: integer(u.cachedInputTokens) },
          { text: integer(u.outputTokens) },
          { text: credits(u.charged) },
        ]),
        {
          totalRow: [
            { text: 'Total' },
            { text: integer(calls) },
            { text: '' },
            { text: '' },
            { text: '' },
            { text: credits(s.usageTotal) },
          ],
        },
      );
      heading('Usage by day');
      table(
        [
          { header: 'Date', width: width - 80 - 120 - 100 },
          { header: 'Calls', width: 80, align: 'right' },
          { header: 'Credits', width: 120, align: 'right' },
          { header: 'USD (approx.)', width: 100, align: 'right' },
        ],
        s.usageByDay.map((d) => [
          { text: longDate(new Date(`${d.day}T00:00:00Z`)) },
          { text: integer(d.calls) },
          { text: credits(d.charged) },
          { text: usd(d.charged) },
        ]),
      );
    }

    // Every other movement.
    const others = s.lines.filter((l) => l.section !== 'PURCHASE');
    if (others.length) {
      heading('Other movements');
      table(
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
          { text: credits(l.amount) },
        ]),
      );
    }

    // Footer with page numbers on every page.
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const y = doc.page.height - MARGIN - 14;
      doc.page.margins.bottom = 0; // let the footer sit below the content area without a page break
      doc.font('Helvetica').fontSize(7.5).fillColor(MUTED);
      doc.text('Credits are prepaid. 1,000 credits = $1.00. USD equivalents are approximate; amounts paid are exact.', left, y, {
        width: width - 80,
        lineBreak: false,
      });
      doc.text(`Page ${i - range.start + 1} of ${range.count}`, left + width - 80, y, { width: 80, align: 'right', lineBreak: false });
    }
    doc.end();
  });
}
