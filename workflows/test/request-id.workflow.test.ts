import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Client } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import { createLogger, currentRequestId, withRequestId } from '@recoup/config';
import { strategyGraphSchema } from '@recoup/domain';
import type { CollectionActivities } from '../src/activities/activity-types.ts';
import { requestIdClientInterceptor } from '../src/client/request-id-interceptor.ts';
import { collectionWorkflowId, paymentAppliedSignal } from '../src/shared/definitions.ts';
import { REQUEST_ID_INTERCEPTORS_PATH, WORKFLOWS_PATH } from '../src/worker/create-worker.ts';
import { requestIdActivityInterceptor } from '../src/worker/request-id-activity-interceptor.ts';
import { collectionWorkflow } from '../src/workflows/collection.workflow.ts';
import { createTimeSkippingEnv, unusedActivities } from './temporal-test-env.ts';

const node = (id: string, type: string, data: unknown) => ({ id, type, data });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target, sourceHandle: 'next' });

// Remind, wait a day, remind again: the second reminder is scheduled after the payment signal arrives.
const graph = strategyGraphSchema.parse({
  nodes: [
    node('start', 'start', {}),
    node('first', 'reminder', { channel: 'email', template: 'due-today' }),
    node('pause', 'wait', { mode: 'duration', days: 1 }),
    node('second', 'reminder', { channel: 'email', template: 'overdue-7' }),
    node('done', 'end', { outcome: 'completed' }),
  ],
  edges: [edge('start', 'first'), edge('first', 'pause'), edge('pause', 'second'), edge('second', 'done')],
});

describe('request ids', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('carries the id of the request that started or last signalled a workflow into its activities and their log lines', async () => {
    const seen: { template: string; requestId: string | undefined }[] = [];
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line));
    const activities: CollectionActivities = {
      ...unusedActivities(),
      loadStrategyVersion: async () => ({ graph, checksum: 'v1' }),
      loadAccountSnapshot: async () => ({ balanceMinor: '5000', currency: 'EUR', oldestDueAt: null }),
      sendReminder: async (input) => {
        seen.push({ template: input.template, requestId: currentRequestId() });
        logger.info('reminder sent', { template: input.template });
        return { status: 'sent', communicationId: input.key };
      },
    };
    const taskQueue = 'request-ids';
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await bundleWorkflowCode({
        workflowsPath: WORKFLOWS_PATH,
        workflowInterceptorModules: [REQUEST_ID_INTERCEPTORS_PATH],
        logger: new DefaultLogger('WARN'),
      }),
      interceptors: { activity: [requestIdActivityInterceptor] },
      activities,
    });
    const client = new Client({ connection: env.connection, interceptors: { workflow: [requestIdClientInterceptor] } });
    await worker.runUntil(async () => {
      const handle = await withRequestId('import-request-1', () =>
        client.workflow.start(collectionWorkflow, {
          workflowId: collectionWorkflowId('acc-request-ids'),
          taskQueue,
          args: [{ accountId: 'acc-request-ids', strategyVersionId: 'v1' }],
        }),
      );
      await env.sleep('1 hour');
      await withRequestId('payment-request-2', () => handle.signal(paymentAppliedSignal, { paymentId: 'p1', amountMinor: '1', currency: 'EUR' }));
      // Results through the environment's own client, which lets the test server skip the day's wait.
      await env.client.workflow.getHandle(handle.workflowId).result();
    });
    expect(seen).toEqual([
      { template: 'due-today', requestId: 'import-request-1' },
      { template: 'overdue-7', requestId: 'payment-request-2' },
    ]);
    expect(lines.map((line) => JSON.parse(line) as { msg: string; requestId?: string })).toEqual([
      expect.objectContaining({ msg: 'reminder sent', requestId: 'import-request-1' }),
      expect.objectContaining({ msg: 'reminder sent', requestId: 'payment-request-2' }),
    ]);
  });

  it('runs a workflow started outside any request with no id at all', async () => {
    const seen: (string | undefined)[] = [];
    const activities: CollectionActivities = {
      ...unusedActivities(),
      loadStrategyVersion: async () => ({ graph, checksum: 'v1' }),
      loadAccountSnapshot: async () => ({ balanceMinor: '0', currency: 'EUR', oldestDueAt: null }),
      closeAccount: async () => {
        seen.push(currentRequestId());
        return { writtenOffMinor: '0' };
      },
    };
    const taskQueue = 'request-ids-none';
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, workflowInterceptorModules: [REQUEST_ID_INTERCEPTORS_PATH], logger: new DefaultLogger('WARN') }),
      interceptors: { activity: [requestIdActivityInterceptor] },
      activities,
    });
    const client = new Client({ connection: env.connection, interceptors: { workflow: [requestIdClientInterceptor] } });
    await worker.runUntil(async () => {
      const handle = await client.workflow.start(collectionWorkflow, { workflowId: collectionWorkflowId('acc-no-request'), taskQueue, args: [{ accountId: 'acc-no-request', strategyVersionId: 'v1' }] });
      await env.client.workflow.getHandle(handle.workflowId).result();
    });
    expect(seen).toEqual([undefined]);
  });
});
