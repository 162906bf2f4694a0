import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { wallClockAt } from '@recoup/domain';
import { ApiSession, eventually } from '../support/api-session.ts';
import { daytimeZone } from '../support/daytime-zone.ts';
import { launchSystem, type LaunchedSystem } from '../support/launched-system.ts';
import {
  advancePastPromiseDeadline,
  importOverdueDebtor,
  publishPromiseChain,
  taskOfNode,
  type ChainPromise,
  type ChainTask,
} from '../support/promise-chain.ts';
import { systemTime } from '../support/system-clock.ts';

// The chain a collector, a manager and an admin see when a promise to pay is broken, on the whole running system
// (launcher, worker process, API, embedded PostgreSQL) with Temporal's time-skipping test server in place of the
// dev server: a promise is judged only once its date and grace days have passed, which the test reaches by
// moving Temporal's clock rather than by waiting days.

const SEGMENT = 'e2e-promise-chain';
// Calls are placed only between 08:00 and 21:00 on the debtor's clock: the debtor lives where it is early afternoon.
const DEBTOR_ZONE = daytimeZone();

interface AccountDetail {
  tasks: ChainTask[];
  workflow: { nodeId: string; status: string } | null;
}
interface HistoryEvent {
  eventType: string;
  eventTime: string | null;
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
  let callTask: ChainTask;
  let promise: ChainPromise;
  let reviewTaskId: string;

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
    // The launcher took the test server as an external Temporal rather than starting its dev server.
    expect(system.temporalAddress).toBe(system.timeSkipping?.address);
    await publishPromiseChain(manager, SEGMENT);
    const debtor = await importOverdueDebtor(admin, {
      externalRef: 'E2E-PTP',
      segment: SEGMENT,
      timeZone: DEBTOR_ZONE,
      amount: { amountMinor: '50000', currency: 'EUR' },
    });
    expect(debtor.workflowsStarted).toBe(1);
    accountId = debtor.accountId;

    callTask = await taskOfNode(admin, accountId, 'call');
    expect(callTask).toMatchObject({ taskType: 'call', title: 'Call about the overdue invoice', status: 'open' });
    expect(callTask.assigneeId).not.toBeNull();
    const inbox = await collectorOf(callTask).get<{ items: ChainTask[] }>('/api/tasks?status=open&limit=500');
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

    const promises = await collector.get<{ items: ChainPromise[] }>(`/api/accounts/${accountId}/promises`);
    expect(promises.items).toEqual([expect.objectContaining({ status: 'open', taskId: callTask.id })]);
    promise = promises.items[0] as ChainPromise;
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
    expect(await advancePastPromiseDeadline(system, admin, accountId)).toMatchObject({ id: promise.id, status: 'open' });
    expect((await systemTime(system)).getTime()).toBeGreaterThan(Date.parse(promise.until));

    const broken = await eventually('the promise judged broken', async () => {
      const list = await admin.get<{ items: ChainPromise[] }>(`/api/accounts/${accountId}/promises`);
      return list.items.find((p) => p.id === promise.id && p.status === 'broken');
    });
    expect(broken.until).toBe(promise.until);

    const review = await eventually("the manager's review task", async () => {
      const inbox = await manager.get<{ items: ChainTask[] }>('/api/tasks?assignee=me&status=open&limit=500');
      return inbox.items.find((t) => t.accountId === accountId);
    });
    expect(review).toMatchObject({
      taskType: 'escalation',
      nodeId: 'escalate-broken',
      status: 'open',
      assigneeId: managerId,
      title: expect.stringContaining('Escalation: review the account (level 2)'),
    });
    reviewTaskId = review.id;
    // A review is the manager's: the collector who took the promise does not see it.
    const collector = collectorOf(callTask);
    expect((await collector.request('GET', `/api/tasks/${review.id}`)).status).toBe(404);
    const collectorInbox = await collector.get<{ items: ChainTask[] }>('/api/tasks?status=open&limit=500');
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
    // The run sleeps until the promise's deadline, counted from when it started the timer on Temporal's clock.
    const timer = events[promiseTimer];
    const untilDeadline = (Date.parse(promise.until) - Date.parse(timer?.eventTime ?? '')) / 1000;
    expect(Math.abs(Number(timer?.details.seconds) - untilDeadline)).toBeLessThan(60);
    const timerFired = at('fired promise timer', (e, i) => i > promiseTimer && e.eventType === 'TimerFired');
    const judged = at('broken judgement', (e) => e.summary === 'Activity checkPromise completed');
    expect(events[judged]?.details.result).toEqual({ status: 'broken' });
    const escalated = at('escalation', (e) => e.summary === 'Activity escalate completed');
    expect(events[escalated]?.details.result).toMatchObject({ reviewTaskId });
    const order = [outcome, promiseTimer, timerFired, judged, escalated];
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  function collectorOf(task: ChainTask): ApiSession {
    const session = task.assigneeId ? collectors.get(task.assigneeId) : undefined;
    if (!session) throw new Error(`The call task is assigned to ${task.assigneeId ?? 'nobody'}, not to a demo collector.`);
    return session;
  }
});
