import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AccountNote,
  AuditLog,
  CallAttempt,
  CollectorTask,
  Communication,
  Contact,
  Dispute,
  Invoice,
  PaymentPlan,
  PaymentPromise,
  type IAccount,
} from '@recoup/db';
import { insertTestAccount, insertTestInvoice } from '@recoup/db/testing';
import { wallClockAt } from '@recoup/domain';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';
import { zoneAtHour } from './support/zone-at-hour.ts';

// The collector inbox and the account 360 over HTTP on real PostgreSQL. The workflow side is a recording client
// here; inbox-workflow.test.ts drives the same outcomes into a real workflow.

let h: Harness;
let manager: LoggedIn;
let c1: LoggedIn;
let c2: LoggedIn;

const DAY = 86_400_000;
const DEBTOR_ZONE = zoneAtHour(14);
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

interface AccountSetup {
  name: string;
  overdueMinor?: bigint;
  dueDaysAgo?: number;
  riskScore?: number | null;
  segment?: string;
  pool?: string | null;
  customerType?: 'consumer' | 'business';
}

async function account(setup: AccountSetup): Promise<IAccount> {
  const em = h.db.orm.em.fork();
    const row = await insertTestAccount(em, { segment: setup.segment ?? 'standard', timeZone: 'UTC', customerType: setup.customerType ?? 'business' });
  row.name = setup.name;
  row.riskScore = setup.riskScore ?? null;
  row.pool = setup.pool ?? null;
  // The debtor is where it is afternoon now, so contact hours have no say in the calls these tests place.
  em.create(Contact, { account: row, name: `${setup.name} AP`, timeZone: DEBTOR_ZONE, isPrimary: true });
  await em.flush();
  if (setup.overdueMinor) await insertTestInvoice(em, row, setup.overdueMinor, { dueDate: daysAgo(setup.dueDaysAgo ?? 10), issueDate: daysAgo(60) });
  return row;
}

let keys = 0;
async function task(accountId: string, assigneeId: string | null, fields: Partial<{ dueAt: Date; priority: 'low' | 'normal' | 'high' | 'urgent'; taskType: 'call' | 'review' | 'escalation'; outcomes: string[] }> = {}) {
  const em = h.db.orm.em.fork();
  const row = em.create(CollectorTask, {
    account: accountId,
    key: `inbox-test-${++keys}`,
    workflowId: `collection-${accountId}`,
    nodeId: 'task-call',
    taskType: fields.taskType ?? 'call',
    title: 'Call the customer about the overdue balance',
    status: 'open',
    assignee: assigneeId,
    outcomes: fields.outcomes ?? ['promise-to-pay', 'payment-plan', 'no-contact', 'wrong-number', 'dispute'],
    dueAt: fields.dueAt ?? new Date(Date.now() + DAY),
    priority: fields.priority ?? 'normal',
  });
  await em.flush();
  return row.id;
}

const post = (who: LoggedIn, path: string, body: unknown = {}) => who.agent.post(path).set('x-csrf-token', who.csrf).send(body as object);
const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

beforeAll(async () => {
  h = await createHarness();
  manager = await h.login('manager');
  c1 = await h.login('collector1');
  c2 = await h.login('collector2');
});
afterAll(async () => {
  await h.close();
});

