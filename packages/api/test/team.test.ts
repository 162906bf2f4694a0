import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Account, AppUser, AuditLog, CollectorTask } from '@recoup/db';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';

let h: Harness;
let admin: LoggedIn;
let manager: LoggedIn;
let otherManager: LoggedIn;
let c1: LoggedIn;
let c2Id: string;
let c3Id: string;
let outsiderId: string;
const accounts: Record<'mine' | 'theirs' | 'queue' | 'spare', string> = { mine: '', theirs: '', queue: '', spare: '' };

const NOW = new Date();
const PAST = new Date(NOW.getTime() - 3 * 86_400_000);
const FUTURE = new Date(NOW.getTime() + 3 * 86_400_000);

const makeTask = async (accountId: string, assigneeId: string | null, options: { dueAt?: Date; status?: 'open' | 'done' } = {}): Promise<string> => {
  const em = h.db.orm.em.fork();
  const id = randomUUID();
  const done = options.status === 'done';
  em.create(CollectorTask, {
    id,
    account: accountId,
    key: `team-${id}`,
    workflowId: `collection-${accountId}`,
    nodeId: 'call-node',
    taskType: 'call',
    title: 'Call the customer',
    status: options.status ?? 'open',
    assignee: assigneeId,
    outcomes: ['promised', 'refused'],
    outcome: done ? 'promised' : null,
    completedAt: done ? PAST : null,
    dueAt: options.dueAt ?? FUTURE,
  });
  await em.flush();
  return id;
};

const assign = async (accountId: string, collectorId: string | null): Promise<void> => {
  const em = h.db.orm.em.fork();
  const account = await em.findOneOrFail(Account, { id: accountId });
  account.assignedCollector = collectorId ? em.getReference(AppUser, collectorId) : null;
  await em.flush();
};

const taskAssignee = async (id: string): Promise<string | null> =>
  (await h.db.orm.em.fork().findOneOrFail(CollectorTask, { id })).assignee?.id ?? null;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  manager = await h.login('manager');
  c1 = await h.login('collector1');
  c2Id = await h.userId('collector2');
  c3Id = await h.userId('collector3');
  const otherManagerId = await h.addUser({ email: 'manager2@recoup.local', name: 'Mia Manager', role: 'manager' });
  outsiderId = await h.addUser({ email: 'outsider@recoup.local', name: 'Otto Outsider', role: 'collector', managerId: otherManagerId });
  otherManager = await h.loginAs('manager2@recoup.local');
  const imported = await manager.agent
    .post('/api/imports/portfolio.csv')
    .set('x-csrf-token', manager.csrf)
    .set('content-type', 'text/csv')
    .send(
      'account_ref,account_name,customer_type,time_zone,invoice_number,issue_date,due_date,amount_minor,currency\n' +
        'TM-1,Mine Ltd,business,Europe/London,TM1-1,2020-01-01,2020-02-01,1000,GBP\n' +
        'TM-1,Mine Ltd,business,Europe/London,TM1-2,2020-01-01,2020-02-01,250,EUR\n' +
        'TM-2,Theirs Ltd,business,Europe/London,TM2-1,2020-01-01,2020-02-01,2000,GBP\n' +
        'TM-3,Queue Ltd,business,Europe/London,TM3-1,2020-01-01,2020-02-01,3000,GBP\n' +
        'TM-4,Spare Ltd,business,Europe/London,TM4-1,2020-01-01,2020-02-01,4000,GBP\n',
    );
  expect(imported.status).toBe(201);
  const em = h.db.orm.em.fork();
  accounts.mine = (await em.findOneOrFail(Account, { externalRef: 'TM-1' })).id;
  accounts.theirs = (await em.findOneOrFail(Account, { externalRef: 'TM-2' })).id;
  accounts.queue = (await em.findOneOrFail(Account, { externalRef: 'TM-3' })).id;
  accounts.spare = (await em.findOneOrFail(Account, { externalRef: 'TM-4' })).id;
  await assign(accounts.mine, c1.userId);
  await assign(accounts.theirs, outsiderId);
  await assign(accounts.queue, null);
  await assign(accounts.spare, c3Id);
});
afterAll(async () => {
  await h.close();
});

