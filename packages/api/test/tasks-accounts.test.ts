import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Account, AuditLog, CollectorTask } from '@recoup/db';
import { TaskOutcomeRefusedError } from '@recoup/workflows';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';

let h: Harness;
let manager: LoggedIn;
let c1: LoggedIn;
let c2: LoggedIn;
let accountA: string;
let accountB: string;

const makeTask = async (accountId: string, assigneeId: string | null, key: string): Promise<string> => {
  const em = h.db.orm.em.fork();
  const id = randomUUID();
  em.create(CollectorTask, {
    id,
    account: accountId,
    key,
    workflowId: `collection-${accountId}`,
    nodeId: 'call-node',
    taskType: 'call',
    title: 'Call the customer',
    status: 'open',
    assignee: assigneeId,
    outcomes: ['promised', 'refused'],
    dueAt: new Date('2025-03-01T10:00:00Z'),
  });
  await em.flush();
  return id;
};

beforeAll(async () => {
  h = await createHarness();
  manager = await h.login('manager');
  c1 = await h.login('collector1');
  c2 = await h.login('collector2');
  const imported = await manager.agent
    .post('/api/imports/portfolio.csv')
    .set('x-csrf-token', manager.csrf)
    .set('content-type', 'text/csv')
    .send(
      'account_ref,account_name,customer_type,time_zone,invoice_number,issue_date,due_date,amount_minor,currency\n' +
        'T-A,Alpha Ltd,business,Europe/London,TA-1,2020-01-01,2020-02-01,1000,GBP\n' +
        'T-B,Beta Ltd,business,Europe/London,TB-1,2099-01-01,2099-02-01,2000,GBP\n',
    );
  expect(imported.status).toBe(201);
  const em = h.db.orm.em.fork();
  accountA = (await em.findOneOrFail(Account, { externalRef: 'T-A' })).id;
  accountB = (await em.findOneOrFail(Account, { externalRef: 'T-B' })).id;
});
afterAll(async () => {
  await h.close();
});

