import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  Account,
  AppUser,
  AuditLog,
  CollectorTask,
  CreditNote,
  Dispute,
  Invoice,
  PaymentPromise,
  collectibleAmounts,
} from '@recoup/db';
import { addCalendarDays, wallClockAt } from '@recoup/domain';
import { PromiseRefusedError, TaskOutcomeRefusedError, WorkflowMissingError } from '@recoup/workflows';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';

let h: Harness;
let manager: LoggedIn;
let collector: LoggedIn;
const ids: Record<string, string> = {};

const TZ = 'Europe/Berlin';
/** A date `days` from today on the debtor's calendar. */
const inDays = (days: number): string => addCalendarDays(wallClockAt(new Date(), TZ).date, days);

const invoices = (prefix: string, amounts: number[]) =>
  amounts.map((amount, index) => ({
    number: `${prefix}-${index + 1}`,
    issueDate: '2026-01-01',
    dueDate: `2026-02-0${index + 1}`,
    amount: { amountMinor: String(amount), currency: 'EUR' },
  }));

const account = (ref: string, amounts: number[]) => ({
  externalRef: ref,
  name: `Debtor ${ref}`,
  customerType: 'consumer',
  currency: 'EUR',
  timeZone: TZ,
  contacts: [{ name: 'Dana', timeZone: TZ, isPrimary: true, consent: { email: false, sms: false, phone: true, letter: true } }],
  invoices: invoices(ref, amounts),
});

beforeAll(async () => {
  h = await createHarness();
  manager = await h.login('manager');
  collector = await h.login('collector1');
  const imported = await manager.agent
    .post('/api/imports/portfolio')
    .set('x-csrf-token', manager.csrf)
    .send({
      accounts: [
        account('PR', [10_000]),
        account('REF', [10_000]),
        account('FIFO', [10_000]),
        account('DSP', [5_000, 3_000, 2_000]),
        account('TSK', [10_000]),
        account('OTHER', [1_000]),
      ],
    });
  expect(imported.status).toBe(201);
  const em = h.db.orm.em.fork();
  const collectorUser = await em.findOneOrFail(AppUser, { id: collector.userId });
  for (const ref of ['PR', 'REF', 'FIFO', 'DSP', 'TSK', 'OTHER']) {
    const row = await em.findOneOrFail(Account, { externalRef: ref });
    if (ref !== 'OTHER') row.assignedCollector = collectorUser;
    ids[ref] = row.id;
  }
  await em.flush();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.collections.updateError = null;
  h.collections.completeTaskError = null;
});

const promise = (who: LoggedIn, accountId: string, body: object) =>
  who.agent.post(`/api/accounts/${accountId}/promises`).set('x-csrf-token', who.csrf).send(body);
const eur = (amountMinor: string) => ({ amountMinor, currency: 'EUR' });
const invoiceId = async (number: string) => (await h.db.orm.em.fork().findOneOrFail(Invoice, { number })).id;
const accountId = (ref: string): string => ids[ref] ?? '';

