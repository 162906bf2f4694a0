import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Context } from '@temporalio/activity';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DEFAULT_STRATEGY, strategyGraphSchema, type AccountSnapshot } from '@recoup/domain';
import type { CollectionActivities } from '../src/activities/activity-types.ts';
import { collectionWorkflow } from '../src/workflows/collection.workflow.ts';
import {
  collectionWorkflowId,
  pauseUpdate,
  paymentAppliedSignal,
  resumeUpdate,
  stateQuery,
} from '../src/shared/definitions.ts';
import { nodeKey, pausedKey, strategyVersionKey } from '../src/shared/search-attributes.ts';
import { createTimeSkippingEnv, maybeRecordHistory, unusedActivities, workflowBundle } from './temporal-test-env.ts';

const DAY = 24 * 60 * 60 * 1000;
const graph = strategyGraphSchema.parse(DEFAULT_STRATEGY.graph);
const ADMIN = '00000000-0000-4000-8000-00000000a11e';

describe('pausing a collection workflow', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  /** Runs a scenario with activities that record each reminder and task with the simulated day it was asked for. */
  async function run(accountId: string, scenario: (ctx: { startMs: number; account: { snapshot: AccountSnapshot }; sent: { day: number; what: string }[] }) => Promise<void>) {
    let startMs = 0;
    const sent: { day: number; what: string }[] = [];
    const account = { snapshot: { balanceMinor: '50000', currency: 'EUR', oldestDueAt: null as string | null } };
    const dayOf = () => Math.round(((Context.current().info.currentAttemptScheduledTimestampMs ?? 0) - startMs) / (DAY / 10)) / 10;
    const activities: CollectionActivities = {
      ...unusedActivities(),
      loadStrategyVersion: async () => ({ graph, checksum: 'test' }),
      loadAccountSnapshot: async () => account.snapshot,
      evaluateCondition: async () => ({ result: true, matched: ['overdueAmountMinor greaterThanInclusive 10000'], facts: {} }),
      async sendReminder(input) {
        sent.push({ day: dayOf(), what: `reminder ${input.template}` });
        return { communicationId: input.key, status: 'sent' };
      },
      async createTask(input) {
        sent.push({ day: dayOf(), what: `task ${input.taskType}` });
        return { taskId: input.key, assigneeId: null, created: true };
      },
    };
    const taskQueue = `test-${accountId}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
    await worker.runUntil(async () => {
      startMs = await env.currentTimeMs();
      account.snapshot.oldestDueAt = new Date(startMs + 5 * DAY).toISOString();
      await scenario({ startMs, account, sent });
    });
  }

  const startFor = (accountId: string) =>
    env.client.workflow.start(collectionWorkflow, {
      workflowId: collectionWorkflowId(accountId),
      taskQueue: `test-${accountId}`,
      args: [{ accountId, strategyVersionId: 'v1' }],
    });

  it('sends no reminder while paused, takes a payment meanwhile, and sends the overdue reminder at once when resumed', async () => {
    const accountId = 'acc-paused';
    await run(accountId, async ({ account, sent }) => {
      const handle = await startFor(accountId);
      await env.sleep('1 day');
      await handle.executeUpdate(pauseUpdate, { args: [{ reason: 'Customer called about a billing error', actorId: ADMIN }] });

      const paused = await handle.query(stateQuery);
      expect(paused.paused).toMatchObject({ reason: 'Customer called about a billing error', actorId: ADMIN });
      expect(paused.status).toBe('running');

      await env.sleep('1 day');
      account.snapshot = { ...account.snapshot, balanceMinor: '40000' };
      // Messages are still accepted while paused.
      await handle.signal(paymentAppliedSignal, { paymentId: 'p1', amountMinor: '10000', currency: 'EUR' });
      // The pre-due reminder was due on day 2.
      await env.sleep('2 days');
      expect(sent).toEqual([]);
      expect((await handle.query(stateQuery)).paused).not.toBeNull();

      await handle.executeUpdate(resumeUpdate, { args: [{ reason: 'Billing error ruled out', actorId: ADMIN }] });
      for (let i = 0; i < 12 && sent.length === 0; i += 1) await env.sleep('1 hour');
      expect(sent).toEqual([{ day: 4, what: 'reminder pre-due' }]);
      const resumed = await handle.query(stateQuery);
      expect(resumed.paused).toBeNull();
      expect(resumed.balance.amountMinor).toBe('40000');
      await env.sleep('1 day');
      expect(sent.map((s) => s.what)).toEqual(['reminder pre-due', 'reminder due-today']);

      account.snapshot = { ...account.snapshot, balanceMinor: '0', oldestDueAt: null };
      await handle.signal(paymentAppliedSignal, { paymentId: 'p2', amountMinor: '40000', currency: 'EUR' });
      expect(await handle.result()).toMatchObject({ outcome: 'settled' });
      await maybeRecordHistory('default-strategy-paused', handle);
    });
  });

  it('skips the stages that passed during a long pause instead of sending them late', async () => {
    const accountId = 'acc-long-pause';
    await run(accountId, async ({ sent }) => {
      const handle = await startFor(accountId);
      await env.sleep('1 day');
      await handle.executeUpdate(pauseUpdate, { args: [{ reason: 'Legal review', actorId: ADMIN }] });
      await env.sleep('19 days');
      expect(sent).toEqual([]);
      await handle.executeUpdate(resumeUpdate, { args: [{ reason: 'Review done', actorId: ADMIN }] });
      for (let i = 0; i < 12 && sent.length === 0; i += 1) await env.sleep('1 hour');
      // Day 20 is past the 14-days-overdue mark: the reminders of earlier stages are skipped, the call task is due.
      expect(sent).toEqual([{ day: 20, what: 'task call' }]);
      const decisions = (await handle.query(stateQuery)).decisions.map((d) => `${d.kind} ${d.nodeId}`);
      expect(decisions).toEqual(expect.arrayContaining(['skipped remind-pre-due', 'skipped remind-overdue-7']));
      await handle.terminate('test over');
    });
  });

  it('keeps its strategy version, node and pause in search attributes as it moves', async () => {
    const accountId = 'acc-indexed';
    await run(accountId, async () => {
      const handle = await startFor(accountId);
      await env.sleep('1 day');
      await handle.executeUpdate(pauseUpdate, { args: [{ reason: 'Audit', actorId: ADMIN }] });
      const described = await handle.describe();
      const state = await handle.query(stateQuery);
      expect(described.typedSearchAttributes.get(strategyVersionKey)).toBe('v1');
      expect(described.typedSearchAttributes.get(nodeKey)).toBe(state.nodeId);
      expect(described.typedSearchAttributes.get(pausedKey)).toBe('true');
      await handle.terminate('test over');
    });
  });

  it('refuses a pause without a reason, a second pause, and a resume of a run that is not paused', async () => {
    const accountId = 'acc-pause-refusals';
    await run(accountId, async () => {
      const handle = await startFor(accountId);
      await env.sleep('1 hour');
      await expect(handle.executeUpdate(resumeUpdate, { args: [{ reason: 'nothing', actorId: ADMIN }] })).rejects.toThrow(
        WorkflowUpdateFailedError,
      );
      await expect(handle.executeUpdate(pauseUpdate, { args: [{ reason: '  ', actorId: ADMIN }] })).rejects.toThrow(WorkflowUpdateFailedError);
      await handle.executeUpdate(pauseUpdate, { args: [{ reason: 'first', actorId: ADMIN }] });
      await expect(handle.executeUpdate(pauseUpdate, { args: [{ reason: 'second', actorId: ADMIN }] })).rejects.toThrow(
        WorkflowUpdateFailedError,
      );
      await handle.terminate('test over');
    });
  });
});