describe('tasks', () => {
  it('shows a collector only their own tasks, and managers every task', async () => {
    const mine = await makeTask(accountA, c1.userId, 'k-list-1');
    const theirs = await makeTask(accountB, c2.userId, 'k-list-2');
    const list1 = await c1.agent.get('/api/tasks');
    expect(list1.status).toBe(200);
    expect(list1.body.items.map((t: { id: string }) => t.id)).toEqual([mine]);
    expect(list1.body.items[0]).toMatchObject({ accountName: 'Alpha Ltd', outcomes: ['promised', 'refused'] });
    const all = await manager.agent.get('/api/tasks?status=open');
    expect(all.body.items.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining([mine, theirs]));
    const filtered = await manager.agent.get(`/api/tasks?assignee=${c2.userId}`);
    expect(filtered.body.items.map((t: { id: string }) => t.id)).toEqual([theirs]);
  });

  it("answers 404 to a collector asking for another collector's task, and 403 to listing them", async () => {
    const theirs = await makeTask(accountB, c2.userId, 'k-other-1');
    expect((await c1.agent.get(`/api/tasks/${theirs}`)).status).toBe(404);
    expect((await c2.agent.get(`/api/tasks/${theirs}`)).status).toBe(200);
    const complete = await c1.agent.post(`/api/tasks/${theirs}/complete`).set('x-csrf-token', c1.csrf).send({ outcome: 'promised' });
    expect(complete.status).toBe(404);
    expect((await c1.agent.get(`/api/tasks?assignee=${c2.userId}`)).status).toBe(403);
  });

  it('refuses an outcome the task does not offer with 422', async () => {
    const id = await makeTask(accountA, c1.userId, 'k-bad-outcome');
    const response = await c1.agent.post(`/api/tasks/${id}/complete`).set('x-csrf-token', c1.csrf).send({ outcome: 'vanished' });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ code: 'unknown-outcome', details: { allowed: ['promised', 'refused', 'call-back'] } });
  });

  it('completes a task, tells the workflow, audits it, and refuses a second completion with 409', async () => {
    const id = await makeTask(accountA, c1.userId, 'k-complete');
    const response = await c1.agent
      .post(`/api/tasks/${id}/complete`)
      .set('x-csrf-token', c1.csrf)
      .send({ outcome: 'promised', note: 'pays Friday' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'done', outcome: 'promised', note: 'pays Friday', completedBy: c1.userId });
    expect(h.collections.of('completeTask')).toContainEqual({
      kind: 'completeTask',
      accountId: accountA,
      message: { taskKey: 'k-complete', outcome: 'promised' },
    });
    expect(await h.db.orm.em.fork().count(AuditLog, { action: 'task.completed', entityId: id })).toBe(1);
    const again = await c1.agent.post(`/api/tasks/${id}/complete`).set('x-csrf-token', c1.csrf).send({ outcome: 'refused' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('task-not-open');
  });

  it('leaves the task open when the workflow refuses the outcome (409) or cannot be reached (503)', async () => {
    const id = await makeTask(accountA, c1.userId, 'k-refused');
    h.collections.completeTaskError = new TaskOutcomeRefusedError('the workflow waits for another task');
    const refused = await c1.agent.post(`/api/tasks/${id}/complete`).set('x-csrf-token', c1.csrf).send({ outcome: 'promised' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('workflow-refused-outcome');
    h.collections.completeTaskError = new Error('connect ECONNREFUSED 127.0.0.1:7233');
    const down = await c1.agent.post(`/api/tasks/${id}/complete`).set('x-csrf-token', c1.csrf).send({ outcome: 'promised' });
    expect(down.status).toBe(503);
    expect(down.body.error.message).not.toContain('ECONNREFUSED');
    h.collections.completeTaskError = null;
    const task = await h.db.orm.em.fork().findOneOrFail(CollectorTask, { id });
    expect(task.status).toBe('open');
    expect(task.outcome).toBeNull();
  });
});

describe('accounts', () => {
  it('lists accounts with balances; a collector sees only accounts with their tasks or assignment', async () => {
    const all = await manager.agent.get('/api/accounts?q=ltd');
    expect(all.body.total).toBe(2);
    expect(all.body.items.find((a: { externalRef: string }) => a.externalRef === 'T-A').balance).toEqual([
      { amountMinor: '1000', currency: 'GBP' },
    ]);
    const c1List = await c1.agent.get('/api/accounts');
    expect(c1List.body.items.map((a: { id: string }) => a.id)).toEqual([accountA]);
  });

  it('shows an account with aged invoices and its workflow, or the reason the workflow is missing', async () => {
    const detail = await manager.agent.get(`/api/accounts/${accountA}`);
    expect(detail.status).toBe(200);
    expect(detail.body.invoices[0]).toMatchObject({ number: 'TA-1', agingBucket: '90+', status: 'open' });
    expect(detail.body.balance).toEqual([{ amountMinor: '1000', currency: 'GBP' }]);
    expect(detail.body.workflow).toMatchObject({ accountId: accountA });
    const future = await manager.agent.get(`/api/accounts/${accountB}`);
    expect(future.body.invoices[0].agingBucket).toBe('current');

    h.collections.stateError = new Error('Temporal is down');
    const down = await manager.agent.get(`/api/accounts/${accountA}`);
    h.collections.stateError = null;
    expect(down.status).toBe(200);
    expect(down.body.workflow).toBeNull();
    expect(down.body.workflowError).toMatch(/Temporal is down/);
  });

  it('answers 404 to a collector asking for an account that is not theirs', async () => {
    const response = await c2.agent.get(`/api/accounts/${accountA}`);
    expect(response.status).toBe(404);
  });
});

describe('admin history', () => {
  it('gives admins the readable and the raw history, and nobody else', async () => {
    const admin = await h.login('admin');
    const readable = await admin.agent.get(`/api/admin/accounts/${accountA}/history`);
    expect(readable.status).toBe(200);
    expect(readable.body.events[0].eventType).toBe('WorkflowExecutionStarted');
    const raw = await admin.agent.get(`/api/admin/accounts/${accountA}/history.json`);
    expect(raw.headers['content-disposition']).toMatch(/^attachment; filename="?collection-[0-9a-f-]+-history\.json"?$/);
    expect(JSON.parse(raw.text)).toEqual({ events: [{ eventId: '1', accountId: accountA }] });
    expect((await manager.agent.get(`/api/admin/accounts/${accountA}/history`)).status).toBe(403);
  });
});
