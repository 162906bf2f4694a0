import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { formatDate, formatIban } from '../format.ts';
import type { Translator } from '../i18n.ts';

// The page every document Recoup prints for a debtor shares: A4, the creditor's letterhead, the recipient's address
// where a windowed envelope shows it, and a footer with the bank details and page numbers. Text is set in DejaVu
// Sans, embedded and subset, so names in any Latin, Greek or Cyrillic script print as written; PDF's built-in
// fonts know only Western European characters.

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const MM = 72 / 25.4;
export const PAGE = {
  left: 25 * MM,
  right: 20 * MM,
  top: 15 * MM,
  /** Room kept at the bottom for the footer. */
  bottom: 30 * MM,
  width: 210 * MM,
  height: 297 * MM,
} as const;
/** Where the address field of a windowed envelope (DIN 5008, form B) starts. */
const ADDRESS_FIELD = { top: 45 * MM, width: 85 * MM };

export interface PdfCreditor {
  name: string;
  addressLines: readonly string[];
  bankName: string | null;
  iban: string | null;
  bic: string | null;
}

export interface PdfRecipient {
  name: string;
  /** The postal address as stored: lines separated by newlines or commas. */
  postalAddress: string | null;
}

export interface PdfHeader {
  creditor: PdfCreditor;
  recipient: PdfRecipient;
  title: string;
  /** The customer number the debtor quotes. */
  accountRef: string;
  /** The day the document stands for ("YYYY-MM-DD"). */
  asOf: string;
}

const addressLinesOf = (postalAddress: string | null): string[] =>
  (postalAddress ?? '')
    .split(/\r?\n|,/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, 6);

export type Pdf = InstanceType<typeof PDFDocument>;

/** The usable width between the margins. */
export const contentWidth = PAGE.width - PAGE.left - PAGE.right;

/** A new document with the letterhead, address block and title drawn; the cursor stands below the title. */
export const startDocument = (header: PdfHeader, texts: Translator): Pdf => {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, left: PAGE.left, right: PAGE.right, bottom: PAGE.bottom },
    bufferPages: true,
    lang: texts.locale,
    displayTitle: true,
    info: {
      Title: header.title,
      Author: header.creditor.name,
      Creator: 'Recoup',
      // The day it stands for, not the moment it was made: the same statement prints to the same file.
      CreationDate: new Date(`${header.asOf}T00:00:00Z`),
    },
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);

  const right = PAGE.width - PAGE.right;
  doc.font('bold').fontSize(14).text(header.creditor.name, PAGE.left, PAGE.top, { width: contentWidth, align: 'right' });
  doc.font('body').fontSize(9).fillColor('#444444');
  for (const line of header.creditor.addressLines) doc.text(line, { width: contentWidth, align: 'right' });

  // The return address above the window, then the recipient in it.
  const senderLine = [header.creditor.name, ...header.creditor.addressLines].join(' · ');
  doc.fontSize(7).text(senderLine, PAGE.left, ADDRESS_FIELD.top, { width: ADDRESS_FIELD.width, lineBreak: false, ellipsis: true });
  doc.fillColor('#000000').fontSize(10).text(header.recipient.name, PAGE.left, ADDRESS_FIELD.top + 5 * MM, { width: ADDRESS_FIELD.width });
  for (const line of addressLinesOf(header.recipient.postalAddress)) doc.text(line, { width: ADDRESS_FIELD.width });

  const infoX = right - 70 * MM;
  doc.fontSize(9).text(`${texts.t('documents:account')}: ${header.accountRef}`, infoX, ADDRESS_FIELD.top + 5 * MM, { width: 70 * MM, align: 'right' });
  doc.text(`${texts.t('documents:date')}: ${formatDate(header.asOf, texts.locale)}`, { width: 70 * MM, align: 'right' });

  doc.font('bold').fontSize(16).text(header.title, PAGE.left, 100 * MM, { width: contentWidth });
  doc.font('body').fontSize(10).moveDown(0.5);
  return doc;
};

/** A heading that stays with at least a few lines of what follows it. */
export const heading = (doc: Pdf, text: string): void => {
  ensureRoom(doc, 60);
  doc.moveDown(1).font('bold').fontSize(12).text(text, PAGE.left, doc.y, { width: contentWidth }).font('body').fontSize(10).moveDown(0.3);
};

