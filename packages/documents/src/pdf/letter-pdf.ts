import { translatorFor } from '../i18n.ts';
import { bankDetails, finishDocument, paragraph, startDocument, type PdfCreditor, type PdfRecipient } from './pdf-document.ts';
import { openItems, type OpenTotal, type StatementOpenInvoice } from './statement-pdf.ts';

// A reminder as a posted letter: the creditor's letterhead, the debtor's address in the envelope window, date and
// customer number, the template's subject and text, the open items and how to pay.

export interface LetterPdfInput {
  creditor: PdfCreditor;
  recipient: PdfRecipient;
  account: { ref: string };
  /** The rendered template: its subject is the letter's subject line, its text the letter. */
  subject: string;
  body: string;
  open: readonly StatementOpenInvoice[];
  totals: readonly OpenTotal[];
  /** The letter's date ("YYYY-MM-DD"). */
  asOf: string;
}

export const renderLetterPdf = (input: LetterPdfInput, locale: string): Promise<Buffer> => {
  const texts = translatorFor(locale);
  const doc = startDocument({ creditor: input.creditor, recipient: input.recipient, title: input.subject, accountRef: input.account.ref, asOf: input.asOf }, texts);
  // The text's paragraphs as written; lines within one stay together.
  for (const block of input.body.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const text = block.trim();
    if (text !== '') paragraph(doc, text);
  }
  openItems(doc, input.open, input.totals, texts);
  bankDetails(doc, input.creditor, input.account.ref, texts);
  return finishDocument(doc, input.creditor, texts);
};