describe('team workload', () => {
  it("shows a manager their team's open and overdue tasks, accounts, balances and utilisation, and the queue", async () => {
    await makeTask(accounts.mine, c1.userId, { dueAt: PAST });
    await makeTask(accounts.mine, c1.userId);
    await makeTask(accounts.mine, c1.userId, { status: 'done' });
    await makeTask(accounts.queue, null, { dueAt: PAST });
    const em = h.db.orm.em.fork();
    const collector1 = await em.findOneOrFail(AppUser, { id: c1.userId });
    collector1.capacity = 4;
    await em.flush();

    const response = await manager.agent.get('/api/team/workload');
    expect(response.status).toBe(200);
    const names = response.body.collectors.map((c: { name: string }) => c.name);
    expect(names).toEqual(['Chiara Collector', 'Clara Collector', 'Colin Collector']);
    const clara = response.body.collectors.find((c: { id: string }) => c.id === c1.userId);
    expect(clara).toMatchObject({
      openTasks: 2,
      overdueTasks: 1,
      accounts: 1,
      owingAccounts: 1,
      capacity: 4,
      utilisationPercent: 50,
      openBalance: [
        { amountMinor: '250', currency: 'EUR' },
        { amountMinor: '1000', currency: 'GBP' },
      ],
    });
    expect(response.body.queue).toMatchObject({ openTasks: 1, overdueTasks: 1, accounts: 1, openBalance: [{ amountMinor: '3000', currency: 'GBP' }] });
  });

  it('shows an admin every collector, and refuses a collector with 403', async () => {
    const all = await admin.agent.get('/api/team/workload');
    expect(all.body.collectors.map((c: { id: string }) => c.id)).toContain(outsiderId);
    const refused = await c1.agent.get('/api/team/workload');
    expect(refused.status).toBe(403);
  });
});

describe('reassigning tasks', () => {
  it('moves queued tasks to a collector of the team and audits each move', async () => {
    const queued = await makeTask(accounts.queue, null);
    const response = await manager.agent
      .post('/api/team/tasks/reassign')
      .set('x-csrf-token', manager.csrf)
      .send({ taskIds: [queued], collectorId: c2Id });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ collectorId: c2Id, reassigned: [queued], unchanged: [], movedTasks: 0 });
    expect(await taskAssignee(queued)).toBe(c2Id);
    const entries = await h.db.orm.em.fork().find(AuditLog, { action: 'task.reassigned', entityId: queued });
    expect(entries.map((e) => e.details)).toEqual([{ accountId: accounts.queue, from: null, to: c2Id }]);
  });

  it("refuses a collector outside the manager's team with 422 naming collectorId", async () => {
    const queued = await makeTask(accounts.queue, null);
    const response = await manager.agent
      .post('/api/team/tasks/reassign')
      .set('x-csrf-token', manager.csrf)
      .send({ taskIds: [queued], collectorId: outsiderId });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      code: 'collector-outside-team',
      details: { fields: [{ in: 'body', path: 'collectorId', reason: expect.stringContaining('not on your team') }] },
    });
    expect(await taskAssignee(queued)).toBeNull();
  });

  it("answers 404 for another team's task and moves none of the batch", async () => {
    const queued = await makeTask(accounts.queue, null);
    const theirs = await makeTask(accounts.theirs, outsiderId);
    const response = await manager.agent
      .post('/api/team/tasks/reassign')
      .set('x-csrf-token', manager.csrf)
      .send({ taskIds: [queued, theirs], collectorId: c2Id });
    expect(response.status).toBe(404);
    expect(await taskAssignee(queued)).toBeNull();
    expect(await taskAssignee(theirs)).toBe(outsiderId);
  });

  it('refuses a done task with 409 and a repeated id with 400', async () => {
    const done = await makeTask(accounts.mine, c1.userId, { status: 'done' });
    const closed = await manager.agent.post('/api/team/tasks/reassign').set('x-csrf-token', manager.csrf).send({ taskIds: [done], collectorId: c2Id });
    expect(closed.status).toBe(409);
    expect(closed.body.error).toMatchObject({ code: 'task-not-open', details: { taskIds: [done] } });
    const twice = await manager.agent.post('/api/team/tasks/reassign').set('x-csrf-token', manager.csrf).send({ taskIds: [done, done], collectorId: c2Id });
    expect(twice.status).toBe(400);
    expect(twice.body.error.details.fields[0]).toMatchObject({ path: 'taskIds' });
  });
});

