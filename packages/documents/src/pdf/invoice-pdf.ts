import { formatDate, formatMoney } from '../format.ts';
import { translatorFor } from '../i18n.ts';
import { bankDetails, contentWidth, finishDocument, paragraph, PAGE, startDocument, type PdfCreditor, type PdfRecipient } from './pdf-document.ts';
import type { StatementOpenInvoice } from './statement-pdf.ts';

// A copy of one invoice as it stands today: what it was for, what is paid and what is still open. Recoup holds an
// invoice's header as the ERP sent it, not its lines, so the copy says what the debtor needs to pay it.

export interface InvoicePdfInput {
  creditor: PdfCreditor;
  recipient: PdfRecipient;
  account: { ref: string };
  /** Its `open` amount is zero when it is paid. */
  invoice: StatementOpenInvoice;
  asOf: string;
}

export const renderInvoicePdf = (input: InvoicePdfInput, locale: string): Promise<Buffer> => {
  const texts = translatorFor(locale);
  const { invoice } = input;
  const money = (amountMinor: string | bigint) => formatMoney({ amountMinor, currency: invoice.amount.currency }, texts.locale);
  const doc = startDocument(
    { creditor: input.creditor, recipient: input.recipient, title: texts.t('documents:invoice.title', { number: invoice.number }), accountRef: input.account.ref, asOf: input.asOf },
    texts,
  );
  paragraph(doc, texts.t('documents:invoice.copy', { date: formatDate(input.asOf, texts.locale) }));
  doc.moveDown(0.8);

  const paidMinor = BigInt(invoice.amount.amountMinor) - BigInt(invoice.open.amountMinor);
  const lines: [string, string, boolean][] = [
    [texts.t('documents:invoice.issued'), formatDate(invoice.issueDate, texts.locale), false],
    [texts.t('documents:invoice.due'), formatDate(invoice.dueDate, texts.locale), false],
    [texts.t('documents:invoice.amount'), money(invoice.amount.amountMinor), false],
    ...(paidMinor > 0n ? [[texts.t('documents:invoice.paid'), money(paidMinor), false] as [string, string, boolean]] : []),
    [texts.t('documents:invoice.open'), money(invoice.open.amountMinor), true],
  ];
  const labelWidth = contentWidth * 0.5;
  for (const [label, value, bold] of lines) {
    const y = doc.y;
    doc.font(bold ? 'bold' : 'body').fontSize(11).text(label, PAGE.left, y, { width: labelWidth });
    doc.text(value, PAGE.left + labelWidth, y, { width: contentWidth - labelWidth, align: 'right' });
    doc.moveDown(0.2);
  }
  doc.font('body').fontSize(10).moveDown(0.6);

  if (invoice.open.amountMinor === '0') {
    paragraph(doc, texts.t('documents:invoice.settled'));
  } else {
    if (BigInt(invoice.disputedMinor) > 0n) paragraph(doc, texts.t('documents:invoice.disputed', { amount: money(invoice.disputedMinor) }));
    bankDetails(doc, input.creditor, invoice.number, texts);
  }
  return finishDocument(doc, input.creditor, texts);
};
