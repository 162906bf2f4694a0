import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { wallClockAt } from '@recoup/domain';
import { ApiSession, eventually } from '../support/api-session.ts';
import { daytimeZone } from '../support/daytime-zone.ts';
import { launchSystem, type LaunchedSystem } from '../support/launched-system.ts';
import { advanceTimeTo, systemTime } from '../support/system-clock.ts';

// The chain a collector, a manager and an admin see when a promise to pay is broken, on the whole running system
// (launcher, worker process, API, embedded PostgreSQL) with Temporal's time-skipping test server in place of the
// dev server: a promise is judged only once its date and grace days have passed, which the test reaches by
// moving Temporal's clock rather than by waiting days.

const DAY = 86_400_000;
const SEGMENT = 'e2e-promise-chain';
// Calls are placed only between 08:00 and 21:00 on the debtor's clock: the debtor lives where it is early afternoon.
const DEBTOR_ZONE = daytimeZone();
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

/** start -> call; a promise to pay waits for its judgement, and a broken one escalates to a manager's review. */
const promiseChain = {
  nodes: [
    { id: 'start', type: 'start', position: { x: 300, y: 0 }, label: 'Start', data: {} },
    {
      id: 'call',
      type: 'task',
      position: { x: 300, y: 120 },
      label: 'Call the customer',
      data: {
        taskType: 'call',
        title: 'Call about the overdue invoice',
        assignment: 'least-loaded',
        outcomes: ['promise-to-pay', 'no-contact'],
        dueInHours: 24,
        awaitOutcome: true,
      },
    },
    {
      id: 'await-promise',
      type: 'wait-for-event',
      position: { x: 200, y: 240 },
      label: 'Wait for the promise',
      data: { events: ['promise-kept', 'promise-broken'], timeoutDays: 30, timeoutHours: 0 },
    },
    {
      id: 'escalate-broken',
      type: 'escalate',
      position: { x: 100, y: 360 },
      label: 'Manager review of the broken promise',
      data: { level: 2, action: 'manager-review' },
    },
    { id: 'after-review', type: 'wait', position: { x: 100, y: 480 }, label: 'Two weeks for the review', data: { mode: 'duration', days: 14 } },
    { id: 'end-reviewed', type: 'end', position: { x: 100, y: 600 }, label: 'Reviewed', data: { outcome: 'completed' } },
    { id: 'end-kept', type: 'end', position: { x: 300, y: 360 }, label: 'Promise kept', data: { outcome: 'completed' } },
    { id: 'end-no-contact', type: 'end', position: { x: 500, y: 240 }, label: 'No contact', data: { outcome: 'completed' } },
  ],
  edges: [
    { id: 'e-start', source: 'start', target: 'call' },
    { id: 'e-promise', source: 'call', target: 'await-promise', sourceHandle: 'promise-to-pay' },
    { id: 'e-no-contact', source: 'call', target: 'end-no-contact', sourceHandle: 'no-contact' },
    { id: 'e-broken', source: 'await-promise', target: 'escalate-broken', sourceHandle: 'promise-broken' },
    { id: 'e-kept', source: 'await-promise', target: 'end-kept', sourceHandle: 'promise-kept' },
    { id: 'e-timeout', source: 'await-promise', target: 'end-kept', sourceHandle: 'timeout' },
    { id: 'e-escalated', source: 'escalate-broken', target: 'after-review' },
    { id: 'e-reviewed', source: 'after-review', target: 'end-reviewed' },
  ],
};

interface Task {
  id: string;
  accountId: string;
  nodeId: string;
  taskType: string;
  title: string;
  status: string;
  assigneeId: string | null;
  outcome: string | null;
}
interface PromiseView {
  id: string;
  status: string;
  until: string;
  taskId: string | null;
}
interface AccountDetail {
  tasks: Task[];
  workflow: { nodeId: string; status: string } | null;
}
interface HistoryEvent {
  eventType: string;
  summary: string;
  details: Record<string, unknown>;
}

