import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Account, Invoice, Payment, StatementLine, reconcileBatch, storeStatement, type IAccount } from '@recoup/db';
import { createTestDatabase, insertTestAccount, insertTestInvoice, type TestDatabase } from '@recoup/db/testing';
import { normaliseName, type ParsedStatement } from '@recoup/domain';

// A batch matches its lines in memory and writes what they make with one statement per table: these tests hold it
// to what one payment at a time did, for promises (first in, first out, across the batch's own payments) and for a
// batch run twice at once.

let db: TestDatabase;
let statements = 0;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db.drop();
});

const em = (): EntityManager => db.orm.em.fork();
const NOW = new Date('2026-11-20T12:00:00Z');

async function statementOf(lines: { text: string; amountMinor: bigint; valueDate?: string; payer?: string }[]): Promise<string> {
  statements += 1;
  const parsed: ParsedStatement = {
    format: 'camt.053',
    statementId: `STMT-BATCH-${statements}`,
    createdOn: '2026-11-20',
    accounts: [
      {
        accountNumber: 'DE89370400440532013000',
        currency: 'EUR',
        entries: lines.map((l, i) => ({
          bankRef: `B${statements}-${i}`,
          customerRef: null,
          direction: 'credit' as const,
          amountMinor: l.amountMinor,
          currency: 'EUR',
          valueDate: l.valueDate ?? '2026-11-20',
          text: l.text,
          counterparty: l.payer ?? null,
          typeCode: 'PMNT',
          returned: false,
          source: `line ${i + 1}`,
        })),
      },
    ],
  };
  const stored = await storeStatement(em(), parsed, { raw: Buffer.from(`batch ${statements}`), filename: `batch-${statements}.json`, userId: null });
  return stored.statement.id;
}

async function promise(account: IAccount, amountMinor: bigint, dueDate: string, until: string): Promise<string> {
  const [row] = await em().execute<{ id: string }[]>(
    `insert into promise (account_id, amount_minor, currency, due_date, until, source) values (?, ?, 'EUR', ?, ?, 'api') returning id`,
    [account.id, amountMinor.toString(), dueDate, until],
  );
  if (!row) throw new Error('no promise');
  return row.id;
}

const promiseRow = async (id: string) =>
  (await em().execute<{ paid_minor: string; status: string }[]>(`select paid_minor::text, status from promise where id = ?`, [id]))[0];