describe('the collector inbox', () => {
  let big: string;
  let small: string;
  let risky: string;
  let urgent: string;

  beforeAll(async () => {
    const a = await account({ name: 'Bigdebt GmbH', overdueMinor: 125_000_00n, dueDaysAgo: 38, segment: 'key-account' });
    const b = await account({ name: 'Smalldebt Ltd', overdueMinor: 50_00n, dueDaysAgo: 3 });
    const c = await account({ name: 'Risky SA', overdueMinor: 50_00n, dueDaysAgo: 3, riskScore: 950 });
    const d = await account({ name: 'Urgent BV', overdueMinor: 50_00n, dueDaysAgo: 3 });
    big = await task(a.id, c1.userId);
    small = await task(b.id, c1.userId);
    risky = await task(c.id, c1.userId);
    urgent = await task(d.id, c1.userId, { priority: 'urgent', taskType: 'review', outcomes: ['done'] });
  });

  it('lists a collector’s own open tasks most urgent first, with the parts of each score', async () => {
    const response = await c1.agent.get('/api/tasks/inbox');
    expect(response.status).toBe(200);
    expect(ids(response.body)).toEqual([big, urgent, risky, small]);
    const top = response.body.items[0];
    expect(top.ranking.parts).toEqual({
      overdue: { amount: { amountMinor: '12500000', currency: 'EUR' }, points: expect.any(Number) },
      age: { daysPastDue: 38, points: 11 },
      taskOverdue: { hours: 0, points: 0 },
      risk: { score: null, points: 0, source: null, lateProbability: null, reason: null, confidence: null },
      strategy: { priority: 'normal', points: 0 },
    });
    const parts = top.ranking.parts;
    expect(top.ranking.score).toBe(parts.overdue.points + parts.age.points + parts.taskOverdue.points + parts.risk.points + parts.strategy.points);
    expect(top.account).toMatchObject({ name: 'Bigdebt GmbH', segment: 'key-account' });
    expect(response.body.items.find((i: { id: string }) => i.id === risky).ranking.parts.risk).toEqual({ score: 950, points: 19, source: 'imported', lateProbability: null, reason: null, confidence: null });
  });

  it('shows another collector none of these tasks', async () => {
    const response = await c2.agent.get('/api/tasks/inbox');
    expect(ids(response.body)).not.toEqual(expect.arrayContaining([big]));
  });

  it('filters by type, segment and due window, searches names and references, and sorts by due time', async () => {
    expect(ids((await c1.agent.get('/api/tasks/inbox?type=review')).body)).toEqual([urgent]);
    expect(ids((await c1.agent.get('/api/tasks/inbox?segment=key-account')).body)).toEqual([big]);
    expect(ids((await c1.agent.get('/api/tasks/inbox?q=risky')).body)).toEqual([risky]);
    const overdueAccount = await account({ name: 'Latecall Oy', overdueMinor: 10_00n });
    const late = await task(overdueAccount.id, c1.userId, { dueAt: new Date(Date.now() - 2 * 3_600_000) });
    expect(ids((await c1.agent.get('/api/tasks/inbox?due=overdue')).body)).toEqual([late]);
    expect(ids((await c1.agent.get('/api/tasks/inbox?due=today&tz=UTC')).body)).toEqual(
      new Date(Date.now() - 2 * 3_600_000).toISOString().slice(0, 10) === new Date().toISOString().slice(0, 10) ? [late] : [],
    );
    const byDue = await c1.agent.get('/api/tasks/inbox?sort=due');
    expect(byDue.body.items[0].id).toBe(late);
    expect(byDue.body.segments).toEqual(expect.arrayContaining(['key-account', 'standard']));
  });

  it('names the field of a filter it does not understand', async () => {
    const response = await c1.agent.get('/api/tasks/inbox?due=yesterday');
    expect(response.status).toBe(400);
    expect(response.body.error.details.fields[0]).toMatchObject({ in: 'query', path: 'due' });
  });
});

