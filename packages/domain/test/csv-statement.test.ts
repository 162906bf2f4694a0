import { describe, expect, it } from '@jest/globals';
import { StatementParseError, parseCsvStatement, type CsvStatementMapping } from '../src/index.ts';

// A German bank's export: semicolons, day-first dates, decimal commas, thousands dots, a debit/credit column.
const german = [
  'Buchungstag;Betrag;Waehrung;S/H;Referenz;Verwendungszweck;Auftraggeber',
  '19.11.2026;1.250,75;EUR;H;BANK-0001;INV-2026-0042;Harbour & Pike Ltd',
  '19.11.2026;80,50;EUR;H;;C-2002 Teilzahlung;Nordlicht GmbH',
  '20.11.2026;120,00;EUR;S;BANK-0003;Ruecklastschrift;',
].join('\n');

const mapping: CsvStatementMapping = {
  delimiter: ';',
  hasHeader: true,
  columns: {
    valueDate: 'Buchungstag',
    amount: 'Betrag',
    currency: 'Waehrung',
    direction: 'S/H',
    bankRef: 'Referenz',
    text: ['Verwendungszweck'],
    counterparty: 'Auftraggeber',
  },
  debitValues: ['S'],
  dateFormat: 'DD.MM.YYYY',
  decimalSeparator: ',',
  thousandsSeparator: '.',
  accountNumber: 'DE89370400440532013000',
};

const refusal = (text: string, with_: CsvStatementMapping = mapping): string => {
  try {
    parseCsvStatement(text, with_, 'sha256:abc');
  } catch (error) {
    if (error instanceof StatementParseError) return error.message;
    throw error;
  }
  throw new Error('the file was accepted');
};

describe('CSV bank exports read with a saved mapping', () => {
  it('reads dates, amounts, directions and texts the way the mapping says', () => {
    const statement = parseCsvStatement(german, mapping, 'sha256:abc');
    expect(statement).toMatchObject({ format: 'csv', statementId: 'sha256:abc', createdOn: '2026-11-20' });
    expect(statement.accounts[0]?.entries.map((e) => [e.bankRef, e.direction, e.amountMinor, e.valueDate, e.text, e.counterparty])).toEqual([
      ['BANK-0001', 'credit', 125_075n, '2026-11-19', 'INV-2026-0042', 'Harbour & Pike Ltd'],
      // No bank reference in the row: the file's id and the line make one, stable across re-imports of the file.
      [null, 'credit', 8_050n, '2026-11-19', 'C-2002 Teilzahlung', 'Nordlicht GmbH'],
      ['BANK-0003', 'debit', 12_000n, '2026-11-20', 'Ruecklastschrift', null],
    ]);
  });

  it('takes a negative amount as a debit when there is no direction column, and columns by number without a header', () => {
    const plain = '2026-11-19,-12.00,Refund\n2026-11-19,300.00,INV-2026-0042';
    const statement = parseCsvStatement(
      plain,
      { hasHeader: false, columns: { valueDate: '1', amount: '2', text: ['3'] }, currency: 'USD', dateFormat: 'YYYY-MM-DD', decimalSeparator: '.', accountNumber: 'US-1' },
      'sha256:def',
    );
    expect(statement.accounts[0]?.entries.map((e) => [e.direction, e.amountMinor, e.currency])).toEqual([
      ['debit', 1_200n, 'USD'],
      ['credit', 30_000n, 'USD'],
    ]);
  });

  it('refuses a row with a bad date or amount, naming its line and column', () => {
    expect(refusal(german.replace('19.11.2026;80,50', '31.11.2026;80,50'))).toBe('line 3, column "Buchungstag": "31.11.2026" is not a date in DD.MM.YYYY form.');
    expect(refusal(german.replace(';80,50;', ';80,5x;'))).toMatch(/^line 3, column "Betrag": "80,5x" is not an amount in EUR/);
    expect(refusal(german.replace(';EUR;S;', ';EURO;S;'))).toBe('line 4, column "Waehrung": "EURO" is not an ISO 4217 currency code.');
  });

  it('refuses a mapping that names a column the file does not have', () => {
    expect(refusal(german, { ...mapping, columns: { ...mapping.columns, amount: 'Amount' } })).toBe('line 1: the amount column "Amount" is not in the file.');
  });
});
