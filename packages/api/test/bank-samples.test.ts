import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StatementLine } from '@recoup/db';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';

// Every real bank file of test/fixtures/bank-samples (see its SOURCES.md) goes through the HTTP import into
// PostgreSQL on its own (the statements tables are emptied before each), with the format left for the server to
// tell; then the pairs SOURCES.md names are imported one after the other. Each line below is a transaction as the
// file holds it: direction, amount in minor units, currency, value date, and whether it is a return.

const DIR = join(process.cwd(), 'test', 'fixtures', 'bank-samples');

interface Expected {
  file: string;
  outcome?: 'accepted' | 'unbalanced';
  entries?: string[];
  /** The start of the refusal's reason, naming the line or element. */
  refused?: string;
}

const EXPECTED: Expected[] = [
  { file: 'genkgo_camt053.v2.five.decimals.xml', outcome: 'unbalanced', entries: ['C 885 EUR 2015-01-02'] },
  { file: 'genkgo_camt053.v2.minimal.xml', outcome: 'accepted', entries: ['C 885 EUR 2015-01-02'] },
  { file: 'genkgo_camt053.v2.multi.statement.xml', outcome: 'accepted', entries: ['C 885 EUR 2015-01-02', 'D 700 EUR 2015-01-02'] },
  { file: 'genkgo_camt053.v3.xml', outcome: 'accepted', entries: ['C 885 EUR 2015-01-02'] },
  { file: 'genkgo_camt053.v4.xml', outcome: 'accepted', entries: ['C 885 EUR 2015-01-02'] },
  { file: 'genkgo_camt053.v8.xml', outcome: 'accepted', entries: ['C 885 EUR 2015-01-02'] },
  { file: 'genkgo_camt054.v2.xml', outcome: 'accepted', entries: ['D 20000000 SEK 2007-10-18', 'D 20000000 SEK 2007-10-18', 'D 20000000 SEK 2007-10-18'] },
  { file: 'genkgo_camt054.v4.xml', refused: 'Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[1]/NtryDtls' },
  { file: 'genkgo_camt054.v8.xml', refused: 'Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[1]/NtryDtls' },
  { file: 'genkgo_camt53.only-Dt-with-DtTm.xml', outcome: 'accepted', entries: [] },
  { file: 'jejik_abnamro.sta', outcome: 'unbalanced', entries: ['D 900 EUR 2011-05-24', 'D 1159 EUR 2011-05-21', 'D 1163 EUR 2011-05-23', 'D 1180 EUR 2011-05-22', 'D 1345 EUR 2011-05-21', 'D 1549 EUR 2011-05-21', 'D 10700 EUR 2011-05-21', 'D 14148 EUR 2011-05-22', 'D 949 EUR 2011-05-24', 'D 1500 EUR 2011-05-24'] },
  { file: 'jejik_commerzbank.sta', outcome: 'unbalanced', entries: ['D 1235 EUR 2020-06-08 returned'] },
  { file: 'jejik_deutschebank.sta', outcome: 'unbalanced', entries: ['D 1235 EUR 2020-06-08 returned'] },
  { file: 'jejik_ing-dos.sta', outcome: 'unbalanced', entries: ['D 2503 EUR 2010-07-22', 'D 303 EUR 2010-07-22', 'D 111 EUR 2010-07-22', 'D 2000 EUR 2010-07-22', 'D 110 EUR 2010-07-22', 'C 368 EUR 2010-07-22', 'C 100 EUR 2010-07-23'] },
  { file: 'jejik_knab.sta', outcome: 'unbalanced', entries: ['C 50000 EUR 2014-05-07', 'D 726000 EUR 2014-07-29', 'C 50000 EUR 2014-07-29'] },
  { file: 'jejik_lbbw.sta', outcome: 'accepted', entries: ['D 1 EUR 2021-02-08', 'C 1 EUR 2021-02-08'] },
  { file: 'jejik_oldenburgischelandesbank.sta', outcome: 'unbalanced', entries: ['C 10450 EUR 2018-07-16'] },
  { file: 'jejik_postfinance.sta', outcome: 'unbalanced', entries: ['C 7970 CHF 2013-12-09', 'C 14950 CHF 2013-12-09', 'D 7990 CHF 2013-12-16', 'C 1010 CHF 2013-12-18'] },
  { file: 'jejik_rabobank.sta', outcome: 'unbalanced', entries: ['D 121328 EUR 2011-05-27', 'D 4495 EUR 2011-06-17', 'D 23656 EUR 2011-07-21', 'D 8810 EUR 2012-08-29', 'D 620 EUR 2012-08-29'] },
  { file: 'jejik_sns.sta', outcome: 'accepted', entries: ['D 2000 EUR 2012-06-07', 'D 500 EUR 2012-06-08'] },
  { file: 'jejik_sparkasse.sta', outcome: 'accepted', entries: ['D 2000 EUR 2019-02-18', 'D 2000 EUR 2019-02-19'] },
  { file: 'jejik_sparkasse_interim_balance.sta', outcome: 'accepted', entries: ['D 2000 EUR 2019-02-18', 'D 2000 EUR 2019-02-19'] },
  { file: 'jejik_triodos.sta', outcome: 'unbalanced', entries: ['D 1570 EUR 2011-01-01', 'D 70000 EUR 2011-01-25'] },
  { file: 'jejik_volksbankenraiffeisenbanken.sta', outcome: 'accepted', entries: ['C 6500 EUR 2020-02-19', 'C 8000 EUR 2020-02-19', 'C 8000 EUR 2020-02-21', 'C 5500 EUR 2020-02-24', 'C 6500 EUR 2020-02-24', 'C 8000 EUR 2020-02-25', 'C 5500 EUR 2020-02-25', 'C 5500 EUR 2020-02-25', 'C 6500 EUR 2020-02-26', 'C 5000 EUR 2020-02-28', 'C 4000 EUR 2020-03-02', 'C 5500 EUR 2020-03-10'] },
  { file: 'moj_account_trailer_amount_blank_example.bai2', refused: 'line 4 (49 record), field account control total' },
  { file: 'moj_citi_example.bai2', outcome: 'accepted', entries: ['C 1 GBP 2015-07-15'] },
  { file: 'moj_nwb_example.bai2', outcome: 'accepted', entries: ['D 971 GBP 2009-12-16', 'D 100 GBP 2009-12-16', 'D 123 GBP 2009-12-16', 'D 1571 GBP 2009-12-16', 'C 89 GBP 2009-12-16'] },
  { file: 'moj_svb_us_example.bai2', outcome: 'accepted', entries: ['C 490196 USD 2022-02-01', 'C 905800 USD 2022-02-02'] },
  { file: 'oca_ing.sta', outcome: 'accepted', entries: ['C 156 EUR 2014-02-20', 'D 157 EUR 2014-02-20', 'C 157 EUR 2014-02-20 returned', 'D 114 EUR 2014-02-20', 'C 145 EUR 2014-02-20', 'D 1275 EUR 2014-02-20 returned', 'C 3200 EUR 2014-02-20', 'D 11900 EUR 2014-02-20'] },
  { file: 'oca_mollie.sta', outcome: 'accepted', entries: ['C 2993 EUR 2016-08-31', 'C 4293 EUR 2016-08-31', 'C 27475 EUR 2016-08-31', 'C 5993 EUR 2016-08-31', 'C 5693 EUR 2016-08-31', 'C 4094 EUR 2016-08-31', 'C 2094 EUR 2016-08-31', 'C 1994 EUR 2016-08-31', 'C 3694 EUR 2016-08-31', 'C 6894 EUR 2016-08-31', 'C 1200 EUR 2016-08-31', 'C 6894 EUR 2016-08-31', 'C 6894 EUR 2016-08-31', 'C 5794 EUR 2016-08-31', 'C 3394 EUR 2016-08-31', 'C 3294 EUR 2016-08-31', 'C 6894 EUR 2016-08-31', 'C 2094 EUR 2016-08-31', 'C 3989 EUR 2016-08-31', 'D 239221 EUR 2016-08-31', 'D 1469 EUR 2016-08-31'] },
  { file: 'oca_rabo.sta', outcome: 'accepted', entries: ['C 40000 EUR 2014-01-02', 'D 3461 EUR 2014-01-01'] },
  { file: 'oca_test-camt053-txdtls.xml', outcome: 'accepted', entries: ['C 218700 CHF 2017-03-23', 'C 129600 CHF 2017-03-23'] },
  { file: 'oca_test-camt053.xml', outcome: 'unbalanced', entries: ['D 75425 EUR 2014-01-05', 'D 56405 EUR 2014-01-05 returned', 'D 10000 EUR 2014-01-05 returned', 'C 140531 EUR 2014-01-05'] },
  { file: 'oca_test-camt054.xml', outcome: 'accepted', entries: ['C 500 EUR 2022-01-26'] },
];

