import { describe, expect, it } from '@jest/globals';
import { parseMt940 } from '../src/index.ts';
import { refusalOf, statementFixture } from './statement-fixtures.ts';

const sample = statementFixture('two-statements.mt940');

const refusal = refusalOf(parseMt940);

describe('MT940 statements', () => {
  it('reads two statements in two currencies with their lines, details and a reversed credit', () => {
    const statement = parseMt940(sample);
    expect(statement).toMatchObject({ format: 'mt940', statementId: 'STMT-0042/42/1+STMT-0043/7/1', createdOn: '2026-11-20' });
    const [eur, usd] = statement.accounts;
    expect(eur?.entries.map((e) => [e.bankRef, e.direction, e.amountMinor, e.returned])).toEqual([
      ['BANK-0001', 'credit', 30_000n, false],
      ['BANK-0002', 'credit', 8_050n, false],
      ['BANK-0003', 'debit', 12_000n, true],
    ]);
    expect(eur?.entries[0]).toMatchObject({
      customerRef: 'C-1001',
      valueDate: '2026-11-19',
      typeCode: 'NTRF',
      text: 'Transfer Harbour Invoice INV-2026-0042 Harbour & Pike Ltd',
    });
    expect(eur?.entries[1]?.customerRef).toBeNull();
    expect(usd).toMatchObject({ accountNumber: 'US-ACCT-55', currency: 'USD' });
    expect(usd?.entries[0]).toMatchObject({ amountMinor: 125_075n, currency: 'USD', text: 'INV-2026-0200' });
  });

  it('keeps every line of a statement whose balances do not add up, and reports the difference', () => {
    const statement = parseMt940(sample.replace(':62F:C261120EUR1260,50', ':62F:C261120EUR1260,00'));
    const eur = statement.accounts[0];
    expect(eur?.entries).toHaveLength(3);
    expect(eur?.imbalances).toEqual([
      {
        where: 'line 14 (:62F:)',
        message: 'the opening balance 100000 and the entries (26050) come to 126050 minor units of EUR, but the closing balance is 126000.',
        differenceMinor: -50n,
      },
    ]);
    expect(statement.accounts[1]?.imbalances).toEqual([]);
  });

  it('refuses an amount with a decimal point, a date off the calendar and a line without its mark', () => {
    expect(refusal(sample.replace('CR80,50NTRF', 'CR80.50NTRF'))).toContain('line 10 (:61:): "261119CR80.50NTRFNONREF//BANK-0002" is not a statement line');
    expect(refusal(sample.replace(':60F:C261119EUR', ':60F:C261131EUR'))).toBe('line 5 (:60F:): the balance date "261131" is not a calendar date.');
    expect(refusal(sample.replace(':61:261120C1250,75', ':61:2611201250,75'))).toContain('line 21 (:61:)');
  });

  it('keeps information before the first line as the statement\'s own, and refuses a statement without an account', () => {
    expect(parseMt940(sample.replace(':28C:7/1', ':86:stray')).accounts[1]?.information).toBe('stray');
    expect(refusal(sample.replace(':25:US-ACCT-55\n', ''))).toBe('line 17 (:20:): the statement has no :25: account.');
  });
});
