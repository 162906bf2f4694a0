import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { formatPayloadKeyList } from '@recoup/config';
import { Strategy, StrategyVersion, checksumGraph } from '@recoup/db';
import { createTestDatabase, insertTestAccount, insertTestInvoice, type TestDatabase } from '@recoup/db/testing';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '@recoup/db/seed';
import { strategyGraphSchema } from '@recoup/domain';
import { collectionWorkflowId, createCollectionClient, recoupDataConverter, type CollectionClient } from '@recoup/workflows';
import { createActivities } from '@recoup/workflows/worker';
import { hashPassword } from '../../packages/api/src/auth/passwords.ts';
import { findTemporalCli, startTemporalDevServer, type DevServerHandle } from '../../packages/api/src/launcher/temporal-dev-server.ts';
import { quietTemporalRuntime, workflowBundle } from '../../workflows/test/temporal-test-env.ts';
import { ApiSession, eventually } from '../support/api-session.ts';

// A change the API commits (a payment, a dispute) is told to the account's collection workflow through the
// account-event outbox. Here the API process is killed after it committed a payment but before Temporal heard of
// it; the next API process's drainer delivers the event, and the workflow settles. And the outbox delivers at
// least once, so the workflow ignores an event id it was told before.

const NAMESPACE = 'recoup-outbox-test';
const TASK_QUEUE = 'account-event-outbox-test';
const KEYS = { activeKeyId: 'outbox', keys: [{ id: 'outbox', key: Buffer.alloc(32, 3).toString('base64') }] };

/** start -> wait 30 days -> end: nothing happens for a month unless the account changes. */
const quietMonth = strategyGraphSchema.parse({
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'month', type: 'wait', data: { mode: 'duration', days: 30 } },
    { id: 'end', type: 'end', data: { outcome: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'month' },
    { id: 'e2', source: 'month', target: 'end' },
  ],
});

/** A TCP proxy in front of Temporal that the test can cut: cut, it drops its connections and answers nothing. */
class CuttableProxy {
  private readonly sockets = new Set<Socket>();
  private cut = false;
  private readonly server: Server;
  private readonly upstream: { host: string; port: number };