describe("a broken promise to pay, from the collector's call to the manager's review and the admin's history", () => {
  let system: LaunchedSystem;
  let admin: ApiSession;
  let manager: ApiSession;
  let managerId: string;
  const collectors = new Map<string, ApiSession>();
  let accountId: string;
  let callTask: Task;
  let promise: PromiseView;

  beforeAll(async () => {
    system = await launchSystem({ temporal: 'time-skipping' });
    admin = await ApiSession.login(system.apiUrl, 'admin@recoup.local', 'demo-password');
    manager = await ApiSession.login(system.apiUrl, 'manager@recoup.local', 'demo-password');
    managerId = (await manager.get<{ user: { id: string } }>('/api/auth/me')).user.id;
    for (const n of [1, 2, 3]) {
      const session = await ApiSession.login(system.apiUrl, `collector${n}@recoup.local`, 'demo-password');
      collectors.set((await session.get<{ user: { id: string } }>('/api/auth/me')).user.id, session);
    }
  }, 300_000);

  afterAll(async () => {
    await system?.stop();
  }, 90_000);

  it("runs the strategy a manager publishes for the segment, up to a call task in a collector's inbox", async () => {
    const created = await manager.request('POST', '/api/strategies', { name: 'Promise follow-up (e2e)', draft: promiseChain });
    expect(created.status).toBe(201);
    const published = await manager.request('POST', `/api/strategies/${(created.body as { id: string }).id}/publish`);
    expect(published.status).toBe(201);
    const versionId = (published.body as { id: string }).id;
    const assigned = await manager.request('PUT', `/api/strategy-assignments/${SEGMENT}`, { splits: [{ strategyVersionId: versionId, percent: 100 }] });
    expect(assigned.status).toBe(200);

    const imported = await admin.request('POST', '/api/imports/portfolio', {
      accounts: [
        {
          externalRef: 'E2E-PTP',
          name: 'Juniper & Vale Ltd',
          customerType: 'consumer',
          segment: SEGMENT,
          currency: 'EUR',
          timeZone: DEBTOR_ZONE,
          contacts: [
            {
              name: 'Jo Vale',
              email: 'jo@juniper-vale.example',
              phone: '+44 20 7946 0018',
              timeZone: DEBTOR_ZONE,
              isPrimary: true,
              consent: { email: true, sms: false, phone: true, letter: false },
            },
          ],
          invoices: [{ number: 'E2E-PTP-1', issueDate: isoDate(-45), dueDate: isoDate(-15), amount: { amountMinor: '50000', currency: 'EUR' } }],
        },
      ],
    });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ workflowsStarted: 1 });
    const found = await admin.get<{ items: { id: string; externalRef: string }[] }>('/api/accounts?q=E2E-PTP&limit=10');
    accountId = found.items.find((a) => a.externalRef === 'E2E-PTP')?.id ?? '';
    expect(accountId).not.toBe('');

    callTask = await eventually('the call task of the account', async () => {
      const detail = await admin.get<AccountDetail>(`/api/accounts/${accountId}`);
      return detail.tasks.find((t) => t.nodeId === 'call');
    });
    expect(callTask).toMatchObject({ taskType: 'call', title: 'Call about the overdue invoice', status: 'open' });
    expect(callTask.assigneeId).not.toBeNull();
    const inbox = await collectorOf(callTask).get<{ items: Task[] }>('/api/tasks?status=open&limit=500');
    expect(inbox.items.map((t) => t.id)).toContain(callTask.id);
  });

  it('records the promise the collector takes on the call and waits for it at the wait-for-event node', async () => {
    const collector = collectorOf(callTask);
    const dueDate = wallClockAt(new Date(), DEBTOR_ZONE).date;
    const completed = await collector.request('POST', `/api/tasks/${callTask.id}/complete`, {
      outcome: 'promise-to-pay',
      note: 'Will pay in full today.',
      promise: { amount: { amountMinor: '50000', currency: 'EUR' }, dueDate, graceDays: 0 },
    });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ id: callTask.id, status: 'done', outcome: 'promise-to-pay' });

    const promises = await collector.get<{ items: PromiseView[] }>(`/api/accounts/${accountId}/promises`);
    expect(promises.items).toEqual([expect.objectContaining({ status: 'open', taskId: callTask.id })]);
    promise = promises.items[0] as PromiseView;
    const waiting = await eventually('the run waiting for the promise', async () => {
      const detail = await admin.get<AccountDetail>(`/api/accounts/${accountId}`);
      return detail.workflow?.nodeId === 'await-promise' ? detail.workflow : undefined;
    });
    expect(waiting).toMatchObject({ status: 'running' });
    // Nothing is judged before the deadline: the escalation does not exist yet.
    expect((await admin.get<AccountDetail>(`/api/accounts/${accountId}`)).tasks.filter((t) => t.taskType === 'escalation')).toEqual([]);
  });

  it("judges the promise broken once Temporal's clock passes its deadline and gives the manager a review task", async () => {
    expect(Date.parse(promise.until)).toBeGreaterThan((await systemTime(system)).getTime());
    await advanceTimeTo(system, new Date(Date.parse(promise.until) + 60 * 60_000));

    const broken = await eventually('the promise judged broken', async () => {
      const list = await admin.get<{ items: PromiseView[] }>(`/api/accounts/${accountId}/promises`);
      return list.items.find((p) => p.id === promise.id && p.status === 'broken');
    });
    expect(broken.until).toBe(promise.until);

    const review = await eventually("the manager's review task", async () => {
      const inbox = await manager.get<{ items: Task[] }>('/api/tasks?assignee=me&status=open&limit=500');
      return inbox.items.find((t) => t.accountId === accountId);
    });
    expect(review).toMatchObject({
      taskType: 'escalation',
      nodeId: 'escalate-broken',
      status: 'open',
      assigneeId: managerId,
      title: expect.stringContaining('Escalation: review the account (level 2)'),
    });
    // A review is the manager's: the collector who took the promise does not see it.
    const collector = collectorOf(callTask);
    expect((await collector.request('GET', `/api/tasks/${review.id}`)).status).toBe(404);
    const collectorInbox = await collector.get<{ items: Task[] }>('/api/tasks?status=open&limit=500');
    expect(collectorInbox.items.map((t) => t.id)).not.toContain(review.id);

    const detail = await eventually('the run past the escalation', async () => {
      const d = await admin.get<AccountDetail>(`/api/accounts/${accountId}`);
      return d.workflow?.nodeId === 'after-review' ? d : undefined;
    });
    expect(detail.workflow).toMatchObject({ status: 'running' });
  });

  it("shows the admin the account's history with the outcome, the promise timer, the judgement and the escalation in order", async () => {
    const history = await admin.get<{ events: HistoryEvent[] }>(`/api/admin/accounts/${accountId}/history`);
    const events = history.events;
    const at = (what: string, test: (e: HistoryEvent, index: number) => boolean): number => {
      const index = events.findIndex(test);
      if (index < 0) throw new Error(`No ${what} in the history:\n${events.map((e) => e.summary).join('\n')}`);
      return index;
    };
    const outcome = at('completeTask update', (e) => e.summary === 'Update completeTask accepted');
    const outcomeInput = events[outcome]?.details.input as [{ taskKey: string; outcome: string; promise?: { promiseId: string } }];
    expect(outcomeInput[0]).toMatchObject({ outcome: 'promise-to-pay', promise: { promiseId: promise.id } });
    const promiseTimer = at('promise timer', (e, i) => i > outcome && e.eventType === 'TimerStarted');
    const timerFired = at('fired promise timer', (e, i) => i > promiseTimer && e.eventType === 'TimerFired');
    const judged = at('broken judgement', (e) => e.summary === 'Activity checkPromise completed');
    expect(events[judged]?.details.result).toEqual({ status: 'broken' });
    const escalated = at('escalation', (e) => e.summary === 'Activity escalate completed');
    expect(events[escalated]?.details.result).toMatchObject({ reviewTaskId: expect.any(String) });
    expect([outcome, promiseTimer, timerFired, judged, escalated]).toEqual([...[outcome, promiseTimer, timerFired, judged, escalated]].sort((a, b) => a - b));
    // The promise timer runs until the promise's deadline, counted from the moment the outcome arrived.
    expect(events[promiseTimer]?.summary).toMatch(/^Timer started for /);
  });

  function collectorOf(task: Task): ApiSession {
    const session = task.assigneeId ? collectors.get(task.assigneeId) : undefined;
    if (!session) throw new Error(`The call task is assigned to ${task.assigneeId ?? 'nobody'}, not to a demo collector.`);
    return session;
  }
});