describe('a reconciliation batch', () => {
  it("matches its payments to an account's promises oldest first, each payment taking what the one before left", async () => {
    const account = await insertTestAccount(em(), { prefix: 'PRM' });
    const first = await insertTestInvoice(em(), account, 10_000n, { dueDate: '2026-10-01' });
    const second = await insertTestInvoice(em(), account, 10_000n, { dueDate: '2026-10-15' });
    const older = await promise(account, 6_000n, '2026-11-01', '2026-12-31T00:00:00Z');
    const newer = await promise(account, 6_000n, '2026-11-10', '2026-12-31T00:00:00Z');
    // Its deadline passed before the money came: a payment does not count towards it.
    const lapsed = await promise(account, 1_000n, '2026-10-01', '2026-10-05T00:00:00Z');
    const statementId = await statementOf([
      { text: `Invoice ${first.number}`, amountMinor: 10_000n },
      { text: `Invoice ${second.number}`, amountMinor: 10_000n },
    ]);

    expect(await reconcileBatch(db.orm.em, statementId, 0, { limit: 500, now: NOW })).toMatchObject({ applied: 2, exceptions: 0, done: true });

    expect(await promiseRow(older)).toEqual({ paid_minor: '6000', status: 'kept' });
    expect(await promiseRow(newer)).toEqual({ paid_minor: '6000', status: 'kept' });
    expect(await promiseRow(lapsed)).toEqual({ paid_minor: '0', status: 'open' });
    const shares = await em().execute<{ line: string; promise_id: string; amount_minor: string }[]>(
      `select l.bank_ref as line, pa.promise_id, pa.amount_minor::text
         from promise_allocation pa join payment p on p.id = pa.payment_id join statement_line l on l.id = p.statement_line_id
        where l.bank_statement_id = ? order by l.position, pa.amount_minor desc`,
      [statementId],
    );
    expect(shares.map((s) => [s.promise_id, s.amount_minor])).toEqual([
      [older, '6000'],
      [newer, '4000'],
      [newer, '2000'],
    ]);
    for (const invoice of [first, second]) expect((await em().findOneOrFail(Invoice, invoice.id)).status).toBe('paid');
  });

  it('applies every line once when the same batch runs twice at once', async () => {
    const debtors = [];
    for (let i = 0; i < 20; i++) {
      const account = await insertTestAccount(em(), { prefix: 'TWICE' });
      debtors.push(await insertTestInvoice(em(), account, 5_000n + BigInt(i)));
    }
    const statementId = await statementOf(debtors.map((invoice) => ({ text: `Invoice ${invoice.number}`, amountMinor: invoice.amountMinor })));

    const runs = await Promise.all([
      reconcileBatch(db.orm.em, statementId, 0, { limit: 500, now: NOW }),
      reconcileBatch(db.orm.em, statementId, 0, { limit: 500, now: NOW }),
    ]);

    expect(runs.map((r) => r.applied).sort()).toEqual([0, 20]);
    const payments = await em().find(Payment, { statementLine: { bankStatement: statementId } });
    expect(payments).toHaveLength(20);
    for (const invoice of debtors) expect((await em().findOneOrFail(Invoice, invoice.id)).openMinor).toBe(0n);
    expect(await em().count(StatementLine, { bankStatement: statementId, status: 'applied' })).toBe(20);
  });

  it("reports the statement's whole remaining range from its last batch, lines a lost attempt applied and trailing zero amounts included", async () => {
    const debtors = [];
    for (let i = 0; i < 3; i++) {
      const account = await insertTestAccount(em(), { prefix: 'LAST' });
      debtors.push(await insertTestInvoice(em(), account, 7_000n + BigInt(i)));
    }
    const statementId = await statementOf([
      ...debtors.map((invoice) => ({ text: `Invoice ${invoice.number}`, amountMinor: invoice.amountMinor })),
      { text: 'Balance notice', amountMinor: 0n },
    ]);

    const first = await reconcileBatch(db.orm.em, statementId, 0, { limit: 2, now: NOW });
    expect(first).toMatchObject({ applied: 2, lastPosition: 2, done: false });
    // The attempt that applied the last pending line was lost; its retry finds nothing pending.
    const applying = await reconcileBatch(db.orm.em, statementId, 2, { limit: 2, now: NOW });
    expect(applying).toMatchObject({ applied: 1, lastPosition: 4, done: true });
    const retry = await reconcileBatch(db.orm.em, statementId, 2, { limit: 2, now: NOW });
    expect(retry).toMatchObject({ processed: 0, applied: 0, lastPosition: 4, done: true });
  });

  it("suggests the customer named like the payer wherever it is in the ledger, and not one another line of the batch names", async () => {
    const harbour = await insertTestAccount(em(), { prefix: 'NAME' });
    await em().nativeUpdate(Account, { id: harbour.id }, { name: 'Harbour & Pike Ltd' });
    const owed = await insertTestInvoice(em(), harbour, 12_300n);
    const other = await insertTestAccount(em(), { prefix: 'NAME' });
    await em().nativeUpdate(Account, { id: other.id }, { name: 'Harbour Pike Trading' });
    const named = await insertTestInvoice(em(), other, 4_500n);
    const statementId = await statementOf([
      { text: 'transfer', amountMinor: 12_300n, payer: 'PIKE, HARBOUR GMBH' },
      { text: `Invoice ${named.number}`, amountMinor: 4_500n },
      { text: 'transfer', amountMinor: 999n, payer: 'HARBOUR PIKE TRADING CO LONDON' },
    ]);

    await reconcileBatch(db.orm.em, statementId, 0, { limit: 10, now: NOW });
    const lines = await em().find(StatementLine, { bankStatement: statementId }, { orderBy: { position: 'asc' } });
    expect(lines.map((l) => [l.status, l.rule, l.account?.id ?? null])).toEqual([
      // A name hint alone is never enough to apply money: the line waits for a person, with the customer proposed.
      ['exception', 'payer-name', harbour.id],
      ['applied', 'invoice-reference', other.id],
      ['exception', 'none', null],
    ]);
    expect((await em().findOneOrFail(Invoice, { id: owed.id })).openMinor).toBe(12_300n);
  });

  it('keys account names in the database exactly as the matcher normalises them', async () => {
    const names = ['Harbour & Pike Ltd', 'PIKE, HARBOUR GMBH', 'Nordlicht G.m.b.H.', 'Société Générale SA', 'Müller-Lüdenscheidt KG', 'ACME  co.', '  ', 'Ölmühle 24/7 Inc', 'A', 'ÆRØ ApS'];
    const rows = await em().execute<{ key: string }[]>(
      `select recoup_name_key(n) as key from jsonb_array_elements_text(?::jsonb) with ordinality as t(n, i) order by i`,
      [JSON.stringify(names)],
    );
    expect(rows.map((r) => r.key)).toEqual(names.map((n) => normaliseName(n)));
  });
});