  constructor(upstream: { host: string; port: number }) {
    this.upstream = upstream;
    this.server = createServer((client) => {
      this.sockets.add(client);
      client.once('close', () => this.sockets.delete(client));
      client.on('error', () => client.destroy());
      // A cut line accepts the connection and then says nothing, as a Temporal gone silent does.
      if (this.cut) return;
      const server = connect(this.upstream);
      this.sockets.add(server);
      server.once('close', () => this.sockets.delete(server));
      server.on('error', () => client.destroy());
      client.once('close', () => server.destroy());
      server.once('close', () => client.destroy());
      client.pipe(server).pipe(client);
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('the proxy has no port');
    return `127.0.0.1:${address.port}`;
  }

  cutOff(): void {
    this.cut = true;
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

interface ApiProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
}

describe('the account-event outbox', () => {
  let db: TestDatabase;
  let dataDir: string;
  let server: DevServerHandle;
  let connection: Connection;
  let native: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  let client: Client;
  let collections: CollectionClient;
  let proxy: CuttableProxy;
  let versionId: string;
  const apis: ApiProcess[] = [];

  async function startApi(temporalAddress: string): Promise<ApiProcess> {
    const child = spawn(process.execPath, ['packages/api/src/main.ts'], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        TEMPORAL_ADDRESS: temporalAddress,
        TEMPORAL_NAMESPACE: NAMESPACE,
        TEMPORAL_TASK_QUEUE: TASK_QUEUE,
        TEMPORAL_PAYLOAD_KEYS: formatPayloadKeyList(KEYS.keys),
        SESSION_SECRET: 'outbox-test-session-secret-0123',
        PORT: '0',
        PUBLIC_URL: '',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const api: ApiProcess = { url: '', child, output: () => output };
    apis.push(api);
    api.url = await eventually('the API to listen', async () => {
      if (child.exitCode !== null) throw new Error(`The API exited with ${child.exitCode}:\n${output}`);
      const line = output.split('\n').find((l) => l.includes('Recoup API listening'));
      return line ? /"url":"(http:\/\/[^"]+)"/.exec(line)?.[1] : undefined;
    });
    return api;
  }

  const killed = (api: ApiProcess): Promise<void> =>
    new Promise((resolve) => {
      if (api.child.exitCode !== null || api.child.signalCode !== null) return resolve();
      api.child.once('exit', () => resolve());
      api.child.kill('SIGKILL');
    });

  beforeAll(async () => {
    quietTemporalRuntime();
    db = await createTestDatabase();
    await seedDemo(db.orm, { hashPassword, accounts: 0, now: new Date() });
    const em = db.orm.em.fork();
    const strategy = em.create(Strategy, { name: 'Quiet month', description: '', draft: quietMonth, isDefault: false, createdBy: null });
    const version = em.create(StrategyVersion, { strategy, version: 1, graph: quietMonth, checksum: checksumGraph(quietMonth), publishedBy: null });
    await em.flush();
    versionId = version.id;

    dataDir = mkdtempSync(join(tmpdir(), 'recoup-outbox-'));
    server = await startTemporalDevServer({ cliPath: findTemporalCli(process.env, process.cwd()), dataDir, namespace: NAMESPACE });
    const dataConverter = recoupDataConverter(KEYS);
    connection = await Connection.connect({ address: server.address });
    client = new Client({ connection, namespace: NAMESPACE, dataConverter });
    collections = createCollectionClient(client, { taskQueue: TASK_QUEUE });
    native = await NativeConnection.connect({ address: server.address });
    const mailer = {
      send: () => Promise.reject(new Error('this strategy sends no mail')),
      close: () => undefined,
    };
    worker = await Worker.create({
      connection: native,
      namespace: NAMESPACE,
      taskQueue: TASK_QUEUE,
      workflowBundle: await workflowBundle(),
      dataConverter,
      activities: createActivities({ orm: db.orm, mailer, publicUrl: 'http://localhost:3000' }),
    });
    running = worker.run();
    const [host = '127.0.0.1', port = '0'] = server.address.split(':');
    proxy = new CuttableProxy({ host, port: Number(port) });
  }, 180_000);

  afterAll(async () => {
    await Promise.all(apis.map(killed));
    worker?.shutdown();
    await running;
    await native?.close();
    await connection?.close();
    await proxy?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await db?.drop();
  }, 60_000);

  async function collectedAccount(amountMinor: bigint) {
    const em = db.orm.em.fork();
    const account = await insertTestAccount(em, { prefix: 'OUTBOX' });
    await insertTestInvoice(em, account, amountMinor);
    await collections.start(account.id, versionId);
    await eventually('the workflow to wait out its month', async () => (await collections.state(account.id))?.nodeId === 'month' || undefined);
    return account;
  }

  const eventRows = (accountId: string) =>
    db.orm.em
      .fork()
      .getConnection()
      .execute<{ kind: string; attempts: number; sent_at: Date | null; last_error: string | null }[]>(
        'select kind, attempts, sent_at, last_error from account_event where account_id = ? order by created_at',
        [accountId],
      );

  it('settles the workflow of a payment the API committed and then died before telling Temporal of', async () => {
    const account = await collectedAccount(42_000n);
    const doomed = await startApi(await proxy.listen());
    const admin = await ApiSession.login(doomed.url, DEMO_USERS[0]?.email ?? '', DEMO_PASSWORD);

    // Temporal falls silent for this API, which still commits the payment and answers.
    proxy.cutOff();
    const paid = await admin.request(
      'POST',
      '/api/payments',
      { accountRef: account.externalRef, amount: { amountMinor: '42000', currency: 'EUR' }, reference: 'wire 1' },
      { 'Idempotency-Key': 'outbox-payment-1' },
    );
    expect(paid.status).toBe(201);
    expect(await eventRows(account.id)).toEqual([expect.objectContaining({ kind: 'payment-applied', sent_at: null })]);
    await killed(doomed);

    // The workflow never heard of the payment: it still waits out its month.
    const handle = client.workflow.getHandle(collectionWorkflowId(account.id));
    expect((await handle.describe()).status.name).toBe('RUNNING');

    // The next API process finds the event unsent and delivers it.
    await startApi(server.address);
    const result = (await handle.result()) as { outcome: string };
    expect(result.outcome).toBe('settled');
    const [event] = await eventRows(account.id);
    expect(event?.sent_at).not.toBeNull();
    expect(Number(event?.attempts)).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it('ignores an account event the workflow was told before', async () => {
    const account = await collectedAccount(10_000n);
    const handle = client.workflow.getHandle(collectionWorkflowId(account.id));
    // The account is re-read by a local activity, which the history records as a marker.
    const reloads = async () => ((await handle.fetchHistory()).events ?? []).filter((event) => event.markerRecordedEventAttributes).length;
    const before = await reloads();

    await collections.accountChanged(account.id, { eventId: '7c1d5a38-0d1e-4f55-9a7e-3f3b4cf1f0a1' });
    await eventually('the first telling to reload the account', async () => (await reloads()) === before + 1 || undefined);
    // Told again, as a drainer that crashed before marking the event sent would; then a new event.
    await collections.accountChanged(account.id, { eventId: '7c1d5a38-0d1e-4f55-9a7e-3f3b4cf1f0a1' });
    await collections.accountChanged(account.id, { eventId: '0f6e2b9d-4a51-4c1b-8d3e-2a7c9e5b6d40' });
    await eventually('the new event to reload the account', async () => (await reloads()) >= before + 2 || undefined);
    // Signals are handled in order, so by now the repeat was handled too, and reloaded nothing.
    expect(await reloads()).toBe(before + 2);
  }, 60_000);
});