describe('real bank statement files', () => {
  let h: Harness;
  let manager: LoggedIn;

  beforeAll(async () => {
    h = await createHarness();
    manager = await h.login('manager');
  });
  afterAll(async () => {
    await h?.close();
  });

  const post = (who: LoggedIn, file: string) =>
    who.agent.post(`/api/bank-statements?filename=${file}`).set('x-csrf-token', who.csrf).set('content-type', 'application/octet-stream').send(readFileSync(join(DIR, file)));
  const storedLines = () => h.db.orm.em.fork().count(StatementLine, {});
  const emptyStatements = () =>
    h.db.orm.em.fork().execute('truncate statement_line, bank_statement_section, bank_statement cascade');

  it('has an expectation for every file of the corpus', () => {
    const files = readdirSync(DIR).filter((f) => !f.endsWith('.md')).sort();
    expect(EXPECTED.map((e) => e.file)).toEqual(files);
  });

  for (const expected of EXPECTED) {
    const what = expected.refused ? 'refuses' : expected.outcome === 'unbalanced' ? 'keeps every transaction of, and holds as unbalanced,' : 'reads';
    it(`${what} ${expected.file}, and a second import of it changes nothing`, async () => {
      await emptyStatements();
      const before = await storedLines();
      const response = await post(manager, expected.file);
      if (expected.refused) {
        expect(response.status).toBe(422);
        expect(response.body.error.code).toBe('statement-invalid');
        expect(response.body.error.message).toContain(expected.refused);
        expect(await storedLines()).toBe(before);
        return;
      }
      expect(response.status).toBe(201);
      const entries = expected.entries ?? [];
      expect(response.body).toMatchObject({ duplicate: false, lines: entries.length, newLines: entries.length, alreadySeenLines: [] });
      expect(response.body.status).toBe(expected.outcome === 'unbalanced' ? 'unbalanced' : 'received');
      expect(response.body.imbalances.length > 0).toBe(expected.outcome === 'unbalanced');
      const lines = await manager.agent.get(`/api/bank-statements/${response.body.id}/lines`);
      const stored = (lines.body as { direction: string; amount: { amountMinor: string; currency: string }; valueDate: string; returned: boolean }[]).map(
        (l) => `${l.direction === 'credit' ? 'C' : 'D'} ${l.amount.amountMinor} ${l.amount.currency} ${l.valueDate}${l.returned ? ' returned' : ''}`,
      );
      expect(stored).toEqual(entries);
      const afterFirst = await storedLines();
      expect(afterFirst - before).toBe(response.body.newLines);

      const again = await post(manager, expected.file);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ duplicate: true, newLines: 0 });
      expect(await storedLines()).toBe(afterFirst);
    });
  }

  it.each([
    ['genkgo_camt053.v3.xml', 'genkgo_camt053.v4.xml'],
    ['genkgo_camt053.v3.xml', 'genkgo_camt053.v8.xml'],
  ])('takes %s and then %s, the same statement in a newer schema version, as imported already', async (first, second) => {
    await emptyStatements();
    expect((await post(manager, first)).status).toBe(201);
    const again = await post(manager, second);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicate: true, newLines: 0, lines: 1 });
    expect(again.body.alreadySeenLines).toEqual([expect.objectContaining({ source: 'Document/BkToCstmrStmt/Stmt[1]/Ntry[1]' })]);
    expect(await storedLines()).toBe(1);
  });

  it('finds nothing new in the Sparkasse interim-balance file after the Sparkasse file, and lists each line it matched', async () => {
    await emptyStatements();
    const first = await post(manager, 'jejik_sparkasse.sta');
    const interim = await post(manager, 'jejik_sparkasse_interim_balance.sta');
    expect(interim.status).toBe(201);
    expect(interim.body).toMatchObject({ duplicate: false, lines: 2, newLines: 0, alreadySeen: 2 });
    const earlier = await manager.agent.get(`/api/bank-statements/${first.body.id}/lines`);
    expect(interim.body.alreadySeenLines.map((s: { matchedLineId: string }) => s.matchedLineId)).toEqual(earlier.body.map((l: { id: string }) => l.id));
    expect(await storedLines()).toBe(2);
  });
});