describe('promises to pay', () => {
  it('stores a promise with its deadline on the debtor clock, audits it and hands it to the workflow', async () => {
    const dueDate = inDays(7);
    const response = await promise(collector, accountId('PR'), { amount: eur('3000'), dueDate, graceDays: 2 });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      accountId: accountId('PR'),
      amount: eur('3000'),
      paid: eur('0'),
      dueDate,
      graceDays: 2,
      status: 'open',
      source: 'api',
      createdBy: collector.userId,
    });
    // The grace period's last day ends at midnight Berlin time, 23:00 or 22:00 UTC the day before.
    expect(response.body.until).toMatch(new RegExp(`^${addCalendarDays(dueDate, 2)}T2[23]:00:00.000Z$`));
    expect(h.collections.of('recordPromise')).toContainEqual({
      kind: 'recordPromise',
      accountId: accountId('PR'),
      message: { promiseId: response.body.id, amountMinor: '3000', currency: 'EUR', dueDate, until: response.body.until },
    });
    expect(await h.db.orm.em.fork().count(AuditLog, { action: 'promise.recorded', entityId: response.body.id })).toBe(1);
    const list = await collector.agent.get(`/api/accounts/${accountId('PR')}/promises`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(response.body.id);
    expect(list.body.balance).toEqual({ open: eur('10000'), disputed: eur('0'), collectible: eur('10000') });
  });

  it('cancels a promise the workflow refuses or cannot find, answers 409 with the reason, and keeps nothing open', async () => {
    h.collections.updateError = new PromiseRefusedError('the collection has ended');
    const refused = await promise(collector, accountId('REF'), { amount: eur('1000'), dueDate: inDays(3) });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'workflow-refused-promise', message: expect.stringContaining('the collection has ended') });
    h.collections.updateError = new WorkflowMissingError('no workflow');
    const missing = await promise(collector, accountId('REF'), { amount: eur('1000'), dueDate: inDays(3) });
    expect(missing.status).toBe(409);
    expect(missing.body.error.code).toBe('workflow-missing');
    const em = h.db.orm.em.fork();
    expect(await em.count(PaymentPromise, { account: accountId('REF'), status: 'open' })).toBe(0);
    expect(await em.count(PaymentPromise, { account: accountId('REF'), status: 'cancelled' })).toBe(2);
    expect(await em.count(AuditLog, { action: 'promise.cancelled' })).toBe(2);
    expect(h.collections.of('recordPromise').filter((c) => c.accountId === accountId('REF'))).toEqual([]);
  });

  it('refuses a due date in the past or beyond 90 days, naming dueDate', async () => {
    const past = await promise(collector, accountId('PR'), { amount: eur('1000'), dueDate: inDays(-1) });
    expect(past.status).toBe(422);
    expect(past.body.error.code).toBe('promise-invalid');
    expect(past.body.error.details.fields).toEqual([expect.objectContaining({ path: 'dueDate', code: 'in-the-past' })]);
    const far = await promise(collector, accountId('PR'), { amount: eur('1000'), dueDate: inDays(91) });
    expect(far.status).toBe(422);
    expect(far.body.error.details.fields).toEqual([expect.objectContaining({ path: 'dueDate', code: 'too-far-ahead' })]);
    const malformed = await promise(collector, accountId('PR'), { amount: eur('1000'), dueDate: '2026-02-30' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details.fields).toEqual([expect.objectContaining({ path: 'dueDate' })]);
  });

  it('refuses more than the collectible balance and another currency, naming the field', async () => {
    const tooMuch = await promise(collector, accountId('PR'), { amount: eur('10001'), dueDate: inDays(1) });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error.details.fields).toEqual([expect.objectContaining({ path: 'amount.amountMinor', code: 'above-collectible' })]);
    const dollars = await promise(collector, accountId('PR'), { amount: { amountMinor: '100', currency: 'USD' }, dueDate: inDays(1) });
    expect(dollars.body.error.details.fields).toEqual([expect.objectContaining({ path: 'amount.currency' })]);
  });

  it('matches a payment to promises oldest first: the first is kept, the second stays open with what it was paid', async () => {
    const first = await promise(collector, accountId('FIFO'), { amount: eur('2000'), dueDate: inDays(3) });
    const second = await promise(collector, accountId('FIFO'), { amount: eur('3000'), dueDate: inDays(10) });
    expect([first.status, second.status]).toEqual([201, 201]);
    const paid = await collector.agent
      .post('/api/payments')
      .set('x-csrf-token', collector.csrf)
      .set('Idempotency-Key', `fifo-${randomUUID()}`)
      .send({ accountId: accountId('FIFO'), amount: eur('3500') });
    expect(paid.status).toBe(201);
    const list = await collector.agent.get(`/api/accounts/${accountId('FIFO')}/promises`);
    const byId = new Map(list.body.items.map((p: { id: string }) => [p.id, p]));
    expect(byId.get(first.body.id)).toMatchObject({ status: 'kept', paid: eur('2000'), resolvedAt: expect.any(String) });
    expect(byId.get(second.body.id)).toMatchObject({ status: 'open', paid: eur('1500'), resolvedAt: null });
  });

  it("refuses a collector's promise on an account that is not theirs as missing", async () => {
    const response = await promise(collector, accountId('OTHER'), { amount: eur('100'), dueDate: inDays(1) });
    expect(response.status).toBe(404);
    expect((await collector.agent.get(`/api/accounts/${accountId('OTHER')}/promises`)).status).toBe(404);
  });
});

