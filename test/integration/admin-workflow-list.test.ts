import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createApp, hashPassword, silentLogger, type RecoupApp } from '@recoup/api';
import { loadConfig } from '@recoup/config';
import { createTestDatabase, type TestDatabase } from '@recoup/db/testing';
import { DEMO_PASSWORD, seedDemo } from '@recoup/db/seed';
import { DEFAULT_STRATEGY, strategyGraphSchema } from '@recoup/domain';
import {
  createCollectionClient,
  createImportStartsClient, createReconciliationClient,
  registerSearchAttributes,
  type CollectionClient,
  type WorkflowListFilter,
  type WorkflowListPage,
} from '@recoup/workflows';
import type { CollectionActivities } from '../../workflows/src/activities/activity-types.ts';
import { quietTemporalRuntime, unusedActivities, workflowBundle } from '../../workflows/test/temporal-test-env.ts';
import { findTemporalCli, startTemporalDevServer, type DevServerHandle } from '../../packages/api/src/launcher/temporal-dev-server.ts';
import { ApiSession } from '../support/api-session.ts';

// The admin console's list runs on Temporal visibility queries over the workflow's search attributes. The
// time-skipping test server takes the attributes but cannot list by them, so this runs on the dev server the
// launcher starts, with the same flags.

const graph = strategyGraphSchema.parse(DEFAULT_STRATEGY.graph);
const NAMESPACE = 'recoup-list-test';
const TASK_QUEUE = 'admin-list-test';
const ADMIN = randomUUID();

