import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from '@jest/globals';
import { ValidationError } from '../src/http/errors.ts';
import { createParsePool } from '../src/imports/parse-pool.ts';

// A portfolio file is read in a worker thread, so the thread that serves requests stays free while it is read.

const HEADER = 'account_ref,account_name,customer_type,time_zone,invoice_number,issue_date,due_date,amount,currency';
const pool = createParsePool();
afterAll(async () => {
  await pool.close();
});

describe('the portfolio parse pool', () => {
  it('reads a CSV portfolio on a thread other than the one serving requests, amounts exact', async () => {
    const parsed = await pool.csv(`${HEADER}\nC-1,Acme Ltd,business,Europe/Berlin,INV-1,2026-01-01,2026-02-01,1234.56,EUR\n`);
    expect(parsed.parsedOnThread).not.toBe(threadId);
    expect(parsed.rowsTotal).toBe(1);
    expect(parsed.accounts[0]?.invoices[0]?.amountMinor).toBe(123_456n);
  });

  it('refuses a file with a NUL byte as the reader does, naming the line and column', async () => {
    const refused = pool.csv(`${HEADER}\nC-1,Ac\u0000me,business,Europe/Berlin,INV-1,2026-01-01,2026-02-01,1,EUR\n`);
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({ status: 400, details: { fields: [{ path: 'line 2, column account_name' }] } });
  });
});