describe('promises made on a call', () => {
  const makeTask = async (key: string): Promise<string> => {
    const em = h.db.orm.em.fork();
    const task = em.create(CollectorTask, {
      account: accountId('TSK'),
      key,
      workflowId: `collection-${accountId('TSK')}`,
      nodeId: 'task-call',
      taskType: 'call',
      title: 'Call the debtor',
      status: 'open',
      assignee: collector.userId,
      outcomes: ['promise-to-pay', 'no-contact'],
      dueAt: new Date(),
    });
    await em.flush();
    return task.id;
  };
  const complete = (taskId: string, body: object) =>
    collector.agent.post(`/api/tasks/${taskId}/complete`).set('x-csrf-token', collector.csrf).send(body);

  it('stores the promise with source task and passes it with the outcome to the workflow', async () => {
    const taskId = await makeTask('tsk-promise-1');
    const dueDate = inDays(5);
    const response = await complete(taskId, { outcome: 'promise-to-pay', promise: { amount: eur('4000'), dueDate } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'done', outcome: 'promise-to-pay' });
    const stored = await h.db.orm.em.fork().findOneOrFail(PaymentPromise, { task: taskId });
    expect(stored).toMatchObject({ source: 'task', status: 'open', amountMinor: 4_000n, graceDays: 3, createdBy: collector.userId });
    expect(h.collections.of('completeTask')).toContainEqual({
      kind: 'completeTask',
      accountId: accountId('TSK'),
      message: {
        taskKey: 'tsk-promise-1',
        outcome: 'promise-to-pay',
        promise: { promiseId: stored.id, amountMinor: '4000', currency: 'EUR', dueDate, until: stored.until.toISOString() },
      },
    });
  });

  it('cancels the promise and leaves the task open when the workflow refuses the outcome', async () => {
    const taskId = await makeTask('tsk-promise-2');
    h.collections.completeTaskError = new TaskOutcomeRefusedError('the workflow waits for another task');
    const response = await complete(taskId, { outcome: 'promise-to-pay', promise: { amount: eur('1000'), dueDate: inDays(5) } });
    expect(response.status).toBe(409);
    const em = h.db.orm.em.fork();
    expect((await em.findOneOrFail(CollectorTask, { id: taskId })).status).toBe('open');
    expect((await em.findOneOrFail(PaymentPromise, { task: taskId })).status).toBe('cancelled');
  });

  it('refuses a promise with another outcome, and a bad promise before touching the task', async () => {
    const taskId = await makeTask('tsk-promise-3');
    const wrongOutcome = await complete(taskId, { outcome: 'no-contact', promise: { amount: eur('1000'), dueDate: inDays(5) } });
    expect(wrongOutcome.status).toBe(400);
    expect(wrongOutcome.body.error.details.fields).toEqual([expect.objectContaining({ path: 'promise' })]);
    const badDate = await complete(taskId, { outcome: 'promise-to-pay', promise: { amount: eur('1000'), dueDate: inDays(-3) } });
    expect(badDate.status).toBe(422);
    expect(badDate.body.error.details.fields).toEqual([expect.objectContaining({ path: 'promise.dueDate' })]);
    const em = h.db.orm.em.fork();
    expect((await em.findOneOrFail(CollectorTask, { id: taskId })).status).toBe('open');
    expect(await em.count(PaymentPromise, { task: taskId })).toBe(0);
  });
});