describe('claiming and releasing tasks', () => {
  it('offers unassigned tasks of the collector’s pools, and lets exactly one of two racing collectors claim one', async () => {
    const general = await account({ name: 'Pooled General', overdueMinor: 10_00n, pool: 'general' });
    const highValue = await account({ name: 'Pooled High', overdueMinor: 10_00n, pool: 'high-value' });
    const open = await task(general.id, null);
    const onlyClara = await task(highValue.id, null);
    // collector1 works 'general' and 'high-value'; collector2 only 'general'.
    const claimable = await c1.agent.get('/api/tasks/inbox?scope=claimable');
    expect(claimable.body.error ?? null).toBeNull();
    expect(ids(claimable.body)).toEqual(expect.arrayContaining([open, onlyClara]));
    const colins = ids((await c2.agent.get('/api/tasks/inbox?scope=claimable')).body);
    expect(colins).toContain(open);
    expect(colins).not.toContain(onlyClara);
    expect((await post(c2, `/api/tasks/${onlyClara}/claim`)).status).toBe(404);

    const [first, second] = await Promise.all([post(c1, `/api/tasks/${open}/claim`), post(c2, `/api/tasks/${open}/claim`)]);
    // The loser hears 409 when it read the task while it was still free, and 404 when the winner had committed
    // first: by then the task is someone else's, and someone else's tasks are missing to a collector.
    const loser = first.status === 200 ? second : first;
    expect([first.status, second.status]).toContain(200);
    expect([409, 404]).toContain(loser.status);
    expect(loser.body.error.code).toBe(loser.status === 409 ? 'task-taken' : 'not-found');
    const winner = first.status === 200 ? c1 : c2;
    const row = await h.db.orm.em.fork().findOneOrFail(CollectorTask, { id: open });
    expect(row.assignee?.id).toBe(winner.userId);
    expect(await h.db.orm.em.fork().count(AuditLog, { action: 'task.claimed', entityId: open })).toBe(1);
  });

  it('lets a collector release only their own task, back to the queue, audited', async () => {
    const acc = await account({ name: 'Releasable', overdueMinor: 10_00n });
    const mine = await task(acc.id, c1.userId);
    expect((await post(c2, `/api/tasks/${mine}/release`)).status).toBe(404);
    const released = await post(c1, `/api/tasks/${mine}/release`);
    expect(released.status).toBe(200);
    expect(released.body.assigneeId).toBeNull();
    expect(await h.db.orm.em.fork().count(AuditLog, { action: 'task.released', entityId: mine })).toBe(1);
    expect(ids((await c2.agent.get('/api/tasks/inbox?scope=claimable')).body)).toContain(mine);
  });
});

