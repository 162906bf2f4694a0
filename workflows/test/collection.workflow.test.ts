import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DEFAULT_STRATEGY, strategyGraphSchema, type AccountSnapshot } from '@recoup/domain';
import type { CollectionActivities } from '../src/activities/activity-types.ts';
import { collectionWorkflow } from '../src/workflows/collection.workflow.ts';
import { collectionWorkflowId, completeTaskUpdate, paymentAppliedSignal, stateQuery } from '../src/shared/definitions.ts';
import { createCollectionClient, TaskOutcomeRefusedError } from '../src/client/collection-client.impl.ts';
import { createTimeSkippingEnv, maybeRecordHistory, unusedActivities, workflowBundle } from './temporal-test-env.ts';

const DAY = 24 * 60 * 60 * 1000;
const graph = strategyGraphSchema.parse(DEFAULT_STRATEGY.graph);

interface Recorded {
  day: number;
  what: string;
}

/** Activities typed as the real ones, recording what the workflow asked for and on which simulated day. */
function fakeActivities(
  startMs: () => number,
  account: { snapshot: AccountSnapshot },
  conditionResult = true,
  deferOnce: string | null = null,
) {
  const deferred = new Set<string>();
  const recorded: Recorded[] = [];
  const dayOf = () => Math.round(((Context.current().info.currentAttemptScheduledTimestampMs ?? 0) - startMs()) / (DAY / 10)) / 10;
  const activities: CollectionActivities = {
    ...unusedActivities(),
    async loadStrategyVersion() {
      return { graph, checksum: 'test' };
    },
    async loadAccountSnapshot() {
      return account.snapshot;
    },
    async evaluateCondition(input) {
      recorded.push({ day: dayOf(), what: `condition ${input.nodeId}` });
      return { result: conditionResult, matched: conditionResult ? ['overdueAmountMinor greaterThanInclusive 10000'] : [], facts: {} };
    },
    async sendReminder(input) {
      if (input.template === deferOnce && !deferred.has(input.key)) {
        deferred.add(input.key);
        recorded.push({ day: dayOf(), what: `deferred ${input.template}` });
        const until = new Date((Context.current().info.currentAttemptScheduledTimestampMs ?? 0) + 8 * 3_600_000).toISOString();
        return { status: 'deferred', communicationId: null, deferredUntil: until, reason: 'outside contact hours' };
      }
      recorded.push({ day: dayOf(), what: `reminder ${input.template}` });
      return { communicationId: input.key, status: 'sent' };
    },
    async createTask(input) {
      recorded.push({ day: dayOf(), what: `task ${input.taskType}` });
      return { taskId: input.key, assigneeId: null, created: true };
    },
    async escalate(input) {
      recorded.push({ day: dayOf(), what: `escalate ${input.level} ${input.action}` });
      return { escalationId: input.key, reviewTaskId: null, managersNotified: 1 };
    },
  };
  return { activities, recorded };
}