describe('disputes', () => {
  const openDispute = (who: LoggedIn, accountRef: string, body: object) =>
    who.agent.post(`/api/accounts/${accountId(accountRef)}/disputes`).set('x-csrf-token', who.csrf).send(body);
  const resolve = (who: LoggedIn, disputeId: string, body: object) =>
    who.agent.post(`/api/disputes/${disputeId}/resolve`).set('x-csrf-token', who.csrf).send(body);
  const collectible = async (ref: string) => collectibleAmounts(h.db.orm.em.fork(), accountId(ref));

  let whole: string;
  let partial: string;

  it('disputes a whole invoice, audits it, tells the workflow and stops collecting it', async () => {
    const response = await openDispute(collector, 'DSP', { reason: 'never delivered', items: [{ invoiceId: await invoiceId('DSP-1') }] });
    expect(response.status).toBe(201);
    whole = response.body.id;
    expect(response.body).toMatchObject({
      status: 'open',
      reason: 'never delivered',
      openedBy: collector.userId,
      items: [{ invoiceNumber: 'DSP-1', amount: eur('5000') }],
    });
    expect(h.collections.of('disputeOpened')).toContainEqual({ kind: 'disputeOpened', accountId: accountId('DSP') });
    expect(await h.db.orm.em.fork().count(AuditLog, { action: 'dispute.opened', entityId: whole })).toBe(1);
    expect(await collectible('DSP')).toMatchObject({ openMinor: 10_000n, disputedMinor: 5_000n, collectibleMinor: 5_000n });
  });

  it('disputes part of an invoice, and refuses a second open dispute on it', async () => {
    const dsp2 = await invoiceId('DSP-2');
    const response = await openDispute(collector, 'DSP', { reason: 'price too high', items: [{ invoiceId: dsp2, amount: eur('1200') }] });
    expect(response.status).toBe(201);
    partial = response.body.id;
    expect(response.body.items).toEqual([{ invoiceId: dsp2, invoiceNumber: 'DSP-2', amount: eur('1200') }]);
    expect(await collectible('DSP')).toMatchObject({ disputedMinor: 6_200n, collectibleMinor: 3_800n });
    const again = await openDispute(collector, 'DSP', { reason: 'again', items: [{ invoiceId: dsp2, amount: eur('100') }] });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invoice-already-disputed');
    const tooMuch = await openDispute(collector, 'DSP', { reason: 'x', items: [{ invoiceId: await invoiceId('DSP-3'), amount: eur('2001') }] });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error.details.fields).toEqual([expect.objectContaining({ path: 'items.0.amount.amountMinor' })]);
    const list = await collector.agent.get(`/api/accounts/${accountId('DSP')}/disputes`);
    expect(list.body.items.map((d: { id: string }) => d.id).sort()).toEqual([whole, partial].sort());
    expect(list.body.balance).toEqual({ open: eur('10000'), disputed: eur('6200'), collectible: eur('3800') });
  });

  it('lets only managers and admins resolve a dispute', async () => {
    const response = await resolve(collector, partial, { resolution: 'valid', note: 'agreed' });
    expect(response.status).toBe(403);
  });

  it('resolving valid credits the disputed amount, lowering the balance, and tells the workflow', async () => {
    const response = await resolve(manager, partial, { resolution: 'valid', note: 'price error confirmed' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'resolved-valid',
      resolvedBy: manager.userId,
      resolutionNote: 'price error confirmed',
      creditNotes: [{ invoiceId: await invoiceId('DSP-2'), amount: eur('1200') }],
    });
    const em = h.db.orm.em.fork();
    expect((await em.findOneOrFail(Invoice, { number: 'DSP-2' })).openMinor).toBe(1_800n);
    expect(await em.count(CreditNote, { dispute: partial })).toBe(1);
    const detail = await manager.agent.get(`/api/accounts/${accountId('DSP')}`);
    expect(detail.body.balance).toEqual([eur('8800')]);
    expect(await collectible('DSP')).toMatchObject({ openMinor: 8_800n, disputedMinor: 5_000n, collectibleMinor: 3_800n });
    expect(h.collections.of('accountChanged')).toContainEqual({ kind: 'accountChanged', accountId: accountId('DSP') });
    expect(await em.count(AuditLog, { action: 'dispute.resolved', entityId: partial })).toBe(1);
    const again = await resolve(manager, partial, { resolution: 'invalid', note: 'changed my mind' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('dispute-not-open');
  });

  it('resolving invalid writes no credit and makes the amount collectible again', async () => {
    const response = await resolve(manager, whole, { resolution: 'invalid', note: 'proof of delivery on file' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'resolved-invalid', creditNotes: [] });
    expect(await h.db.orm.em.fork().count(CreditNote, { dispute: whole })).toBe(0);
    expect(await collectible('DSP')).toEqual({ currency: 'EUR', openMinor: 8_800n, disputedMinor: 0n, collectibleMinor: 8_800n });
  });

  it('does not let a collector open a dispute on an account not assigned to them', async () => {
    const response = await openDispute(collector, 'OTHER', { reason: 'not mine', items: [{ invoiceId: await invoiceId('OTHER-1') }] });
    expect(response.status).toBe(404);
    expect(await h.db.orm.em.fork().count(Dispute, { account: accountId('OTHER') })).toBe(0);
    const byManager = await openDispute(manager, 'OTHER', { reason: 'customer called', items: [{ invoiceId: await invoiceId('OTHER-1') }] });
    expect(byManager.status).toBe(201);
  });

  it('refuses an invoice of another account and a request without CSRF token', async () => {
    const foreign = await openDispute(collector, 'DSP', { reason: 'x', items: [{ invoiceId: await invoiceId('PR-1') }] });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.details.fields).toEqual([expect.objectContaining({ path: 'items.0.invoiceId' })]);
    const noCsrf = await collector.agent.post(`/api/accounts/${accountId('DSP')}/disputes`).send({ reason: 'x', items: [] });
    expect(noCsrf.status).toBe(403);
  });
});
