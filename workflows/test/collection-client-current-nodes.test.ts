import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { strategyGraphSchema, type StrategyGraph } from '@recoup/domain';
import type { CollectionActivities } from '../src/activities/activity-types.ts';
import { createCollectionClient } from '../src/client/collection-client.impl.ts';
import { collectionWorkflowId, stateQuery } from '../src/shared/definitions.ts';
import { collectionWorkflow } from '../src/workflows/collection.workflow.ts';
import { createTimeSkippingEnv, unusedActivities, workflowBundle } from './temporal-test-env.ts';

const node = (id: string, type: string, data: unknown) => ({ id, type, data });
const edge = (source: string, target: string) => ({ id: `${source}-next`, source, target, sourceHandle: 'next' });

const graphs: Record<string, StrategyGraph> = {
  waiting: strategyGraphSchema.parse({
    nodes: [node('start', 'start', {}), node('cool-off', 'wait', { mode: 'duration', days: 30 }), node('done', 'end', { outcome: 'completed' })],
    edges: [edge('start', 'cool-off'), edge('cool-off', 'done')],
  }),
  instant: strategyGraphSchema.parse({
    nodes: [node('start', 'start', {}), node('done', 'end', { outcome: 'completed' })],
    edges: [edge('start', 'done')],
  }),
};

const activities: CollectionActivities = {
  ...unusedActivities(),
  loadStrategyVersion: async (id) => {
    const graph = graphs[id];
    if (!graph) throw new Error(`no strategy version ${id} in this test`);
    return { graph, checksum: id };
  },
  loadAccountSnapshot: async () => ({ balanceMinor: '50000', currency: 'EUR', oldestDueAt: null, disputedMinor: '0' }),
  closeAccount: async () => ({ writtenOffMinor: '0' }),
};

describe('asking many collection workflows where they stand', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  async function reachesNode(accountId: string, nodeId: string): Promise<void> {
    const handle = env.client.workflow.getHandle(collectionWorkflowId(accountId));
    while ((await handle.query(stateQuery)).nodeId !== nodeId) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  it('reports the node of each running workflow, and those that ended, never started or do not answer, without failing', async () => {
    const taskQueue = 'current-nodes';
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
    const collections = createCollectionClient(env.client, { taskQueue });
    const start = (accountId: string, strategyVersionId: string, queue = taskQueue) =>
      env.client.workflow.start(collectionWorkflow, {
        workflowId: collectionWorkflowId(accountId),
        taskQueue: queue,
        args: [{ accountId, strategyVersionId }],
      });

    const report = await worker.runUntil(async () => {
      // Waiting for a result lets the server skip time, so the account that ends goes first, before the others' waits.
      await (await start('acc-ended', 'instant')).result();
      const waiting = ['acc-wait-1', 'acc-wait-2', 'acc-wait-3'];
      for (const accountId of waiting) await start(accountId, 'waiting');
      // Nothing polls this queue, so the workflow never answers a query.
      await start('acc-unserved', 'waiting', 'nobody-polls-this-queue');
      for (const accountId of waiting) await reachesNode(accountId, 'cool-off');
      return collections.currentNodes([...waiting, 'acc-ended', 'acc-never-started', 'acc-unserved']);
    });

    expect(report.running.sort((a, b) => a.accountId.localeCompare(b.accountId))).toEqual([
      { accountId: 'acc-wait-1', strategyVersionId: 'waiting', nodeId: 'cool-off' },
      { accountId: 'acc-wait-2', strategyVersionId: 'waiting', nodeId: 'cool-off' },
      { accountId: 'acc-wait-3', strategyVersionId: 'waiting', nodeId: 'cool-off' },
    ]);
    expect(report.notRunning.sort()).toEqual(['acc-ended', 'acc-never-started']);
    expect(report.failed).toEqual([{ accountId: 'acc-unserved', reason: expect.any(String) }]);
  });

  it('tells an ended workflow from one that does not answer with no worker running to replay it', async () => {
    const collections = createCollectionClient(env.client, { taskQueue: 'current-nodes' });
    expect(await collections.currentNodes(['acc-ended'])).toEqual({ running: [], notRunning: ['acc-ended'], failed: [] });
  });
});
