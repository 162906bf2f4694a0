import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { strategyGraphSchema, validateStrategy } from '@recoup/domain';
import type { CollectionActivities } from '../src/activities/activity-types.ts';
import { collectionWorkflowId, stateQuery } from '../src/shared/definitions.ts';
import { createTimeSkippingEnv, unusedActivities, workflowBundle } from './temporal-test-env.ts';

// A strategy that reminds every day for as long as the account is open. Over two simulated years no single run
// may exceed 2,000 history events, and the engine state (visit counts, hence idempotency keys) must carry over.

const dailyLoop = strategyGraphSchema.parse({
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'day', type: 'wait', data: { mode: 'duration', days: 1 } },
    { id: 'open', type: 'condition', data: { condition: { all: [{ fact: 'totalOpenMinor', operator: 'greaterThan', value: 0 }] } } },
    { id: 'remind', type: 'reminder', data: { channel: 'email', template: 'overdue-7' } },
    { id: 'end', type: 'end', data: { outcome: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'day' },
    { id: 'e2', source: 'day', target: 'open' },
    { id: 'e3', source: 'open', target: 'remind', sourceHandle: 'yes' },
    { id: 'e4', source: 'open', target: 'end', sourceHandle: 'no' },
    { id: 'e5', source: 'remind', target: 'day' },
  ],
});

describe('continue-as-new', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('keeps every run under 2,000 events over two years of daily reminders and carries the state over', async () => {
    expect(validateStrategy(dailyLoop).ok).toBe(true);
    const keys: string[] = [];
    const activities: CollectionActivities = {
      ...unusedActivities(),
      loadStrategyVersion: async () => ({ graph: dailyLoop, checksum: 'loop' }),
      loadAccountSnapshot: async () => ({ balanceMinor: '10000', currency: 'EUR', oldestDueAt: '2026-01-01T09:00:00.000Z' }),
      evaluateCondition: async () => ({ result: true, matched: ['totalOpenMinor greaterThan 0'], facts: {} }),
      sendReminder: async (input) => {
        keys.push(input.key);
        return { status: 'sent', communicationId: input.key };
      },
    };
    const accountId = 'acc-daily-loop';
    const taskQueue = 'continue-as-new';
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
    const workflowId = collectionWorkflowId(accountId);

    const first = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('collectionWorkflow', { workflowId, taskQueue, args: [{ accountId, strategyVersionId: 'loop' }] });
      await env.sleep('730 days');
      const state = await env.client.workflow.getHandle(workflowId).query(stateQuery);
      await env.client.workflow.getHandle(workflowId).terminate('two simulated years are over');
      return { firstRunId: handle.firstExecutionRunId, state };
    });

    // Walk the chain of runs from the first one, reading each run's history.
    const lengths: number[] = [];
    let runId: string | undefined = first.firstRunId;
    while (runId) {
      const history: temporal.api.history.v1.IHistory = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
      const events = history.events ?? [];
      lengths.push(events.length);
      runId = events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
    }

    expect(lengths.length).toBeGreaterThan(2);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(2_000);
    expect(keys.length).toBeGreaterThanOrEqual(729);
    // One reminder a day, each with its own occurrence number across all runs: no key repeats.
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.at(-1)).toMatch(new RegExp(`/remind:${keys.length}$`));
    expect(first.state.nodeId).toBe('day');
    expect(first.state.status).toBe('running');
  }, 600_000);
});