describe('collection workflow on the default strategy', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  async function run(
    accountId: string,
    scenario: (ctx: { startMs: number; account: { snapshot: AccountSnapshot } }) => Promise<unknown>,
    conditionResult = true,
    deferOnce: string | null = null,
  ) {
    let startMs = 0;
    const account = { snapshot: { balanceMinor: '50000', currency: 'EUR', oldestDueAt: null as string | null } };
    const { activities, recorded } = fakeActivities(() => startMs, account, conditionResult, deferOnce);
    const taskQueue = `test-${accountId}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
    const result = await worker.runUntil(async () => {
      startMs = await env.currentTimeMs();
      account.snapshot.oldestDueAt = new Date(startMs + 5 * DAY).toISOString();
      return scenario({ startMs, account });
    });
    return { recorded, result };
  }

  function startFor(accountId: string) {
    return env.client.workflow.start(collectionWorkflow, {
      workflowId: collectionWorkflowId(accountId),
      taskQueue: `test-${accountId}`,
      args: [{ accountId, strategyVersionId: 'v1' }],
    });
  }

  async function waitForTask(accountId: string) {
    const handle = env.client.workflow.getHandle(collectionWorkflowId(accountId));
    for (;;) {
      const state = await handle.query(stateQuery);
      if (state.nextAction?.kind === 'task-outcome') return { handle, state };
      // Time skips by itself only while a result is awaited; while polling, move the clock on explicitly.
      await env.sleep('1 hour');
    }
  }

  it('sends the reminders, call task and escalation on the expected days for an invoice due in 5 days', async () => {
    const accountId = 'acc-60-days';
    const { recorded, result } = await run(accountId, async () => {
      const handle = await startFor(accountId);
      await waitForTask(accountId);
      const taskKey = await currentTaskKey(handle);
      await handle.executeUpdate(completeTaskUpdate, { args: [{ taskKey, outcome: 'no-contact' }] });
      const result = await handle.result();
      await maybeRecordHistory('default-strategy-60-days', handle);
      return result;
    });
    expect(recorded).toEqual([
      { day: 2, what: 'reminder pre-due' },
      { day: 5, what: 'reminder due-today' },
      { day: 12, what: 'reminder overdue-7' },
      // Conditions run as local activities, which carry the worker's clock rather than the test server's.
      { day: expect.any(Number), what: expect.stringMatching(/^condition /) },
      { day: 19, what: 'task call' },
      { day: 35, what: 'reminder final-notice' },
      { day: 50, what: 'escalate 1 manager-review' },
    ]);
    expect(result).toMatchObject({ outcome: 'completed' });
  });

  it('stops every further action when the balance is paid in full on day 10', async () => {
    const accountId = 'acc-paid-day-10';
    const { recorded, result } = await run(accountId, async ({ account }) => {
      const handle = await startFor(accountId);
      await env.sleep('10 days');
      account.snapshot = { ...account.snapshot, balanceMinor: '0', oldestDueAt: null };
      await handle.signal(paymentAppliedSignal, { paymentId: 'p1', amountMinor: '50000', currency: 'EUR' });
      const result = await handle.result();
      await maybeRecordHistory('default-strategy-paid-day-10', handle);
      return result;
    });
    expect(result).toMatchObject({ outcome: 'settled' });
    expect(recorded.map((r) => r.what)).toEqual(['reminder pre-due', 'reminder due-today']);
  });

  it('stops at the next timer when a payment was recorded but its signal never arrived', async () => {
    const accountId = 'acc-paid-no-signal';
    const { recorded, result } = await run(accountId, async ({ account }) => {
      const handle = await startFor(accountId);
      await env.sleep('10 days');
      account.snapshot = { ...account.snapshot, balanceMinor: '0', oldestDueAt: null };
      return handle.result();
    });
    expect(result).toMatchObject({ outcome: 'settled' });
    expect(recorded.map((r) => r.what)).toEqual(['reminder pre-due', 'reminder due-today']);
  });

  it('retries a deferred reminder at the time given, once, and keeps the rest of the schedule', async () => {
    const accountId = 'acc-deferred';
    const { recorded, result } = await run(
      accountId,
      async () => {
        const handle = await startFor(accountId);
        await waitForTask(accountId);
        await handle.executeUpdate(completeTaskUpdate, { args: [{ taskKey: await currentTaskKey(handle), outcome: 'no-contact' }] });
        const result = await handle.result();
        await maybeRecordHistory('default-strategy-deferred-reminder', handle);
        return result;
      },
      true,
      'due-today',
    );
    expect(recorded.slice(0, 4)).toEqual([
      { day: 2, what: 'reminder pre-due' },
      { day: 5, what: 'deferred due-today' },
      { day: 5.3, what: 'reminder due-today' },
      { day: 12, what: 'reminder overdue-7' },
    ]);
    expect(result).toMatchObject({ outcome: 'completed' });
  });

  it('follows the dispute outcome of the call task to a manager escalation at once', async () => {
    const accountId = 'acc-dispute';
    const { recorded, result } = await run(accountId, async () => {
      const handle = await startFor(accountId);
      await waitForTask(accountId);
      await env.sleep('2 days');
      await handle.executeUpdate(completeTaskUpdate, { args: [{ taskKey: await currentTaskKey(handle), outcome: 'dispute' }] });
      const result = await handle.result();
      await maybeRecordHistory('default-strategy-dispute', handle);
      return result;
    });
    expect(recorded.slice(4)).toEqual([
      { day: 19, what: 'task call' },
      { day: 21, what: 'escalate 1 manager-review' },
      { day: 35, what: 'reminder final-notice' },
      { day: 50, what: 'escalate 1 manager-review' },
    ]);
    expect(result).toMatchObject({ outcome: 'completed' });
  });

  it('refuses a task outcome the task does not offer, and keeps waiting', async () => {
    const accountId = 'acc-bad-outcome';
    const { result } = await run(accountId, async () => {
      const handle = await startFor(accountId);
      await waitForTask(accountId);
      const taskKey = await currentTaskKey(handle);
      const collections = createCollectionClient(env.client, { taskQueue: `test-${accountId}` });
      await expect(collections.completeTask(accountId, { taskKey, outcome: 'paid-in-cash' })).rejects.toThrow(
        new TaskOutcomeRefusedError('Outcome "paid-in-cash" is not one of this task\'s outcomes.'),
      );
      await expect(collections.completeTask(accountId, { taskKey: 'other', outcome: 'no-contact' })).rejects.toThrow(
        new TaskOutcomeRefusedError('The workflow is not waiting for task other.'),
      );
      const state = await handle.query(stateQuery);
      await handle.terminate('test done');
      return state;
    });
    expect(result).toMatchObject({ status: 'running', nextAction: { kind: 'task-outcome' } });
  });
});

async function currentTaskKey(handle: { query: (q: typeof stateQuery) => Promise<{ awaitingTaskKey: string | null }> }): Promise<string> {
  const state = await handle.query(stateQuery);
  if (!state.awaitingTaskKey) throw new Error('The workflow is not waiting for a task.');
  return state.awaitingTaskKey;
}