describe('reassigning accounts', () => {
  it('gives the account to the collector and its open tasks follow, while done tasks keep who worked them', async () => {
    const open = await makeTask(accounts.spare, c3Id);
    const done = await makeTask(accounts.spare, c3Id, { status: 'done' });
    const response = await manager.agent
      .post('/api/team/accounts/reassign')
      .set('x-csrf-token', manager.csrf)
      .send({ accountIds: [accounts.spare], collectorId: c2Id });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ reassigned: [accounts.spare], movedTasks: 1 });
    expect((await h.db.orm.em.fork().findOneOrFail(Account, { id: accounts.spare })).assignedCollector?.id).toBe(c2Id);
    expect(await taskAssignee(open)).toBe(c2Id);
    expect(await taskAssignee(done)).toBe(c3Id);
    const [entry] = await h.db.orm.em.fork().find(AuditLog, { action: 'account.reassigned', entityId: accounts.spare });
    expect(entry?.details).toEqual({ from: c3Id, to: c2Id, movedTaskIds: [open] });
  });

  it("answers 404 for another team's account", async () => {
    const response = await manager.agent
      .post('/api/team/accounts/reassign')
      .set('x-csrf-token', manager.csrf)
      .send({ accountIds: [accounts.theirs], collectorId: c2Id });
    expect(response.status).toBe(404);
    expect((await h.db.orm.em.fork().findOneOrFail(Account, { id: accounts.theirs })).assignedCollector?.id).toBe(outsiderId);
  });

  it("lets the other manager reassign within their own team, and not to the first manager's collectors", async () => {
    const refused = await otherManager.agent
      .post('/api/team/accounts/reassign')
      .set('x-csrf-token', otherManager.csrf)
      .send({ accountIds: [accounts.theirs], collectorId: c2Id });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('collector-outside-team');
  });
});

describe('collector settings', () => {
  it('changes capacity, skills and pools of a team collector and audits before and after', async () => {
    const response = await manager.agent
      .patch(`/api/team/collectors/${c2Id}`)
      .set('x-csrf-token', manager.csrf)
      .send({ capacity: 30, skills: ['Spanish', 'english'], pools: ['consumer'] });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: c2Id, capacity: 30, skills: ['english', 'spanish'], pools: ['consumer'] });
    const [entry] = await h.db.orm.em.fork().find(AuditLog, { action: 'collector.settings-changed', entityId: c2Id });
    expect(entry?.details).toEqual({
      before: { capacity: 50, skills: ['english'], pools: ['general'] },
      after: { capacity: 30, skills: ['english', 'spanish'], pools: ['consumer'] },
    });
  });

  it('refuses a negative capacity and a malformed skill with 400 naming the field', async () => {
    const response = await manager.agent
      .patch(`/api/team/collectors/${c2Id}`)
      .set('x-csrf-token', manager.csrf)
      .send({ capacity: -1, skills: ['no spaces'] });
    expect(response.status).toBe(400);
    const paths = response.body.error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['capacity', 'skills.0']));
  });

  it("answers 404 for a collector on another team", async () => {
    const response = await manager.agent.patch(`/api/team/collectors/${outsiderId}`).set('x-csrf-token', manager.csrf).send({ capacity: 5 });
    expect(response.status).toBe(404);
  });
});

describe('scoped lists', () => {
  it("lists a manager's team's, own and unassigned tasks and accounts, and never another team's", async () => {
    const theirs = await makeTask(accounts.theirs, outsiderId);
    const tasks = await manager.agent.get('/api/tasks?limit=500');
    const ids = tasks.body.items.map((t: { id: string }) => t.id);
    expect(ids).not.toContain(theirs);
    expect(tasks.body.items.every((t: { assigneeId: string | null }) => t.assigneeId !== outsiderId)).toBe(true);
    const asked = await manager.agent.get(`/api/tasks?assignee=${outsiderId}`);
    expect(asked.body.items).toEqual([]);
    const list = await manager.agent.get('/api/accounts?q=ltd');
    expect(list.body.items.map((a: { name: string }) => a.name).sort()).toEqual(['Mine Ltd', 'Queue Ltd', 'Spare Ltd']);
    const other = await otherManager.agent.get('/api/accounts?q=ltd');
    expect(other.body.items.map((a: { name: string }) => a.name).sort()).toEqual(['Queue Ltd', 'Theirs Ltd']);
    const queue = await manager.agent.get('/api/accounts?assignee=none');
    expect(queue.body.items.map((a: { name: string }) => a.name)).toEqual(['Queue Ltd']);
  });
});
