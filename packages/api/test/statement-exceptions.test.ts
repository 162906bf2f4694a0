import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditLog, Invoice, Payment, StatementLine, AppUser, reconcileBatch, type IAccount, type IInvoice } from '@recoup/db';
import { insertTestAccount, insertTestInvoice } from '@recoup/db/testing';
import { camt053 } from '../../domain/test/support/camt053.ts';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';

// The exception queue over HTTP: a statement is imported through the API and its lines run through the same batch
// the reconciliation workflow runs; what the matcher could not place waits, and a manager matches it, pairs a
// return with its payment, or sets a line aside. Each decision is applied once, audited, and told to the account's
// workflow.

describe('statement exception queue', () => {
  let h: Harness;
  let manager: LoggedIn;
  let collector: LoggedIn;
  let account: IAccount;
  let invoices: IInvoice[];
  let statementId: string;
  const IBAN = 'GB29NWBK60161331926819';

  beforeAll(async () => {
    h = await createHarness();
    manager = await h.login('manager');
    collector = await h.login('collector1');
    const em = h.db.orm.em.fork();
    account = await insertTestAccount(em, { prefix: 'EXQ', currency: 'GBP' });
    invoices = [
      await insertTestInvoice(em, account, 50_000n, { currency: 'GBP', dueDate: '2026-01-31' }),
      await insertTestInvoice(em, account, 20_000n, { currency: 'GBP', dueDate: '2026-02-28' }),
    ];
    const xml = camt053({
      messageId: 'EXQ-1',
      iban: IBAN,
      currency: 'GBP',
      entries: [
        { bankRef: 'EXQ-A', amountMinor: 30_000n, currency: 'GBP', text: 'from our director, thanks' },
        { bankRef: 'EXQ-B', amountMinor: 20_000n, currency: 'USD', text: `${invoices[1]?.number}` },
        { bankRef: 'EXQ-C', amountMinor: 4_500n, currency: 'GBP', text: 'refund of an overcharge?' },
        { bankRef: 'EXQ-D', amountMinor: 7_000n, currency: 'GBP', direction: 'debit', returned: true, endToEndId: 'UNKNOWN-E2E' },
      ],
    });
    const imported = await manager.agent.post('/api/bank-statements?format=camt.053').set('x-csrf-token', manager.csrf).set('content-type', 'application/xml').send(xml);
    expect(imported.status).toBe(201);
    statementId = imported.body.id;
    expect(h.reconciliations.started).toEqual([statementId]);
    let after = 0;
    for (;;) {
      const batch = await reconcileBatch(h.db.orm.em, statementId, after, { limit: 10, now: new Date() });
      after = batch.lastPosition;
      if (batch.done) break;
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  const post = (who: LoggedIn, path: string, body: object) => who.agent.post(path).set('x-csrf-token', who.csrf).send(body);
  const lineId = async (bankRef: string) => (await h.db.orm.em.fork().findOneOrFail(StatementLine, { bankStatement: statementId, bankRef })).id;

  it('lists every line the matcher could not place, with its reason', async () => {
    const response = await manager.agent.get(`/api/statement-lines/exceptions?statementId=${statementId}`);
    expect(response.status).toBe(200);
    const byRef = Object.fromEntries((response.body.items as { bankRef: string; reason: string; suggestion: unknown }[]).map((i) => [i.bankRef, i]));
    expect(Object.keys(byRef).sort()).toEqual(['EXQ-A', 'EXQ-B', 'EXQ-C', 'EXQ-D']);
    expect(byRef['EXQ-B']?.reason).toMatch(/USD.*GBP.*nothing is converted/);
    expect(byRef['EXQ-D']?.reason).toMatch(/no payment of this amount and reference/);
    expect(byRef['EXQ-A']?.suggestion).toBeNull();
  });

  it('keeps the queue from collectors, whose view is their own accounts', async () => {
    expect((await collector.agent.get('/api/statement-lines/exceptions')).status).toBe(403);
    expect((await collector.agent.get(`/api/bank-statements/${statementId}`)).status).toBe(403);
  });

  it('shows the statement progress counted from its lines', async () => {
    const response = await manager.agent.get(`/api/bank-statements/${statementId}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: statementId,
      progress: { lines: 4, pending: 0, applied: 0, exceptions: 4, skipped: 0, appliedMinor: [] },
      workflow: { workflowId: `reconcile-${statementId}` },
    });
  });

  it("refuses a manager applying a line to another team's account as if the account did not exist", async () => {
    const lead = await h.addUser({ email: 'exq-lead@recoup.local', name: 'Lee Lead', role: 'manager' });
    const otherManager = await h.loginAs('exq-lead@recoup.local');
    const em = h.db.orm.em.fork();
    const theirs = await insertTestAccount(em, { prefix: 'EXQ-OTHER', currency: 'GBP' });
    theirs.assignedCollector = em.getReference(AppUser, collector.userId);
    await em.flush();
    expect(lead).not.toBe(collector.userId);
    // Nothing is written on refusal, so the line stays for the next case to match.
    const id = await lineId('EXQ-A');
    const response = await post(otherManager, `/api/statement-lines/${id}/match`, { accountId: theirs.id });
    expect(response.status).toBe(404);
    expect(await h.db.orm.em.fork().findOneOrFail(StatementLine, { id })).toMatchObject({ status: 'exception' });
  });

  it('applies a line matched by hand oldest invoice first, once, and tells the workflow', async () => {
    const id = await lineId('EXQ-A');
    const response = await post(manager, `/api/statement-lines/${id}/match`, { accountId: account.id, note: 'director paid privately' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ lineId: id, status: 'applied', accountId: account.id });
    const em = h.db.orm.em.fork();
    expect((await em.findOneOrFail(Invoice, { id: invoices[0]?.id ?? '' })).openMinor).toBe(20_000n);
    expect(await em.findOneOrFail(StatementLine, { id })).toMatchObject({ status: 'applied', rule: 'manual' });
    expect(await em.count(AuditLog, { action: 'statement-line.matched', entityId: id })).toBe(1);
    expect(h.collections.of('paymentApplied')).toContainEqual(
      expect.objectContaining({ accountId: account.id, message: expect.objectContaining({ amountMinor: '30000', currency: 'GBP' }) }),
    );

    const again = await post(manager, `/api/statement-lines/${id}/match`, { accountId: account.id });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('statement-line-resolved');
    expect(await h.db.orm.em.fork().count(Payment, { statementLine: id })).toBe(1);
  });

  it('refuses to apply a line to invoices of another currency, naming the invoice, and writes nothing', async () => {
    const id = await lineId('EXQ-B');
    const response = await post(manager, `/api/statement-lines/${id}/match`, {
      accountId: account.id,
      allocations: [{ invoiceId: invoices[1]?.id, amountMinor: '20000' }],
    });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('allocation-refused');
    expect(response.body.error.message).toContain(`Invoice ${invoices[1]?.number} is in GBP and the payment in USD`);
    expect(await h.db.orm.em.fork().count(Payment, { statementLine: id })).toBe(0);
    expect((await h.db.orm.em.fork().findOneOrFail(StatementLine, { id })).status).toBe('exception');
  });

  it('refuses an allocation above what the invoice still owes', async () => {
    const id = await lineId('EXQ-C');
    const response = await post(manager, `/api/statement-lines/${id}/match`, {
      accountId: account.id,
      allocations: [{ invoiceId: invoices[0]?.id, amountMinor: '4500' }, { invoiceId: invoices[0]?.id, amountMinor: '1' }],
    });
    expect(response.status).toBe(422);
    expect(response.body.error.message).toMatch(/more than the 4500 the payment has/);
  });

  it('sets a line aside with a reason, and lets only managers and admins decide', async () => {
    const id = await lineId('EXQ-C');
    const denied = await post(collector, `/api/statement-lines/${id}/skip`, { reason: 'bank refund' });
    expect(denied.status).toBe(403);
    const response = await post(manager, `/api/statement-lines/${id}/skip`, { reason: 'A refund from our supplier, not a customer payment' });
    expect(response.status).toBe(200);
    expect(await h.db.orm.em.fork().findOneOrFail(StatementLine, { id })).toMatchObject({ status: 'skipped', reason: 'A refund from our supplier, not a customer payment' });
  });

  it('reverses the payment a person pairs with a return, putting the money back on the invoices', async () => {
    const em = h.db.orm.em.fork();
    const payment = await em.findOneOrFail(Payment, { statementLine: await lineId('EXQ-A') });
    const id = await lineId('EXQ-D');
    const mismatch = await post(manager, `/api/statement-lines/${id}/reverse`, { paymentId: payment.id });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error.code).toBe('reversal-mismatch');

    // A return of the right amount, paired by hand.
    const xml = camt053({
      messageId: 'EXQ-2',
      iban: IBAN,
      currency: 'GBP',
      entries: [{ bankRef: 'EXQ-E', amountMinor: 30_000n, currency: 'GBP', direction: 'debit', returned: true, text: 'R-NSF' }],
    });
    const imported = await manager.agent.post('/api/bank-statements?format=camt.053').set('x-csrf-token', manager.csrf).set('content-type', 'application/xml').send(xml);
    await reconcileBatch(h.db.orm.em, imported.body.id, 0, { limit: 10, now: new Date() });
    const returnLine = (await h.db.orm.em.fork().findOneOrFail(StatementLine, { bankRef: 'EXQ-E' })).id;
    const response = await post(manager, `/api/statement-lines/${returnLine}/reverse`, { paymentId: payment.id });
    expect(response.status).toBe(200);
    const after = h.db.orm.em.fork();
    expect((await after.findOneOrFail(Invoice, { id: invoices[0]?.id ?? '' })).openMinor).toBe(50_000n);
    expect((await after.findOneOrFail(Payment, { id: payment.id })).reversedAt).not.toBeNull();
    expect(h.collections.of('accountChanged')).toContainEqual(expect.objectContaining({ accountId: account.id }));
    const twice = await post(manager, `/api/statement-lines/${returnLine}/reverse`, { paymentId: payment.id });
    expect(twice.status).toBe(409);
  });

  it('lists short payments with the residual each left open on the invoices it named', async () => {
    const em = h.db.orm.em.fork();
    const short = await insertTestAccount(em, { prefix: 'SHORT', currency: 'GBP' });
    const named = await insertTestInvoice(em, short, 12_000n, { currency: 'GBP' });
    const xml = camt053({
      messageId: 'EXQ-3',
      iban: IBAN,
      currency: 'GBP',
      entries: [{ bankRef: 'EXQ-F', amountMinor: 10_000n, currency: 'GBP', text: `${named.number} less damaged goods` }],
    });
    const imported = await manager.agent.post('/api/bank-statements?format=camt.053').set('x-csrf-token', manager.csrf).set('content-type', 'application/xml').send(xml);
    await reconcileBatch(h.db.orm.em, imported.body.id, 0, { limit: 10, now: new Date() });
    const response = await manager.agent.get('/api/statement-lines/deductions');
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      expect.objectContaining({
        account: expect.objectContaining({ id: short.id }),
        amount: { amountMinor: '10000', currency: 'GBP' },
        residualMinor: '2000',
        invoices: [{ invoiceId: named.id, number: named.number, openMinor: '2000' }],
      }),
    ]);
  });

  it('lists every statement with the same progress its own page shows, money applied per currency included', async () => {
    const list = await manager.agent.get('/api/bank-statements');
    expect(list.status).toBe(200);
    const item = (list.body as { id: string; progress: { appliedMinor: unknown[] } }[]).find((s) => s.id === statementId);
    const detail = await manager.agent.get(`/api/bank-statements/${statementId}`);
    expect(item?.progress).toEqual(detail.body.progress);
    expect(item?.progress.appliedMinor.length).toBeGreaterThan(0);
  });
});
