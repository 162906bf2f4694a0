import { renderInvoicePdf, renderLetterPdf, renderStatementPdf, type StatementPdfInput } from '../src/index.ts';
import { pdfPages } from './support/pdf-text.ts';

const creditor = {
  name: 'Recoup Demo GmbH',
  addressLines: ['Musterstraße 1', '10115 Berlin'],
  bankName: 'Demo Bank',
  iban: 'DE89370400440532013000',
  bic: 'COBADEFFXXX',
};
const recipient = { name: 'Łukasz Żółć – Müller & Söhne', postalAddress: 'Hauptstraße 5\n80331 München' };
const eur = (amountMinor: string) => ({ amountMinor, currency: 'EUR' });

const statement = (openCount: number): StatementPdfInput => ({
  creditor,
  recipient,
  account: { ref: 'C-1042' },
  open: Array.from({ length: openCount }, (_, i) => ({
    number: `INV-${String(i + 1).padStart(4, '0')}`,
    issueDate: '2026-10-01',
    dueDate: '2026-10-31',
    amount: eur('123456'),
    open: eur('123456'),
    disputedMinor: i === 0 ? '20000' : '0',
  })),
  payments: [{ receivedAt: '2026-11-15T10:00:00.000Z', amount: eur('5000'), reference: 'C-1042 INV-0009' }],
  totals: openCount === 0 ? [] : [{ currency: 'EUR', openMinor: String(123456 * openCount), overdueMinor: String(123456 * openCount), payableMinor: String(123456 * openCount - 20000) }],
  asOf: '2026-12-04',
});

describe('account statement PDF', () => {
  it('prints open invoices, totals, payments and bank details in German, names in any Latin script as written', async () => {
    const { pages, info } = await pdfPages(await renderStatementPdf(statement(2), 'de-DE'));
    const text = pages.join(' ');
    expect(pages).toHaveLength(1);
    expect(text).toContain('Kontoauszug');
    expect(text).toContain('Łukasz Żółć – Müller & Söhne');
    expect(text).toContain('80331 München');
    expect(text).toContain('INV-0001');
    expect(text).toContain('31.10.2026');
    expect(text).toContain('1.234,56 €');
    expect(text).toContain('200,00 € beanstandet');
    expect(text).toContain('2.469,12 €');
    expect(text).toContain('2.269,12 €');
    expect(text).toContain('15.11.2026');
    expect(text).toContain('DE89 3704 0044 0532 0130 00');
    expect(text).toContain('C-1042');
    expect(text).toContain('Seite 1 von 1');
    expect(info.Title).toBe('Kontoauszug');
  });

  it('runs a long statement onto further pages, repeating the column heads and numbering every page', async () => {
    const { pages } = await pdfPages(await renderStatementPdf(statement(90), 'en'));
    expect(pages.length).toBeGreaterThan(2);
    const text = pages.join(' ');
    for (let i = 1; i <= 90; i += 1) expect(text).toContain(`INV-${String(i).padStart(4, '0')}`);
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page).toContain('IBAN DE89 3704 0044 0532 0130 00');
    });
    expect(pages.filter((page) => page.includes('Invoice Issued Due Amount Open')).length).toBeGreaterThanOrEqual(pages.length - 1);
  });

  it('says nothing is open and asks the debtor to ask for bank details the creditor has not configured', async () => {
    const { pages } = await pdfPages(await renderStatementPdf({ ...statement(0), creditor: { ...creditor, iban: null, bic: null, bankName: null } }, 'en'));
    expect(pages.join(' ')).toContain('Nothing is open on your account.');
    expect(pages.join(' ')).toContain('Please contact us for payment details.');
  });

  it('prints the same statement to the same bytes', async () => {
    const [a, b] = await Promise.all([renderStatementPdf(statement(3), 'en'), renderStatementPdf(statement(3), 'en')]);
    expect(a.equals(b)).toBe(true);
  });
});

describe('invoice PDF', () => {
  const invoice = { number: 'LM-2057', issueDate: '2026-09-01', dueDate: '2026-10-01', amount: eur('250000'), open: eur('123456'), disputedMinor: '0' };

  it('prints what was invoiced, what is paid and what is open, with the invoice number to quote', async () => {
    const { pages } = await pdfPages(await renderInvoicePdf({ creditor, recipient, account: { ref: 'C-1042' }, invoice, asOf: '2026-12-04' }, 'en-GB'));
    const text = pages.join(' ');
    expect(text).toContain('Invoice LM-2057');
    expect(text).toContain('€2,500.00');
    expect(text).toContain('€1,265.44');
    expect(text).toContain('€1,234.56');
    expect(text).toContain('quoting LM-2057 as the reference');
    expect(text).toContain('1 Oct 2026');
  });

  it('says a paid invoice is paid instead of asking for money', async () => {
    const { pages } = await pdfPages(await renderInvoicePdf({ creditor, recipient, account: { ref: 'C-1042' }, invoice: { ...invoice, open: eur('0') }, asOf: '2026-12-04' }, 'de'));
    const text = pages.join(' ');
    expect(text).toContain('vollständig bezahlt');
    expect(text).not.toContain('So zahlen Sie');
  });
});

describe('reminder letter PDF', () => {
  const letter = (locale: string) => {
    const { creditor: from, recipient: to, account, open, totals } = statement(2);
    return renderLetterPdf(
      {
        creditor: from,
        recipient: to,
        account,
        subject: 'Letzte Mahnung',
        body: 'Sehr geehrte Damen und Herren,\n\nbis heute ist kein Zahlungseingang zu verzeichnen.\nBitte zahlen Sie binnen 7 Tagen.\n\n\nMit freundlichen Grüßen',
        open,
        totals,
        asOf: '2026-12-04',
      },
      locale,
    );
  };

  it('sets the address in the window, the date, the customer number, the subject, the text, the open items and how to pay', async () => {
    const { pages, info } = await pdfPages(await letter('de-DE'));
    const text = pages.join(' ');
    expect(pages).toHaveLength(1);
    expect(text).toContain('Łukasz Żółć – Müller & Söhne');
    expect(text).toContain('80331 München');
    expect(text).toContain('04.12.2026');
    expect(text).toContain('C-1042');
    expect(text).toContain('Letzte Mahnung');
    expect(text).toContain('bis heute ist kein Zahlungseingang zu verzeichnen. Bitte zahlen Sie binnen 7 Tagen.');
    expect(text).toContain('Mit freundlichen Grüßen');
    expect(text).toContain('INV-0002');
    expect(text).toContain('2.269,12 €');
    expect(text).toContain('DE89 3704 0044 0532 0130 00');
    expect(info.Title).toBe('Letzte Mahnung');
  });

  it('prints the same letter to the same bytes', async () => {
    const [a, b] = await Promise.all([letter('en'), letter('en')]);
    expect(a.equals(b)).toBe(true);
  });
});
