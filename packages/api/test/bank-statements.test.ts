import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditLog, BankStatement, StatementLine } from '@recoup/db';
import { MAX_XML_DEPTH } from '@recoup/domain';
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
    const broken = fixture('two-accounts.bai2').replace('49,687000,6/', '49,,6/');
    const response = await post(broken, 'format=bai2');
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ code: 'statement-invalid', details: { where: 'line 8 (49 record), field account control total' } });
    expect(response.body.error.message).toContain('nothing was imported');
    expect(await h.db.orm.em.fork().count(BankStatement, {})).toBe(before);
  });

  it('lists each transaction it does not store again with the line it matched', async () => {
    const camt = fixture('statement.camt053.xml').replace('EUR-20261120', 'EUR-20261120-COPY').replace('STMT-2026-11-20-001', 'STMT-2026-11-20-002');
    const response = await post(camt, 'format=camt.053', 'application/xml');
    expect(response.status).toBe(201);
    const earlier = await h.db.orm.em.fork().findOneOrFail(StatementLine, { bankRef: 'BANK-REF-0001', status: { $ne: 'rejected' } }, { orderBy: { createdAt: 'asc' } });
    expect(response.body.alreadySeenLines[0]).toMatchObject({
      source: 'Document/BkToCstmrStmt/Stmt[1]/Ntry[1]',
      matchedLineId: earlier.id,
      reason: expect.stringContaining('BANK-REF-0001'),
    });
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

  describe('a statement whose own totals do not add up', () => {
    const unbalanced = (n: number) =>
      fixture('two-accounts.bai2').replace('STMT0042', `UNBAL${n}`).replaceAll('BNK-000', `U${n}-000`).replace('49,687000,6/', '49,687100,6/');

    it('is stored whole as unbalanced with the difference, and nothing of it is reconciled', async () => {
      const response = await post(unbalanced(1), 'format=bai2');
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ status: 'unbalanced', lines: 4, newLines: 4 });
      // The account's trailer claims 100 more than its lines; the group trailer then claims 100 less than the accounts' trailers.
      expect(response.body.imbalances).toEqual([
        expect.objectContaining({ account: '1234567890', currency: 'USD', where: 'line 8 (49 record)', differenceMinor: '100' }),
        expect.objectContaining({ account: '9988776655', where: 'line 12 (98 record)', differenceMinor: '-100' }),
      ]);
      expect(h.reconciliations.started).not.toContain(response.body.id);
      const reconcile = await manager.agent.post(`/api/bank-statements/${response.body.id}/reconcile`).set('x-csrf-token', manager.csrf);
      expect(reconcile.status).toBe(409);
      expect(reconcile.body.error.code).toBe('statement-unbalanced');
      const line = await h.db.orm.em.fork().findOneOrFail(StatementLine, { bankStatement: response.body.id, position: 1 });
      const skip = await manager.agent.post(`/api/statement-lines/${line.id}/skip`).set('x-csrf-token', manager.csrf).send({ reason: 'not ours' });
      expect(skip.status).toBe(409);
      expect(skip.body.error.code).toBe('statement-held');
    });

    it('is reconciled once a manager releases it with a reason, which is audited', async () => {
      const imported = await post(unbalanced(2), 'format=bai2');
      const review = (path: string, body: object) => manager.agent.post(`/api/bank-statements/${imported.body.id}/${path}`).set('x-csrf-token', manager.csrf).send(body);
      expect((await review('release', { reason: 'ok' })).status).toBe(400);
      const released = await review('release', { reason: 'The bank confirmed the trailer total is a typo.' });
      expect(released.status).toBe(202);
      expect(released.body).toMatchObject({ status: 'received', review: { decision: 'released', reason: 'The bank confirmed the trailer total is a typo.' } });
      expect(h.reconciliations.started).toContain(imported.body.id);
      expect(await h.db.orm.em.fork().count(AuditLog, { action: 'bank-statement.released', entityId: imported.body.id })).toBe(1);
      expect((await review('release', { reason: 'again please' })).status).toBe(409);
      expect((await review('reject', { reason: 'too late now' })).status).toBe(409);
    });

    it('applies nothing once rejected, and a corrected file is then read in full', async () => {
      const imported = await post(unbalanced(3), 'format=bai2');
      const rejected = await manager.agent
        .post(`/api/bank-statements/${imported.body.id}/reject`)
        .set('x-csrf-token', manager.csrf)
        .send({ reason: 'Wrong file; the bank sends a corrected one.' });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({ status: 'rejected', review: { decision: 'rejected' } });
      const lines = await h.db.orm.em.fork().find(StatementLine, { bankStatement: imported.body.id });
      expect(lines.map((l) => l.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
      expect(h.reconciliations.started).not.toContain(imported.body.id);
      expect(await h.db.orm.em.fork().count(AuditLog, { action: 'bank-statement.rejected', entityId: imported.body.id })).toBe(1);

      const corrected = await post(fixture('two-accounts.bai2').replace('STMT0042', 'UNBAL3').replaceAll('BNK-000', 'U3-000'), 'format=bai2');
      expect(corrected.status).toBe(201);
      expect(corrected.body).toMatchObject({ status: 'received', newLines: 4, alreadySeenLines: [] });
    });
  });

  it('tells camt.053, MT940 and BAI2 apart by their content, and says so when it cannot', async () => {
    const mt940 = fixture('two-statements.mt940').replaceAll('STMT-004', 'AUTO-004').replaceAll('EUR1000,00', 'EUR1000,01').replace('EUR1260,50', 'EUR1260,51').replace(':60F:C261119USD0,', ':60F:C261119USD0,01').replace('USD1250,75', 'USD1250,76');
    const detected = await post(mt940, '');
    expect(detected.status).toBe(201);
    expect(detected.body).toMatchObject({ format: 'mt940', status: 'received' });
    const unknown = await post('Datum;Betrag\n19.11.2026;12,50\n', 'format=auto');
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'statement-invalid', details: { where: 'line 1' } });
  });

  it('reads a Latin-1 file as its bank wrote it and keeps its bytes unchanged', async () => {
    const text = fixture('two-statements.mt940').replaceAll('STMT-004', 'LATIN-004').replaceAll('BANK-000', 'LATIN-000').replace('Harbour & Pike Ltd', 'Müller Straße GmbH').replaceAll('EUR1000,00', 'EUR1000,02').replace('EUR1260,50', 'EUR1260,52').replace(':60F:C261119USD0,', ':60F:C261119USD0,02').replace('USD1250,75', 'USD1250,77');
    const bytes = Buffer.from(text, 'latin1');
    const response = await manager.agent.post('/api/bank-statements?format=mt940').set('x-csrf-token', manager.csrf).set('content-type', 'text/plain').send(bytes);
    expect(response.status).toBe(201);
    const stored = await h.db.orm.em.fork().findOneOrFail(BankStatement, { id: response.body.id }, { populate: ['raw'] });
    expect(Buffer.compare(Buffer.from(stored.raw), bytes)).toBe(0);
    const line = await h.db.orm.em.fork().findOneOrFail(StatementLine, { bankStatement: response.body.id, position: 1 });
    expect(line.text).toContain('Müller Straße GmbH');
  });

  describe('files no bank would send', () => {
    const camt = (id: string) => fixture('statement.camt053.xml').replace('EUR-20261120', id).replace('STMT-2026-11-20-001', `MSG-${id}`);
    const refused = async (body: string, where: string | RegExp) => {
      const before = await h.db.orm.em.fork().count(StatementLine, {});
      const response = await post(body, '', 'application/xml');
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('statement-invalid');
      if (typeof where === 'string') expect(response.body.error.details.where).toBe(where);
      else expect(response.body.error.details.where).toMatch(where);
      expect(await h.db.orm.em.fork().count(StatementLine, {})).toBe(before);
      return response.body.error.message as string;
    };

    it('refuses an impossible date, naming the element', async () => {
      const message = await refused(camt('BAD-DATE').replace('<ValDt><Dt>2026-11-19</Dt></ValDt>', '<ValDt><Dt>2026-02-30</Dt></ValDt>'), 'Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/ValDt');
      expect(message).toContain('"2026-02-30" is not a calendar date');
    });

    it('refuses a DOCTYPE with entities, naming its line', async () => {
      const xml = camt('DOCTYPE').replace('<Document', '<!DOCTYPE Document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<Document').replace('Invoice INV-2026-0042', '&b;');
      expect(await refused(xml, 'line 2, column 1')).toContain('may not declare a DOCTYPE');
    });

    it('refuses XML nested thousands of levels deep, naming where it goes too deep', async () => {
      const xml = camt('DEEP').replace('<Ustrd>Invoice INV-2026-0042</Ustrd>', `${'<a>'.repeat(5_000)}x${'</a>'.repeat(5_000)}`);
      expect(await refused(xml, /^line \d+, column \d+ \(<a>\)$/)).toContain(`deeper than ${MAX_XML_DEPTH} levels`);
    });

    it('refuses an element named __proto__, naming it', async () => {
      const xml = camt('PROTO').replace('<Ustrd>Invoice INV-2026-0042</Ustrd>', '<__proto__><polluted>yes</polluted></__proto__>');
      expect(await refused(xml, /\(<__proto__>\)$/)).toContain('may not be named "__proto__"');
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });

    it('refuses a NUL byte, naming its line and column', async () => {
      const xml = camt('NUL').replace('Invoice INV-2026-0042', 'Invoice\u0000INV');
      expect(await refused(xml, /^line \d+, column \d+$/)).toContain('NUL byte');
    });

    it('keeps a zero-amount line as information, never to be applied', async () => {
      const xml = camt('ZERO').replace('<Amt Ccy="EUR">300.00</Amt>', '<Amt Ccy="EUR">0.00</Amt>').replace('BANK-REF-0001', 'BANK-REF-ZERO');
      const response = await post(xml, 'format=camt.053', 'application/xml');
      expect(response.status).toBe(201);
      const zero = await h.db.orm.em.fork().findOneOrFail(StatementLine, { bankStatement: response.body.id, position: 1 });
      expect(zero).toMatchObject({ amountMinor: 0n, status: 'skipped', rule: 'zero-amount' });
    });

    it('refuses a statement the bank numbered as one imported before but that holds other transactions', async () => {
      const xml = fixture('statement.camt053.xml').replace('STMT-2026-11-20-001', 'STMT-2026-11-20-003').replace(/<Ntry>[\s\S]*?<\/Ntry>/, '');
      const response = await post(xml, 'format=camt.053', 'application/xml');
      expect(response.status).toBe(409);
      expect(response.body.error).toMatchObject({ code: 'statement-conflict', details: { where: 'Document/BkToCstmrStmt/Stmt[1]' } });
      expect(response.body.error.message).toContain('imported before with 4 transactions; this file gives it 3');
    });
  });
});