export const paragraph = (doc: Pdf, text: string): void => {
  ensureRoom(doc, doc.heightOfString(text, { width: contentWidth }));
  doc.font('body').fontSize(10).text(text, PAGE.left, doc.y, { width: contentWidth });
};

const bottomEdge = PAGE.height - PAGE.bottom;

/** Starts a new page when less than `height` points are left on this one. */
export const ensureRoom = (doc: Pdf, height: number): boolean => {
  if (doc.y + height <= bottomEdge) return false;
  doc.addPage();
  return true;
};

export interface PdfColumn {
  title: string;
  /** A share of the content width; the shares of a table add up to 1. */
  share: number;
  align?: 'left' | 'right';
}

/** A table whose header row is repeated on every page it runs onto; the last row may be set in bold as a total. */
export const table = (doc: Pdf, columns: readonly PdfColumn[], rows: readonly (readonly string[])[], options: { boldLast?: boolean } = {}): void => {
  const widths = columns.map((column) => column.share * contentWidth);
  const padding = 3;
  const drawRow = (cells: readonly string[], font: 'body' | 'bold', rule: boolean): void => {
    doc.font(font).fontSize(9);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - 2 * padding }))) + 2 * padding;
    if (ensureRoom(doc, height) && font === 'body') drawRow(columns.map((c) => c.title), 'bold', true);
    const top = doc.y;
    let x = PAGE.left;
    cells.forEach((cell, i) => {
      doc.font(font).fontSize(9).text(cell, x + padding, top + padding, { width: widths[i]! - 2 * padding, align: columns[i]!.align ?? 'left' });
      x += widths[i]!;
    });
    if (rule) doc.moveTo(PAGE.left, top + height).lineTo(PAGE.left + contentWidth, top + height).lineWidth(0.5).strokeColor('#999999').stroke();
    doc.x = PAGE.left;
    doc.y = top + height;
  };
  drawRow(columns.map((c) => c.title), 'bold', true);
  rows.forEach((row, index) => drawRow(row, options.boldLast && index === rows.length - 1 ? 'bold' : 'body', false));
  doc.moveDown(0.5);
};

/** How to pay: the creditor's bank details and the reference to quote, or a line saying to ask for them. */
export const bankDetails = (doc: Pdf, creditor: PdfCreditor, reference: string, texts: Translator): void => {
  heading(doc, texts.t('documents:bank.heading'));
  if (!creditor.iban) {
    paragraph(doc, texts.t('documents:bank.none'));
    return;
  }
  paragraph(doc, texts.t('documents:bank.transfer', { reference }));
  doc.moveDown(0.3);
  const lines: [string, string][] = [
    [texts.t('documents:bank.holder'), creditor.name],
    ...(creditor.bankName ? [[texts.t('documents:bank.bank'), creditor.bankName] as [string, string]] : []),
    [texts.t('documents:bank.iban'), formatIban(creditor.iban)],
    ...(creditor.bic ? [[texts.t('documents:bank.bic'), creditor.bic] as [string, string]] : []),
  ];
  for (const [label, value] of lines) {
    const y = doc.y;
    doc.font('body').fontSize(10).text(label, PAGE.left, y, { width: 40 * MM });
    doc.font('bold').text(value, PAGE.left + 40 * MM, y, { width: contentWidth - 40 * MM });
  }
  doc.font('body');
};

/** Page numbers and the creditor's bank line on every page, then the finished file. */
export const finishDocument = (doc: Pdf, creditor: PdfCreditor, texts: Translator): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { start, count } = doc.bufferedPageRange();
  const footer = [creditor.name, creditor.bankName, creditor.iban ? `IBAN ${formatIban(creditor.iban)}` : null, creditor.bic ? `BIC ${creditor.bic}` : null]
    .filter((part): part is string => part !== null)
    .join(' · ');
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    // Writing into the bottom margin must not start another page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - 18 * MM;
    doc.moveTo(PAGE.left, y - 2 * MM).lineTo(PAGE.left + contentWidth, y - 2 * MM).lineWidth(0.5).strokeColor('#999999').stroke();
    doc.font('body').fontSize(7.5).fillColor('#444444').text(footer, PAGE.left, y, { width: contentWidth * 0.8, lineBreak: true });
    doc.text(texts.t('documents:page', { page: index - start + 1, pages: count }), PAGE.left + contentWidth * 0.8, y, { width: contentWidth * 0.2, align: 'right' });
    doc.fillColor('#000000');
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
};