describe('listing collection workflows by their search attributes on the dev server', () => {
  let dataDir: string;
  let server: DevServerHandle;
  let connection: Connection;
  let native: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  let collections: CollectionClient;
  const accounts = { a: randomUUID(), b: randomUUID(), c: randomUUID() };
  // The admin console's API over the same client, counting what it asks Temporal to list.
  let db: TestDatabase;
  let app: RecoupApp;
  let http: Server;
  let api: ApiSession;
  let listCalls = 0;

  beforeAll(async () => {
    quietTemporalRuntime();
    dataDir = mkdtempSync(join(tmpdir(), 'recoup-list-'));
    server = await startTemporalDevServer({ cliPath: findTemporalCli(process.env, process.cwd()), dataDir, namespace: NAMESPACE });
    connection = await Connection.connect({ address: server.address });
    // The dev server registered them at its start: registering again must change nothing and not fail.
    await registerSearchAttributes(connection, NAMESPACE);
    native = await NativeConnection.connect({ address: server.address });
    const activities: CollectionActivities = {
      ...unusedActivities(),
      loadStrategyVersion: async () => ({ graph, checksum: 'test' }),
      loadAccountSnapshot: async () => ({ balanceMinor: '50000', currency: 'EUR', oldestDueAt: new Date(Date.now() + 30 * 86_400_000).toISOString() }),
    };
    worker = await Worker.create({ connection: native, namespace: NAMESPACE, taskQueue: TASK_QUEUE, workflowBundle: await workflowBundle(), activities });
    running = worker.run();
    collections = createCollectionClient(new Client({ connection, namespace: NAMESPACE }), { taskQueue: TASK_QUEUE });
    await collections.start(accounts.a, 'version-a', { segment: 'consumer' });
    await collections.start(accounts.b, 'version-a', { segment: 'business' });
    await collections.start(accounts.c, 'version-b', { segment: 'consumer' });

    db = await createTestDatabase();
    await seedDemo(db.orm, { hashPassword, accounts: 0, now: new Date() });
    const counting: CollectionClient = Object.assign(Object.create(collections) as CollectionClient, {
      listWorkflows: (filter: WorkflowListFilter, page: { pageSize: number; pageToken?: string | undefined }) => {
        listCalls += 1;
        return collections.listWorkflows(filter, page);
      },
    });
    const client = new Client({ connection, namespace: NAMESPACE });
    const config = { ...loadConfig({ SESSION_SECRET: 'test-session-secret-0123456789' }), databaseUrl: db.url };
    app = createApp({ orm: db.orm, collections: counting, reconciliations: createReconciliationClient(client, { taskQueue: TASK_QUEUE }), importStarts: createImportStartsClient(client, { taskQueue: TASK_QUEUE }), config, logger: silentLogger, staticDir: '/nonexistent' });
    http = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    const address = http.address();
    api = await ApiSession.login(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, 'admin@recoup.local', DEMO_PASSWORD);
  }, 180_000);

  afterAll(async () => {
    await new Promise((resolve) => http?.close(resolve));
    await app?.close();
    await db?.drop();
    worker?.shutdown();
    await running;
    await native?.close();
    await connection?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Visibility is eventually consistent: ask until the answer has the expected size. */
  async function listUntil(filter: WorkflowListFilter, size: number, pageSize = 10): Promise<WorkflowListPage> {
    for (let attempt = 0; ; attempt += 1) {
      const page = await collections.listWorkflows(filter, { pageSize });
      if ((page.items.length === size && page.items.every((i) => i.nodeId !== null)) || attempt > 60) return page;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  it('filters by strategy version, segment and node, with the node each workflow sits at', async () => {
    const versionA = await listUntil({ strategyVersionId: 'version-a' }, 2);
    expect(versionA.items.map((i) => i.accountId).sort()).toEqual([accounts.a, accounts.b].sort());
    expect(versionA.total).toBe(2);
    const consumer = await listUntil({ segment: 'consumer', strategyVersionId: 'version-a' }, 1);
    expect(consumer.items).toEqual([
      expect.objectContaining({ accountId: accounts.a, status: 'running', segment: 'consumer', strategyVersionId: 'version-a', nodeId: 'wait-pre-due' }),
    ]);
    expect((await listUntil({ nodeId: 'wait-pre-due' }, 3)).items).toHaveLength(3);
    expect((await collections.listWorkflows({ nodeId: 'task-call' }, { pageSize: 10 })).items).toEqual([]);
  });

  it('pages with the server cursor', async () => {
    await listUntil({}, 3);
    const first = await collections.listWorkflows({}, { pageSize: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextPageToken).not.toBeNull();
    const second = await collections.listWorkflows({}, { pageSize: 2, pageToken: first.nextPageToken ?? undefined });
    expect(second.items).toHaveLength(1);
    expect(new Set([...first.items, ...second.items].map((i) => i.accountId))).toEqual(new Set(Object.values(accounts)));
  });

  it('pages through GET /api/admin/workflows with the page tokens the API hands out', async () => {
    await listUntil({}, 3);
    const first = await api.request('GET', '/api/admin/workflows?pageSize=2');
    expect(first.status).toBe(200);
    const firstPage = first.body as { items: { accountId: string }[]; nextPageToken: string | null };
    expect(firstPage.items).toHaveLength(2);
    expect(firstPage.nextPageToken).toEqual(expect.any(String));
    const second = await api.request('GET', `/api/admin/workflows?pageSize=2&pageToken=${encodeURIComponent(firstPage.nextPageToken ?? '')}`);
    expect(second.status).toBe(200);
    const secondPage = second.body as { items: { accountId: string }[]; nextPageToken: string | null };
    expect(new Set([...firstPage.items, ...secondPage.items].map((i) => i.accountId))).toEqual(new Set(Object.values(accounts)));
    expect(secondPage.nextPageToken).toBeNull();
  });

  it.each([
    ['abc', 'abc'],
    ['a JSON cursor Temporal cannot use', Buffer.from('{"RunID":5}').toString('base64url')],
    ['a token with its MAC cut short', 'eyJSdW5JRCI6NX0.AAAA'],
  ])('answers a page token it did not hand out (%s) with 400 naming pageToken, without asking Temporal', async (_what, token) => {
    const before = listCalls;
    const response = await api.request('GET', `/api/admin/workflows?pageToken=${encodeURIComponent(token)}`);
    expect(response.status).toBe(400);
    expect((response.body as { error: { details: { fields: unknown[] } } }).error.details.fields).toEqual([
      { in: 'query', path: 'pageToken', reason: expect.stringContaining('not a page token') },
    ]);
    expect(listCalls).toBe(before);
  });

  it('refuses a page token that was altered after the API handed it out', async () => {
    const page = (await api.request('GET', '/api/admin/workflows?pageSize=1')).body as { nextPageToken: string | null };
    const token = page.nextPageToken ?? '';
    const altered = `${token.slice(0, 5)}${token[5] === 'A' ? 'B' : 'A'}${token.slice(6)}`;
    expect((await api.request('GET', `/api/admin/workflows?pageToken=${encodeURIComponent(altered)}`)).status).toBe(400);
  });

  it('lists a paused workflow as paused and a terminated one as terminated', async () => {
    await collections.pause(accounts.b, { reason: 'Checking a complaint', actorId: ADMIN });
    const paused = await listUntil({ status: 'paused' }, 1);
    expect(paused.items.map((i) => [i.accountId, i.status])).toEqual([[accounts.b, 'paused']]);
    expect((await collections.state(accounts.b))?.paused).toMatchObject({ reason: 'Checking a complaint' });

    await collections.terminate(accounts.c, 'Handed to an agency outside the system');
    const terminated = await listUntil({ status: 'terminated' }, 1);
    expect(terminated.items.map((i) => [i.accountId, i.status])).toEqual([[accounts.c, 'terminated']]);
    expect((await collections.describe(accounts.c))?.closedAt).not.toBeNull();

    const timeline = await collections.timeline(accounts.b);
    expect(timeline).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'admin', title: 'Paused', summary: expect.stringContaining('Checking a complaint') })]),
    );
  });
});
