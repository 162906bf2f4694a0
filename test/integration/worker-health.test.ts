import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createWorkerHealth } from '../../packages/api/src/health/worker-health.ts';
import { findTemporalCli, startTemporalDevServer, type DevServerHandle } from '../../packages/api/src/launcher/temporal-dev-server.ts';
import { quietTemporalRuntime, unusedActivities, workflowBundle } from '../../workflows/test/temporal-test-env.ts';

// Health asks Temporal whether a worker polls the task queue, so a dead worker no longer hides behind "ok". The
// time-skipping server has no task-queue view, so this runs on the dev server.

const NAMESPACE = 'recoup-health-test';

describe('worker health', () => {
  let dataDir: string;
  let server: DevServerHandle;
  let connection: Connection;
  let native: NativeConnection;
  let client: Client;

  beforeAll(async () => {
    quietTemporalRuntime();
    dataDir = mkdtempSync(join(tmpdir(), 'recoup-health-'));
    server = await startTemporalDevServer({ cliPath: findTemporalCli(process.env, process.cwd()), dataDir, namespace: NAMESPACE });
    connection = await Connection.connect({ address: server.address });
    native = await NativeConnection.connect({ address: server.address });
    client = new Client({ connection, namespace: NAMESPACE });
  }, 180_000);

  afterAll(async () => {
    await native?.close();
    await connection?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports the worker absent, with the reason, when nobody polls the task queue', async () => {
    const health = await createWorkerHealth(() => client, NAMESPACE, 'nobody-polls-here')();
    expect(health).toEqual({ status: 'absent', taskQueue: 'nobody-polls-here', pollers: 0, detail: expect.stringContaining('reminders are not sent') });
  });

  it('reports the worker polling while one runs on the task queue', async () => {
    const worker = await Worker.create({ connection: native, namespace: NAMESPACE, taskQueue: 'health-polled', workflowBundle: await workflowBundle(), activities: unusedActivities() });
    await worker.runUntil(async () => {
      // The server learns of a poller when its first long poll arrives.
      let health = await createWorkerHealth(() => client, NAMESPACE, 'health-polled')();
      for (let i = 0; i < 100 && health.status !== 'polling'; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        health = await createWorkerHealth(() => client, NAMESPACE, 'health-polled')();
      }
      expect(health).toMatchObject({ status: 'polling', pollers: 1, detail: null });
    });
  });
});
