import type PDFDocument from 'pdfkit';

interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

export interface Cell {
  text: string;
  link?: string | null;
}

export const MARGIN = 48;
const FOOTER_SPACE = 40;
export const INK = '#1f2328';
export const MUTED = '#57606a';
const RULE = '#d0d7de';
const LINK = '#0b57d0';
const ROW_HEIGHT = 16;

type Doc = InstanceType<typeof PDFDocument>;

/** Where the page's content ends (the footer sits below it). */
const bottomOf = (doc: Doc) => doc.page.height - MARGIN - FOOTER_SPACE;
const widthOf = (doc: Doc) => doc.page.width - 2 * MARGIN;

function rule(doc: Doc, y: number): void {
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + widthOf(doc), y)
    .lineWidth(0.7)
    .strokeColor(RULE)
    .stroke();
}

function drawHeader(doc: Doc, columns: Column[]): void {
  let x = MARGIN;
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
  doc.y = y + ROW_HEIGHT - 4;
  rule(doc, doc.y);
  doc.y += 4;
}

function drawRow(doc: Doc, columns: Column[], cells: Cell[], bold = false): void {
  if (doc.y + ROW_HEIGHT > bottomOf(doc)) {
    doc.addPage();
    drawHeader(doc, columns);
  }
  const y = doc.y;
  let x = MARGIN;
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
  doc.y = y + ROW_HEIGHT;
}

/** A section title, on a new page when too little room is left for a table under it. */
export function heading(doc: Doc, title: string): void {
  if (doc.y + 60 > bottomOf(doc)) doc.addPage();
  doc.font('Helvetica-Bold').fontSize(11).fillColor(INK).text(title, MARGIN, doc.y);
  doc.moveDown(0.3);
}

/** An aligned table, its header repeated on each page it runs onto, with an optional bold total row. */
export function table(doc: Doc, columns: Column[], rows: Cell[][], opts: { totalRow?: Cell[] } = {}): void {
  drawHeader(doc, columns);
  for (const r of rows) drawRow(doc, columns, r);
  if (opts.totalRow) {
    rule(doc, doc.y - 2);
    drawRow(doc, columns, opts.totalRow, true);
  }
  doc.x = MARGIN;
  doc.moveDown(1);
}

/** Page numbers and the credits note at the foot of every page. */
export function footers(doc: Doc): void {
  const range = doc.bufferedPageRange();
  const width = widthOf(doc);
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN - 14;
    doc.page.margins.bottom = 0; // let the footer sit below the content area without a page break
    doc.font('Helvetica').fontSize(7.5).fillColor(MUTED);
    doc.text('Credits are prepaid. 1,000 credits = $1.00. USD equivalents are approximate; amounts paid are exact.', MARGIN, y, {
      width: width - 80,
      lineBreak: false,
    });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN + width - 80, y, { width: 80, align: 'right', lineBreak: false });
  }
}
