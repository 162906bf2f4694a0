import { describe, expect, it } from '@jest/globals';
import { parseCamt } from '../src/index.ts';
import { refusalOf, statementFixture } from './statement-fixtures.ts';

const sample = statementFixture('statement.camt053.xml');

const refusal = refusalOf(parseCamt);

describe('camt.053 statements', () => {
  it('reads booked entries of two accounts in two currencies, splitting a batch into its transactions', () => {
    const statement = parseCamt(sample);
    expect(statement).toMatchObject({ format: 'camt.053', statementId: 'STMT-2026-11-20-001/EUR-20261120+USD-20261120', createdOn: '2026-11-20' });
    const [eur, usd] = statement.accounts;
    expect(eur?.accountNumber).toBe('DE89370400440532013000');
    // Four entries in the file: one single, one batch of two, one reversal, one pending (left out).
    expect(eur?.entries.map((e) => [e.bankRef, e.amountMinor, e.direction, e.returned])).toEqual([
      ['BANK-REF-0001', 30_000n, 'credit', false],
      ['BANK-REF-0002', 50_000n, 'credit', false],
      ['BANK-REF-0003', 8_050n, 'credit', false],
      ['BANK-REF-0004', 12_000n, 'debit', true],
    ]);
    expect(eur?.entries[0]).toMatchObject({
      customerRef: 'E2E-77',
      counterparty: 'Harbour & Pike Ltd',
      text: 'Invoice INV-2026-0042',
      typeCode: 'PMNT/RCDT/ESCT',
      valueDate: '2026-11-19',
    });
    expect(eur?.entries[1]).toMatchObject({ customerRef: 'RF18C1001', text: 'RF18C1001' });
    expect(usd?.entries).toEqual([
      expect.objectContaining({ currency: 'USD', amountMinor: 125_075n, counterparty: 'Cedar Street Bakery', text: 'INV-2026-0200 and 0201' }),
    ]);
  });

  it('reads a camt.054 notification with the same entry structure', () => {
    const notification = sample
      .replace('camt.053.001.08', 'camt.054.001.08')
      .replaceAll('BkToCstmrStmt', 'BkToCstmrDbtCdtNtfctn')
      .replaceAll('<Stmt>', '<Ntfctn>')
      .replaceAll('</Stmt>', '</Ntfctn>');
    const parsed = parseCamt(notification);
    expect(parsed.format).toBe('camt.054');
    expect(parsed.accounts.flatMap((a) => a.entries)).toHaveLength(5);
  });

  it('refuses an amount written with a comma, naming the element', () => {
    expect(refusal(sample.replace('<Amt Ccy="EUR">300.00</Amt>', '<Amt Ccy="EUR">300,00</Amt>'))).toMatch(
      /^Document\/BkToCstmrStmt\/Stmt\[1\]\/Ntry\[1\]\/Amt: "300,00" is not an amount in EUR/,
    );
  });

  it('refuses a batch whose transactions do not add up to the entry', () => {
    expect(refusal(sample.replace('<Amt Ccy="EUR">80.50</Amt>', '<Amt Ccy="EUR">80.00</Amt>'))).toBe(
      'Document/BkToCstmrStmt/Stmt[1]/Ntry[2]/NtryDtls: the transactions add up to 58000 minor units of EUR, but the entry is 58050.',
    );
  });

  it('refuses an unknown currency, a missing indicator and XML that is not well formed', () => {
    expect(refusal(sample.replace('<Amt Ccy="USD">', '<Amt Ccy="USX">'))).toContain('Stmt[2]/Ntry[1]/Amt: the currency "USX" is not an ISO 4217 code.');
    expect(refusal(sample.replace('<CdtDbtInd>DBIT</CdtDbtInd>', '<CdtDbtInd>DEBIT</CdtDbtInd>'))).toBe(
      'Document/BkToCstmrStmt/Stmt[1]/Ntry[3]/CdtDbtInd: "DEBIT" is neither CRDT nor DBIT.',
    );
    expect(refusal(sample.replace('</GrpHdr>', ''))).toMatch(/^line \d+, column \d+: the XML is not well formed/);
  });
});
