import { eventually, type ApiSession } from './api-session.ts';
import type { LaunchedSystem } from './launched-system.ts';
import { advanceTimeTo } from './system-clock.ts';

// The setting of the broken-promise chain, through the HTTP API, for the end-to-end test and the browser tests
// that walk the same chain through the web app.

const DAY = 86_400_000;

/**
 * start -> call (task 'call'); its outcome promise-to-pay waits at 'await-promise' for the promise's judgement, and
 * a broken promise escalates ('escalate-broken': a manager's review task), then waits two weeks ('after-review').
 */
export const PROMISE_CHAIN_STRATEGY = {
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

export interface ChainTask {
  id: string;
  accountId: string;
  nodeId: string;
  taskType: string;
  title: string;
  status: string;
  assigneeId: string | null;
  outcome: string | null;
}

export interface ChainPromise {
  id: string;
  status: string;
  /** The deadline, ISO UTC: the promise is broken from this instant on unless paid. */
  until: string;
  taskId: string | null;
}

async function expectStatus(
  what: string,
  answer: Promise<{ status: number; body: unknown }>,
  status: number,
): Promise<unknown> {
  const res = await answer;
  if (res.status !== status) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Saves and publishes the chain's strategy as a manager and makes it the one accounts of `segment` start on. */
export async function publishPromiseChain(manager: ApiSession, segment: string): Promise<{ strategyVersionId: string }> {
  const created = (await expectStatus(
    'Creating the strategy',
    manager.request('POST', '/api/strategies', { name: `Promise follow-up (${segment})`, draft: PROMISE_CHAIN_STRATEGY }),
    201,
  )) as { id: string };
  const version = (await expectStatus('Publishing the strategy', manager.request('POST', `/api/strategies/${created.id}/publish`), 201)) as {
    id: string;
  };
  await expectStatus(
    'Assigning the strategy',
    manager.request('PUT', `/api/strategy-assignments/${encodeURIComponent(segment)}`, { splits: [{ strategyVersionId: version.id, percent: 100 }] }),
    200,
  );
  return { strategyVersionId: version.id };
}

/**
 * Imports one debtor of `segment` owing one invoice 15 days overdue, which starts its collection workflow, and
 * returns the account's id. `timeZone` should be one where it is daytime now (see daytimeZone), or the call task
 * waits for the debtor's contact hours.
 */
export async function importOverdueDebtor(
  admin: ApiSession,
  debtor: { externalRef: string; segment: string; timeZone: string; amount: { amountMinor: string; currency: string } },
): Promise<{ accountId: string; workflowsStarted: number }> {
  const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
  const imported = (await expectStatus(
    'Importing the debtor',
    admin.request('POST', '/api/imports/portfolio', {
      accounts: [
        {
          externalRef: debtor.externalRef,
          name: 'Juniper & Vale Ltd',
          customerType: 'consumer',
          segment: debtor.segment,
          currency: debtor.amount.currency,
          timeZone: debtor.timeZone,
          contacts: [
            {
              name: 'Jo Vale',
              email: `${debtor.externalRef.toLowerCase()}@juniper-vale.example`,
              phone: '+44 20 7946 0018',
              timeZone: debtor.timeZone,
              isPrimary: true,
              consent: { email: true, sms: false, phone: true, letter: false },
            },
          ],
          invoices: [{ number: `${debtor.externalRef}-1`, issueDate: isoDate(-45), dueDate: isoDate(-15), amount: debtor.amount }],
        },
      ],
    }),
    201,
  )) as { workflowsStarted: number };
  const found = await admin.get<{ items: { id: string; externalRef: string }[] }>(
    `/api/accounts?q=${encodeURIComponent(debtor.externalRef)}&limit=10`,
  );
  const account = found.items.find((a) => a.externalRef === debtor.externalRef);
  if (!account) throw new Error(`The imported account ${debtor.externalRef} is not listed.`);
  return { accountId: account.id, workflowsStarted: imported.workflowsStarted };
}

/** Waits until the account's workflow has created the task of strategy node `nodeId`, as an admin sees it. */
export function taskOfNode(admin: ApiSession, accountId: string, nodeId: string): Promise<ChainTask> {
  return eventually(`the task of node ${nodeId}`, async () => {
    const detail = await admin.get<{ tasks: ChainTask[] }>(`/api/accounts/${accountId}`);
    return detail.tasks.find((t) => t.nodeId === nodeId);
  });
}

/**
 * Moves Temporal's clock an hour past the deadline of the account's open promise and returns that promise. The
 * workflow's promise timer fires on the way; the judgement and the escalation follow within seconds (poll for them).
 */
export async function advancePastPromiseDeadline(system: LaunchedSystem, session: ApiSession, accountId: string): Promise<ChainPromise> {
  const list = await session.get<{ items: ChainPromise[] }>(`/api/accounts/${accountId}/promises`);
  const open = list.items.find((p) => p.status === 'open');
  if (!open) throw new Error(`Account ${accountId} has no open promise: ${JSON.stringify(list.items)}`);
  await advanceTimeTo(system, new Date(Date.parse(open.until) + 60 * 60_000));
  return open;
}
