import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from '@jest/globals';
import { statementIdentities } from '@recoup/db/statement-digest';
import { createStatementParsePool } from '../src/bank-statements/statement-parse-pool.ts';

// A bank statement file is read in a worker thread, so the thread that serves requests stays free while a large
// one is read; what comes back is the statement itself, amounts as bigints, or the reader's refusal as data.

const pool = createStatementParsePool();
afterAll(async () => {
  await pool.close();
});

const sample = (name: string) => readFileSync(join(process.cwd(), 'test', 'fixtures', 'bank-samples', name), 'utf8');

describe('the statement parse pool', () => {
  it('reads a camt.053 file on another thread, keeping amounts in minor units as bigints', async () => {
    const outcome = await pool.parse({ text: sample('oca_test-camt053.xml'), format: 'auto', sha: 'x' });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.threadId).not.toBe(threadId);
    expect(outcome.parsed.format).toBe('camt.053');
    const entries = outcome.parsed.accounts.flatMap((a) => a.entries);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(typeof entry.amountMinor).toBe('bigint');
  });

  it('keys every statement and transaction of the file on its thread exactly as the store would key them', async () => {
    const outcome = await pool.parse({ text: sample('oca_test-camt053.xml'), format: 'auto', sha: 'x' });
    if (!outcome.ok) throw new Error(outcome.message);
    const lines = outcome.parsed.accounts.reduce((n, a) => n + a.entries.length, 0);
    expect(outcome.identities.lines).toHaveLength(lines);
    expect(outcome.identities.statements).toHaveLength(outcome.parsed.accounts.length);
    expect(outcome.identities).toEqual(statementIdentities(outcome.parsed));
  });

  it('answers a refusal with where and why, as the reader gives them', async () => {
    const outcome = await pool.parse({ text: sample('oca_test-camt053.xml').replace('</GrpHdr>', ''), format: 'camt.053', sha: 'x' });
    expect(outcome).toMatchObject({ ok: false, where: expect.stringMatching(/^line \d+, column \d+$/), message: expect.stringContaining('not well formed') });
  });

  it('refuses a camt.054 file sent as camt.053, naming the document', async () => {
    const outcome = await pool.parse({ text: sample('oca_test-camt054.xml'), format: 'camt.053', sha: 'x' });
    expect(outcome).toMatchObject({ ok: false, where: 'Document', message: 'Document: the file is a camt.054 message, not camt.053.' });
  });
});
