import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditLog, BankStatement, StatementLine } from '@recoup/db';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';

const fixture = (name: string) => readFileSync(join(process.cwd(), 'test', 'fixtures', 'statements', name), 'utf8');

describe('bank statement import', () => {
  let h: Harness;
  let manager: LoggedIn;

  beforeAll(async () => {
    h = await createHarness();
    manager = await h.login('manager');
  });
  afterAll(async () => {
    await h?.close();
  });

  const post = (body: string, query: string, type = 'text/plain', who: LoggedIn = manager) =>
    who.agent.post(`/api/bank-statements?${query}`).set('x-csrf-token', who.csrf).set('content-type', type).send(body);

  it('stores a camt.053 statement with its lines and the raw file, once', async () => {
    const xml = fixture('statement.camt053.xml');
    const first = await post(xml, 'format=camt.053&filename=nov-20.xml', 'application/xml');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ format: 'camt.053', duplicate: false, lines: 5, newLines: 5, alreadySeen: 0 });
    const em = h.db.orm.em.fork();
    const stored = await em.findOneOrFail(BankStatement, { id: first.body.id }, { populate: ['raw'] });
    expect(Buffer.from(stored.raw).toString('utf8')).toBe(xml);
    expect(await em.count(StatementLine, { bankStatement: first.body.id })).toBe(5);
    expect(await em.count(AuditLog, { action: 'bank-statement.imported', entityId: first.body.id })).toBe(1);

    const again = await post(xml, 'format=camt.053', 'application/xml');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, duplicate: true, newLines: 0 });
    expect(await h.db.orm.em.fork().count(StatementLine, {})).toBe(5);
  });

  it('does not store a transaction again when another file reports it on the same account', async () => {
    const camt054 = fixture('statement.camt053.xml')
      .replace('camt.053.001.08', 'camt.054.001.08')
      .replaceAll('BkToCstmrStmt', 'BkToCstmrDbtCdtNtfctn')
      .replaceAll('<Stmt>', '<Ntfctn>')
      .replaceAll('</Stmt>', '</Ntfctn>')
      .replace('STMT-2026-11-20-001', 'NOTIF-2026-11-20-001');
    const response = await post(camt054, 'format=camt.054', 'application/xml');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ duplicate: false, lines: 5, newLines: 0, alreadySeen: 5 });
  });

  it('refuses a malformed file whole, naming the line, and stores nothing', async () => {
    const before = await h.db.orm.em.fork().count(BankStatement, {});
    const broken = fixture('two-accounts.bai2').replace('49,687000,6/', '49,687001,6/');
    const response = await post(broken, 'format=bai2');
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ code: 'statement-invalid', details: { where: 'line 8 (49 record)' } });
    expect(response.body.error.message).toContain('nothing was imported');
    expect(await h.db.orm.em.fork().count(BankStatement, {})).toBe(before);
  });

  it('reads a CSV export with a saved mapping, and refuses a CSV import without one', async () => {
    const mapping = {
      delimiter: ';',
      hasHeader: true,
      columns: { valueDate: 'Datum', amount: 'Betrag', bankRef: 'Ref', text: ['Zweck'] },
      currency: 'EUR',
      dateFormat: 'DD.MM.YYYY',
      decimalSeparator: ',',
      accountNumber: 'DE00123',
    };
    expect((await manager.agent.put('/api/statement-mappings/hausbank').set('x-csrf-token', manager.csrf).send(mapping)).status).toBe(200);
    const csv = 'Datum;Betrag;Ref;Zweck\n19.11.2026;12,50;R-1;INV-1\n19.11.2026;-3,00;R-2;Gebuehr\n';
    const response = await post(csv, 'format=csv&mapping=hausbank', 'text/csv');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ format: 'csv', lines: 2, newLines: 2 });
    const lines = await manager.agent.get(`/api/bank-statements/${response.body.id}/lines`);
    expect(lines.body.map((l: { direction: string; amount: { amountMinor: string } }) => [l.direction, l.amount.amountMinor])).toEqual([
      ['credit', '1250'],
      ['debit', '300'],
    ]);
    const unmapped = await post(csv, 'format=csv', 'text/csv');
    expect(unmapped.status).toBe(400);
    expect(JSON.stringify(unmapped.body)).toContain('mapping');
  });

  it('lets only managers and admins import', async () => {
    const collector = await h.login('collector1');
    expect((await post(fixture('two-statements.mt940'), 'format=mt940', 'text/plain', collector)).status).toBe(403);
    const mt940 = await post(fixture('two-statements.mt940'), 'format=mt940');
    expect(mt940.status).toBe(201);
    expect(mt940.body).toMatchObject({ format: 'mt940', lines: 4 });
  });
});
