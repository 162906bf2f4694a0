import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from '@jest/globals';
import { ValidationError } from '../src/errors.ts';
import { accountsIn, createParsePool } from '../src/imports/parse-pool.ts';
import { CHUNK_ROWS } from '../src/imports/portfolio-parse.worker.ts';

// A portfolio file is read in a worker thread, so the thread that serves requests stays free while it is read.

const HEADER = 'account_ref,account_name,customer_type,time_zone,invoice_number,issue_date,due_date,amount,currency';
const pool = createParsePool();
afterAll(async () => {
  await pool.close();
});

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
const csv = (text: string, maxRows = 1_000) => pool.parse('csv', bytes(text), { charset: 'utf-8', maxRows });
const json = (document: unknown, maxRows = 1_000) => pool.parse('json', bytes(JSON.stringify(document)), { charset: 'utf-8', maxRows });
const accountsOf = (parsed: { chunks: Uint8Array[] }) => parsed.chunks.flatMap(accountsIn);

const entry = (ref: string, invoices = 1) => ({
  externalRef: ref,
  name: `Account ${ref}`,
  customerType: 'business',
  currency: 'EUR',
  timeZone: 'Europe/Berlin',
  contacts: [{ name: 'Ann', consent: { email: true, sms: false, phone: false, letter: false } }],
  invoices: Array.from({ length: invoices }, (_, i) => ({
    number: `${ref}-${i}`,
    issueDate: '2026-01-01',
    dueDate: '2026-02-01',
    amount: { amountMinor: '100', currency: 'EUR' },
  })),
});

describe('the portfolio parse pool', () => {
  it('reads a CSV portfolio on a thread other than the one serving requests, amounts exact', async () => {
    const parsed = await csv(`${HEADER}\nC-1,Acme Ltd,business,Europe/Berlin,INV-1,2026-01-01,2026-02-01,1234.56,EUR\n`);
    expect(parsed.parsedOnThread).not.toBe(threadId);
    expect(parsed.rowsTotal).toBe(1);
    expect(accountsOf(parsed)[0]?.invoices[0]?.amountMinor).toBe(123_456n);
  });

  it('refuses a file with a NUL byte as the reader does, naming the line and column', async () => {
    const refused = csv(`${HEADER}\nC-1,Ac\u0000me,business,Europe/Berlin,INV-1,2026-01-01,2026-02-01,1,EUR\n`);
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({ kind: 'invalid', details: { fields: [{ path: 'line 2, column account_name' }] } });
  });

  it('reads a JSON portfolio on a thread other than the one serving requests', async () => {
    const parsed = await json({ accounts: [entry('J-1'), entry('J-2')] });
    expect(parsed.parsedOnThread).not.toBe(threadId);
    expect(accountsOf(parsed).map((account) => [account.externalRef, account.invoices[0]?.amountMinor])).toEqual([
      ['J-1', 100n],
      ['J-2', 100n],
    ]);
  });

  it('takes the bytes over instead of copying them, and gives the file back as its UTF-8 text', async () => {
    const text = JSON.stringify({ accounts: [entry('T-1')] });
    const sent = bytes(text);
    const parsed = await pool.parse('json', sent, { charset: 'utf-8', maxRows: 10 });
    expect(sent.byteLength).toBe(0);
    expect(Buffer.from(parsed.raw).toString('utf8')).toBe(text);
  });

  it('refuses a NUL in a JSON field with 400 naming the field, as the check on every other route does', async () => {
    const refused = json({ accounts: [{ ...entry('N-1'), name: 'Ac\u0000me' }] });
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({
      kind: 'invalid',
      message: 'body.accounts.0.name must not contain a NUL character (U+0000).',
      details: { fields: [{ in: 'body', path: 'accounts.0.name', reason: 'must not contain a NUL character (U+0000)' }] },
    });
  });

  it('refuses a body that is not a JSON object as the JSON body parser did', async () => {
    await expect(pool.parse('json', bytes('{"accounts": ['), { charset: 'utf-8', maxRows: 10 })).rejects.toMatchObject({ kind: 'invalid', code: 'malformed-body' });
    await expect(pool.parse('json', bytes('"just a string"'), { charset: 'utf-8', maxRows: 10 })).rejects.toMatchObject({ kind: 'invalid', code: 'malformed-body' });
  });

  it('refuses more rows than the bound with 413 naming it', async () => {
    const refused = json({ accounts: [entry('R-1'), entry('R-2'), entry('R-3')] }, 2);
    await expect(refused).rejects.toMatchObject({ kind: 'too-large', code: 'import-too-many-rows', details: { rowsTotal: 3, maxRows: 2 } });
    await expect(refused).rejects.toThrow(/at most 2 \(IMPORT_MAX_ROWS\)/);
  });

  it('hands the accounts back in chunks of at most CHUNK_ROWS rows, in file order', async () => {
    // Each account is 1 + 1 contact + 98 invoices = 100 rows.
    const accounts = Array.from({ length: 120 }, (_, i) => entry(`CH-${i}`, 98));
    const parsed = await json({ accounts }, 1_000);
    const sizes = parsed.chunks.map((chunk) => accountsIn(chunk).length);
    expect(sizes).toEqual([CHUNK_ROWS / 100, CHUNK_ROWS / 100, 120 - (2 * CHUNK_ROWS) / 100]);
    expect(accountsOf(parsed).map((account) => account.externalRef)).toEqual(accounts.map((account) => account.externalRef));
  });
});