describe('completing a call', () => {
  it('records a promise to pay, logs the call, and hands both to the workflow', async () => {
    const acc = await account({ name: 'Promiser', overdueMinor: 300_00n });
    const id = await task(acc.id, c1.userId);
    const response = await post(c1, `/api/tasks/${id}/complete`, {
      outcome: 'promise-to-pay',
      promise: { amount: { amountMinor: '30000', currency: 'EUR' }, dueDate: inDays(5) },
      call: { result: 'conversation' },
    });
    expect(response.status).toBe(200);
    const sent = h.collections.of('completeTask').find((c) => c.accountId === acc.id);
    expect(sent?.message).toMatchObject({ outcome: 'promise-to-pay', promise: { amountMinor: '30000', currency: 'EUR' } });
    expect(await h.db.orm.em.fork().count(CallAttempt, { account: acc.id, task: id, outcome: 'conversation' })).toBe(1);
  });

  it('agrees a payment plan over the collectible balance and sends its installments to the workflow', async () => {
    const acc = await account({ name: 'Planner', overdueMinor: 1000_01n });
    const id = await task(acc.id, c1.userId);
    const response = await post(c1, `/api/tasks/${id}/complete`, {
      outcome: 'payment-plan',
      plan: { installments: 3, intervalDays: 30, firstDueDate: inDays(7) },
    });
    expect(response.status).toBe(200);
    const em = h.db.orm.em.fork();
    const plan = await em.findOneOrFail(PaymentPlan, { account: acc.id });
    const installments = await em.find(PaymentPromise, { plan: plan.id }, { orderBy: { installmentNo: 'asc' } });
    expect(installments.map((p) => p.amountMinor)).toEqual([33_334n, 33_334n, 33_333n]);
    expect(installments.map((p) => String(p.dueDate))).toEqual([inDays(7), inDays(37), inDays(67)]);
    const sent = h.collections.of('completeTask').find((c) => c.accountId === acc.id);
    expect(sent?.message.plan).toEqual({ planId: plan.id, installments: expect.arrayContaining([expect.objectContaining({ amountMinor: '33333' })]) });
  });

  it('refuses a plan whose first installment is in the past, naming the field, and writes nothing', async () => {
    const acc = await account({ name: 'Backdated', overdueMinor: 100_00n });
    const id = await task(acc.id, c1.userId);
    const response = await post(c1, `/api/tasks/${id}/complete`, { outcome: 'payment-plan', plan: { installments: 2, intervalDays: 14, firstDueDate: daysAgo(2) } });
    expect(response.status).toBe(422);
    expect(response.body.error.details.fields[0].path).toBe('plan.firstDueDate');
    expect(await h.db.orm.em.fork().count(PaymentPlan, { account: acc.id })).toBe(0);
    expect((await h.db.orm.em.fork().findOneOrFail(CollectorTask, { id })).status).toBe('open');
  });

  it('opens the dispute through the disputes service and then sends the dispute outcome', async () => {
    const acc = await account({ name: 'Disputer', overdueMinor: 200_00n });
    const [invoice] = await h.db.orm.em.fork().find(Invoice, { account: acc.id });
    const id = await task(acc.id, c1.userId);
    const response = await post(c1, `/api/tasks/${id}/complete`, {
      outcome: 'dispute',
      dispute: { reason: 'Goods never arrived', items: [{ invoiceId: invoice?.id }] },
    });
    expect(response.status).toBe(200);
    const dispute = await h.db.orm.em.fork().findOneOrFail(Dispute, { account: acc.id });
    expect(dispute).toMatchObject({ reason: 'Goods never arrived', status: 'open', openedBy: c1.userId });
    const calls = h.collections.calls.filter((c) => c.accountId === acc.id).map((c) => c.kind);
    expect(calls).toEqual(['disputeOpened', 'completeTask']);
  });

  it('sends no contact and wrong number to the workflow as they are', async () => {
    const acc = await account({ name: 'Unreachable', overdueMinor: 200_00n });
    for (const [outcome, result] of [['no-contact', 'no-answer'], ['wrong-number', 'wrong-number']] as const) {
      const id = await task(acc.id, c1.userId);
      const response = await post(c1, `/api/tasks/${id}/complete`, { outcome, call: { result } });
      expect(response.status).toBe(200);
      expect(h.collections.of('completeTask').at(-1)?.message).toEqual({ taskKey: expect.any(String), outcome });
    }
  });

  it('keeps a call-back task open and due again then, tells the workflow nothing, and notes the request', async () => {
    const acc = await account({ name: 'Callbacker', overdueMinor: 200_00n });
    const id = await task(acc.id, c1.userId);
    const before = h.collections.of('completeTask').length;
    const callBackAt = new Date(Date.now() + 2 * DAY).toISOString();
    const response = await post(c1, `/api/tasks/${id}/complete`, { outcome: 'call-back', callBackAt, note: 'after payday', call: { result: 'busy' } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'open', dueAt: callBackAt, outcome: null });
    expect(h.collections.of('completeTask')).toHaveLength(before);
    const notes = await h.db.orm.em.fork().find(AccountNote, { account: acc.id });
    expect(notes.map((n) => n.body)).toEqual([`Call back requested for ${callBackAt}. after payday`]);
    const missing = await post(c1, `/api/tasks/${id}/complete`, { outcome: 'call-back' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.fields[0].path).toBe('callBackAt');
  });

  it('warns before dialling and refuses with 422 a call within seven days after a conversation, saying when calling is allowed', async () => {
    const acc = await account({ name: 'Talked Recently', overdueMinor: 200_00n, customerType: 'consumer' });
    const first = await task(acc.id, c1.userId);
    expect((await c1.agent.get(`/api/tasks/${first}/call-check`)).body).toMatchObject({ allowed: true });
    expect((await post(c1, `/api/tasks/${first}/complete`, { outcome: 'no-contact', call: { result: 'conversation' } })).status).toBe(200);
    const second = await task(acc.id, c1.userId);
    const check = await c1.agent.get(`/api/tasks/${second}/call-check`);
    expect(check.body).toMatchObject({ allowed: false, rules: ['quiet-after-conversation'], nextAllowedAt: expect.any(String) });
    const refused = await post(c1, `/api/tasks/${second}/complete`, { outcome: 'no-contact', call: { result: 'no-answer' } });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'call-limit', details: { rules: ['quiet-after-conversation'] } });
    expect(refused.body.error.message).toContain('no call within 7 days after a conversation');
    expect(refused.body.error.message).toContain(`Calling is allowed again from ${check.body.nextAllowedAt}`);
    expect((await h.db.orm.em.fork().findOneOrFail(CollectorTask, { id: second })).status).toBe('open');
  });

  it('refuses the eighth call in seven days with 422 naming the rule', async () => {
    const acc = await account({ name: 'Called Often', overdueMinor: 200_00n });
    const em = h.db.orm.em.fork();
    for (let n = 1; n <= 7; n++) em.create(CallAttempt, { account: acc.id, placedAt: new Date(Date.now() - n * 20 * 3_600_000), outcome: 'no-answer' });
    await em.flush();
    const id = await task(acc.id, c1.userId);
    const refused = await post(c1, `/api/tasks/${id}/complete`, { outcome: 'no-contact', call: { result: 'no-answer' } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.rules).toEqual(['max-attempts-in-window']);
    expect(refused.body.error.message).toContain('at most 7 calls in 7 days');
  });
});

