import { formatDate, formatMoney } from '../format.ts';
import { translatorFor, type Translator } from '../i18n.ts';
import { bankDetails, finishDocument, heading, paragraph, startDocument, table, type Pdf, type PdfCreditor, type PdfRecipient } from './pdf-document.ts';

// The account statement a debtor downloads from the portal: what is open, what has come in, and how to pay.

export interface DocumentMoney {
  amountMinor: string;
  currency: string;
}

export interface StatementOpenInvoice {
  number: string;
  issueDate: string;
  dueDate: string;
  amount: DocumentMoney;
  open: DocumentMoney;
  /** Minor units of the open amount under an open dispute. */
  disputedMinor: string;
}

export interface StatementPayment {
  receivedAt: string;
  amount: DocumentMoney;
  reference: string;
}

export interface OpenTotal {
  currency: string;
  openMinor: string;
  overdueMinor: string;
  payableMinor: string;
}

export interface StatementPdfInput {
  creditor: PdfCreditor;
  recipient: PdfRecipient;
  account: { ref: string };
  open: readonly StatementOpenInvoice[];
  payments: readonly StatementPayment[];
  totals: readonly OpenTotal[];
  asOf: string;
}

export const renderStatementPdf = (input: StatementPdfInput, locale: string): Promise<Buffer> => {
  const texts = translatorFor(locale);
  const money = (amountMinor: string, currency: string) => formatMoney({ amountMinor, currency }, texts.locale);
  const date = (day: string) => formatDate(day, texts.locale);
  const doc = startDocument({ creditor: input.creditor, recipient: input.recipient, title: texts.t('documents:statement.title'), accountRef: input.account.ref, asOf: input.asOf }, texts);
  paragraph(doc, texts.t('documents:statement.intro', { date: date(input.asOf) }));

  openItems(doc, input.open, input.totals, texts);

  heading(doc, texts.t('documents:statement.payments'));
  if (input.payments.length === 0) {
    paragraph(doc, texts.t('documents:statement.noPayments'));
  } else {
    table(
      doc,
      [
        { title: texts.t('documents:columns.received'), share: 0.2 },
        { title: texts.t('documents:columns.reference'), share: 0.55 },
        { title: texts.t('documents:columns.amount'), share: 0.25, align: 'right' },
      ],
      input.payments.map((payment) => [date(payment.receivedAt), payment.reference, money(payment.amount.amountMinor, payment.amount.currency)]),
    );
  }

  bankDetails(doc, input.creditor, input.account.ref, texts);
  return finishDocument(doc, input.creditor, texts);
};

/** The table of open invoices with their totals per currency, or a line saying nothing is open. */
export const openItems = (doc: Pdf, open: readonly StatementOpenInvoice[], totals: readonly OpenTotal[], texts: Translator): void => {
  const money = (amountMinor: string, currency: string) => formatMoney({ amountMinor, currency }, texts.locale);
  const date = (day: string) => formatDate(day, texts.locale);
  heading(doc, texts.t('documents:statement.open'));
  if (open.length === 0) {
    paragraph(doc, texts.t('documents:statement.noOpen'));
    return;
  }
  const rows = open.map((invoice) => [
    invoice.number,
    date(invoice.issueDate),
    date(invoice.dueDate),
    money(invoice.amount.amountMinor, invoice.amount.currency),
    BigInt(invoice.disputedMinor) > 0n
      ? `${money(invoice.open.amountMinor, invoice.open.currency)}\n${texts.t('documents:statement.disputed', { amount: money(invoice.disputedMinor, invoice.open.currency) })}`
      : money(invoice.open.amountMinor, invoice.open.currency),
  ]);
  const totalRows = totals.flatMap((total) => [
    [texts.t('documents:statement.total'), '', '', '', money(total.openMinor, total.currency)],
    ...(total.overdueMinor !== '0' ? [[texts.t('documents:statement.overdue'), '', '', '', money(total.overdueMinor, total.currency)]] : []),
    [texts.t('documents:statement.payable'), '', '', '', money(total.payableMinor, total.currency)],
  ]);
  table(
    doc,
    [
      { title: texts.t('documents:columns.number'), share: 0.24 },
      { title: texts.t('documents:columns.issued'), share: 0.16 },
      { title: texts.t('documents:columns.due'), share: 0.16 },
      { title: texts.t('documents:columns.amount'), share: 0.2, align: 'right' },
      { title: texts.t('documents:columns.open'), share: 0.24, align: 'right' },
    ],
    [...rows, ...totalRows],
    { boldLast: true },
  );
};
