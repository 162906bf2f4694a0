import { describe, expect, it } from '@jest/globals';
import { parseBai2 } from '../src/index.ts';
import { refusalOf, statementFixture } from './statement-fixtures.ts';

const sample = statementFixture('two-accounts.bai2');

/** The sample with one line replaced, to see each problem named. */
const withLine = (lineNumber: number, replacement: string) =>
  sample
    .split('\n')
    .map((line, i) => (i === lineNumber - 1 ? replacement : line))
    .join('\n');

const refusal = refusalOf(parseBai2);

describe('BAI2 statements', () => {
  it('reads two accounts in two currencies, with continuation text, a value date and a returned item', () => {
    const statement = parseBai2(sample);
    expect(statement).toMatchObject({ format: 'bai2', statementId: 'RECOUPBANK/STMT0042/2026-11-20', createdOn: '2026-11-20' });
    expect(statement.accounts.map((a) => [a.accountNumber, a.currency, a.entries.length])).toEqual([
      ['1234567890', 'USD', 3],
      ['9988776655', 'CAD', 1],
    ]);
    const [first, wire, returned] = statement.accounts[0]?.entries ?? [];
    expect(first).toEqual({
      bankRef: 'BNK-0001',
      customerRef: 'C-1001',
      direction: 'credit',
      amountMinor: 150_000n,
      currency: 'USD',
      valueDate: '2026-11-19',
      text: 'INV-2026-0041 and INV-2026-0042 thank you',
      counterparty: null,
      typeCode: '165',
      returned: false,
      source: 'line 4',
    });
    expect(wire).toMatchObject({ valueDate: '2026-11-18', customerRef: null, text: 'WIRE FROM HARBOUR & PIKE, LTD' });
    expect(returned).toMatchObject({ direction: 'debit', returned: true, amountMinor: 12_000n });
    expect(statement.accounts[1]?.entries[0]).toMatchObject({ bankRef: 'BNK-0004', currency: 'CAD', amountMinor: 7_500n, text: '' });
  });

  it('reads an account whose control total does not add up whole, and reports the difference on its line', () => {
    const statement = parseBai2(withLine(8, '49,687001,6/'));
    expect(statement.accounts[0]?.entries).toHaveLength(3);
    expect(statement.accounts[0]?.imbalances).toEqual([
      { where: 'line 8 (49 record)', message: "the account control total is 687001, but the account's amounts add up to 687000.", differenceMinor: 1n },
    ]);
  });

  it('reports a wrong record count in the file trailer without losing a transaction', () => {
    const statement = parseBai2(withLine(13, '99,694500,1,12/'));
    expect(statement.accounts.flatMap((a) => a.entries)).toHaveLength(4);
    expect(statement.accounts.at(-1)?.imbalances).toEqual([{ where: 'line 13 (99 record)', message: 'the file has 13 records, not 12.', differenceMinor: null }]);
  });

  it('refuses an amount with a decimal point, naming the field', () => {
    expect(refusal(withLine(6, '16,399,250.00,V,261118,1200,BNK-0002,,WIRE'))).toBe(
      'line 6 (16 record), field amount: "250.00" is not a whole number of minor units without a sign.',
    );
  });

  it('refuses a date that is not on the calendar', () => {
    expect(refusal(withLine(2, '02,RECOUPCO,RECOUPBANK,1,261131,2400,USD,2/'))).toBe(
      'line 2 (02 record), field as-of date: "261131" is not a calendar date.',
    );
  });

  it('refuses an unknown funds type, and reads a transaction without its (optional) bank reference', () => {
    expect(refusal(withLine(10, '16,165,7500,Q,BNK-0004,C-3003,/'))).toBe('line 10 (16 record), field funds type: "Q" is not a funds type (0, 1, 2, S, V, D or Z).');
    expect(parseBai2(withLine(10, '16,165,7500,0,,C-3003,/')).accounts[1]?.entries[0]).toMatchObject({ bankRef: null, customerRef: 'C-3003', amountMinor: 7_500n });
  });

  it('refuses a file cut off before its trailer', () => {
    expect(refusal(sample.split('\n').slice(0, 9).join('\n'))).toBe('after line 9: account 9988776655 ends without a 49 account trailer.');
  });

  it('refuses a record where another is expected, and an unknown currency', () => {
    expect(refusal(withLine(5, '17,INV'))).toBe('line 5 (17 record): a 16 transaction detail or the 49 account trailer was expected here.');
    expect(refusal(withLine(9, '03,9988776655,XXY,010,0,,/'))).toBe('line 9 (03 record), field currency code: "XXY" is not an ISO 4217 currency code.');
  });
});