describe('the account 360', () => {
  let acc: IAccount;

  beforeAll(async () => {
    acc = await account({ name: 'Three Sixty Ltd', overdueMinor: 500_00n, dueDaysAgo: 45 });
    await task(acc.id, c1.userId);
    const em = h.db.orm.em.fork();
    em.create(Communication, {
      account: acc.id,
      key: `c360-${acc.id}`,
      channel: 'email',
      direction: 'outbound',
      templateKey: 'overdue-7',
      toAddress: 'ap@three-sixty.example',
      subject: 'Your overdue invoice',
      bodyText: 'Dear Three Sixty Ltd, please pay 500.00 EUR.',
      bodyHtml: null,
      status: 'sent',
      workflowId: `collection-${acc.id}`,
      nodeId: 'remind-overdue-7',
      sentAt: new Date(),
    });
    await em.flush();
  });

  it('gathers contacts, aged invoices, promises, disputes, tasks, notes and the debtor’s clock', async () => {
    const response = await c1.agent.get(`/api/accounts/${acc.id}`);
    expect(response.status).toBe(200);
    expect(response.body.invoices[0]).toMatchObject({ daysPastDue: 45, agingBucket: '31-60' });
    expect(response.body.debtorLocalTime).toMatchObject({
      timeZone: DEBTOR_ZONE,
      date: wallClockAt(new Date(), DEBTOR_ZONE).date,
      time: expect.stringMatching(/^\d\d:\d\d$/),
      withinContactHours: true,
      explanation: expect.stringContaining(`recorded as ${DEBTOR_ZONE}`),
    });
    expect(response.body.tasks).toHaveLength(1);
    expect(response.body).toMatchObject({ promises: [], disputes: [], notes: [] });
    expect(response.body.communications[0]).toMatchObject({ subject: 'Your overdue invoice', hasBody: true });
  });

  it('shows the body of a message as it was rendered', async () => {
    const list = await c1.agent.get(`/api/accounts/${acc.id}`);
    const message = await c1.agent.get(`/api/accounts/${acc.id}/communications/${list.body.communications[0].id}`);
    expect(message.status).toBe(200);
    expect(message.body.bodyText).toBe('Dear Three Sixty Ltd, please pay 500.00 EUR.');
  });

  it('adds a note, audited, and shows it newest first; an empty note names the field', async () => {
    const added = await post(c1, `/api/accounts/${acc.id}/notes`, { body: 'Spoke to AP, invoice approved for payment run.' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ authorId: c1.userId, authorName: 'Clara Collector' });
    expect(await h.db.orm.em.fork().count(AuditLog, { action: 'account-note.added', entityId: added.body.id })).toBe(1);
    const detail = await c1.agent.get(`/api/accounts/${acc.id}`);
    expect(detail.body.notes.map((n: { body: string }) => n.body)).toEqual(['Spoke to AP, invoice approved for payment run.']);
    const empty = await post(c1, `/api/accounts/${acc.id}/notes`, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.fields[0].path).toBe('body');
  });

  it('answers 404 for another collector’s account on every account route', async () => {
    for (const path of ['', '/timeline', '/notes', `/communications/${acc.id}`]) {
      expect((await c2.agent.get(`/api/accounts/${acc.id}${path}`)).status).toBe(404);
    }
    expect((await post(c2, `/api/accounts/${acc.id}/notes`, { body: 'sneaky' })).status).toBe(404);
    expect((await manager.agent.get(`/api/accounts/${acc.id}/notes`)).status).toBe(200);
  });

  it('says in words why the decision timeline is missing when the workflow has nothing to show', async () => {
    const response = await c1.agent.get(`/api/accounts/${acc.id}/timeline`);
    expect(response.status).toBe(200);
    expect(response.body.unavailable === null || typeof response.body.unavailable === 'string').toBe(true);
    expect(Array.isArray(response.body.steps)).toBe(true);
  });
});
