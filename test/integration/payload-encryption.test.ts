import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker, type NativeConnection } from '@temporalio/worker';
import { loadConfig, type PayloadKeyRing } from '@recoup/config';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '@recoup/db/seed';
import { strategyGraphSchema, type StrategyGraph } from '@recoup/domain';
import {
  connectTemporalClient,
  createCollectionClient,
  createImportStartsClient, createReconciliationClient,
  recoupDataConverter,
  WorkflowRefusedError,
  type CollectionClient,
  type TemporalSettings,
} from '@recoup/workflows';
import { createWorker, WORKFLOWS_PATH } from '@recoup/workflows/worker';
import { hashPassword, silentLogger, startApi, type RunningApi } from '@recoup/api';
import type { CollectionActivities } from '../../workflows/src/activities/activity-types.ts';
import { segmentKey, strategyVersionKey } from '../../workflows/src/shared/search-attributes.ts';
import { quietTemporalRuntime, unusedActivities } from '../../workflows/test/temporal-test-env.ts';
import { findTemporalCli, startTemporalDevServer, type DevServerHandle } from '../../packages/api/src/launcher/temporal-dev-server.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

// What Temporal keeps of a collection run, read the way anyone with access to the Temporal server reads it: on
// the dev server the launcher starts, with the real worker and its codec, then through a client without the keys,
// through Recoup's own client, and through the Temporal CLI pointed at Recoup's codec endpoint.

const run = promisify(execFile);
const NAMESPACE = 'recoup-codec-test';
const TASK_QUEUE = 'payload-encryption-test';
const ADMIN_ID = randomUUID();

// What must never appear in Temporal in the clear: an amount, a name, an e-mail address and a free-text reason.
const AMOUNT = '7319185';
const NAME = 'Zebediah Quartermaine';
const EMAIL = 'zeb.quartermaine@example.test';
const PAUSE_REASON = `${NAME} (${EMAIL}) rang to say a payment of 73,191.85 is on its way`;
const SMTP_REFUSAL = `550 5.1.1 <${EMAIL}>: Recipient address rejected`;
const PLAINTEXT = [AMOUNT, NAME, EMAIL, PAUSE_REASON, 'Recipient address rejected'];

const node = (id: string, type: string, data: unknown) => ({ id, type, data });
const edge = (source: string, target: string, sourceHandle = 'next') => ({ id: `${source}-${sourceHandle}`, source, target, sourceHandle });
/** A reminder, then a wait for the payment. */
const graph: StrategyGraph = strategyGraphSchema.parse({
  nodes: [
    node('start', 'start', {}),
    node('remind', 'reminder', { channel: 'email', template: 'overdue-7' }),
    node('listen', 'wait-for-event', { events: ['payment'], timeoutDays: 30 }),
    node('paid', 'end', { outcome: 'completed' }),
    node('silent', 'end', { outcome: 'agency' }),
  ],
  edges: [edge('start', 'remind'), edge('remind', 'listen'), edge('listen', 'paid', 'payment'), edge('listen', 'silent', 'timeout')],
});

const key = () => randomBytes(32).toString('base64');
const ring: PayloadKeyRing = { activeKeyId: 'test-2026', keys: [{ id: 'test-2026', key: key() }] };

/** Every text Temporal hands out for a history: its JSON, and each base64 field (payload data, metadata) decoded. */
function readableText(historyJson: string): string {
  const decoded = [...historyJson.matchAll(/"([A-Za-z0-9+/]{8,}={0,2})"/g)].map((m) => Buffer.from(m[1] ?? '', 'base64').toString('latin1'));
  return [historyJson, ...decoded].join('\n');
}

interface FoundPayload {
  /** Where it sits: the field names from the event down to it. */
  path: string[];
  encoding: string;
  data: string;
}

/** Every payload of a history in Temporal's JSON, with its place and its encoding. */
function payloadsOf(value: unknown, path: string[] = []): FoundPayload[] {
  if (Array.isArray(value)) return value.flatMap((item) => payloadsOf(item, path));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const metadata = record['metadata'];
  if (typeof metadata === 'object' && metadata !== null && 'encoding' in metadata) {
    const text = (field: unknown) => Buffer.from(String(field ?? ''), 'base64').toString();
    return [{ path, encoding: text((metadata as Record<string, unknown>)['encoding']), data: text(record['data']) }];
  }
  return Object.entries(record).flatMap(([name, item]) => payloadsOf(item, [...path, name]));
}

/**
 * The payloads the codec never sees, by design. Search attributes: the server reads them to filter. Marker
 * bookkeeping: the SDK's core writes it itself (which local activity ran, its attempt and times; which patch).
 */
const isSearchAttribute = (p: FoundPayload) => p.path.includes('searchAttributes');
const isMarkerBookkeeping = (p: FoundPayload) =>
  p.path.includes('markerRecordedEventAttributes') && ['data', 'patch-data'].includes(p.path.at(-2) ?? '') && p.path.at(-1) === 'payloads';
const LOCAL_ACTIVITY_MARKER_FIELDS = ['activity_id', 'activity_type', 'attempt', 'backoff', 'complete_time', 'original_schedule_time', 'seq'];

describe('what Temporal stores of a collection run', () => {
  let dataDir: string;
  let server: DevServerHandle;
  let db: TestDatabase;
  let settings: TemporalSettings;
  let temporal: Client;
  let keyless: Client;
  let worker: Worker;
  let workerConnection: NativeConnection;
  let running: Promise<void>;
  let collections: CollectionClient;
  let api: RunningApi;
  const accountId = randomUUID();
  const workflowId = `collection-${accountId}`;
  const reminderAttempts: string[] = [];
  let balance = '9000000';

  beforeAll(async () => {
    quietTemporalRuntime();
    dataDir = mkdtempSync(join(tmpdir(), 'recoup-codec-'));
    server = await startTemporalDevServer({ cliPath: findTemporalCli(process.env, process.cwd()), dataDir, namespace: NAMESPACE });
    settings = { address: server.address, namespace: NAMESPACE, taskQueue: TASK_QUEUE, payloadKeys: ring };
    const activities: CollectionActivities = {
      ...unusedActivities(),
      loadStrategyVersion: async () => ({ graph, checksum: 'test' }),
      loadAccountSnapshot: async () => ({ balanceMinor: balance, currency: 'EUR', oldestDueAt: new Date(Date.now() - 10 * 86_400_000).toISOString() }),
      async sendReminder(input) {
        reminderAttempts.push(input.key);
        // The first attempt fails the way an SMTP relay does, quoting the address: the failure is kept in history.
        if (reminderAttempts.length === 1) throw new Error(SMTP_REFUSAL);
        return { status: 'sent', communicationId: randomUUID() };
      },
    };
    // The worker exactly as production builds it: the codec, the failure converter, and the workflows bundled
    // from source with both.
    ({ worker, connection: workerConnection } = await createWorker({ temporal: settings, activities }));
    running = worker.run();
    temporal = await connectTemporalClient(settings);
    keyless = new Client({ connection: await Connection.connect({ address: server.address }), namespace: NAMESPACE });
    collections = createCollectionClient(temporal, settings);

    db = await createTestDatabase();
    await seedDemo(db.orm, { hashPassword, accounts: 0, now: new Date() });
    const config = {
      ...loadConfig({ SESSION_SECRET: 'test-session-secret-0123456789', TEMPORAL_UI_URL: server.uiUrl }),
      databaseUrl: db.url,
    };
    api = await startApi({
      orm: db.orm,
      collections,
      reconciliations: createReconciliationClient(temporal, settings),
      importStarts: createImportStartsClient(temporal, settings),
      config: { ...config, temporal: { ...config.temporal, namespace: NAMESPACE, payloadKeys: ring } },
      logger: silentLogger,
      port: 0,
      host: '127.0.0.1',
      staticDir: '/nonexistent',
    });

    // An imported segment is free text: it must not become a search attribute.
    await collections.start(accountId, 'version-1', { segment: NAME });
    await eventually(async () => (await collections.state(accountId))?.nodeId === 'listen');
    await collections.pause(accountId, { reason: PAUSE_REASON, actorId: ADMIN_ID });
    await collections.resume(accountId, { reason: `Resumed after ${NAME} called back`, actorId: ADMIN_ID });
    balance = '1681415';
    await collections.paymentApplied(accountId, { paymentId: randomUUID(), amountMinor: AMOUNT, currency: 'EUR' });
    await temporal.workflow.getHandle(workflowId).result();
  }, 240_000);

  afterAll(async () => {
    await api?.close();
    worker?.shutdown();
    await running;
    await workerConnection?.close();
    await temporal?.connection.close();
    await keyless?.connection.close();
    await db?.drop();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const rawHistory = async (): Promise<string> => historyToJSON(await keyless.workflow.getHandle(workflowId).fetchHistory());

  it('holds no amount, name, e-mail address or reason in the clear for a client without the keys', async () => {
    const raw = await rawHistory();
    const text = readableText(raw);
    expect(PLAINTEXT.filter((secret) => text.includes(secret))).toEqual([]);
    // Nothing left behind the codec's back either: every payload is sealed but those it never sees by design, and
    // those hold only labels and the SDK's own bookkeeping.
    const payloads = payloadsOf(JSON.parse(raw) as unknown);
    expect(payloads.filter((p) => p.encoding === 'binary/encrypted').length).toBeGreaterThan(10);
    expect(payloads.filter((p) => p.encoding !== 'binary/encrypted' && !isSearchAttribute(p) && !isMarkerBookkeeping(p))).toEqual([]);
    for (const marker of payloads.filter(isMarkerBookkeeping)) {
      const fields = Object.keys(JSON.parse(marker.data) as object).sort();
      expect([['deprecated', 'id'], LOCAL_ACTIVITY_MARKER_FIELDS]).toContainEqual(fields);
    }
    const indexed = payloads.filter(isSearchAttribute).map((p) => p.path.at(-1));
    expect(new Set(indexed)).toEqual(new Set(['RecoupStrategyVersion', 'RecoupPaused', 'RecoupNode', 'TemporalChangeVersion']));
  });

  it("holds the failed attempt's SMTP refusal only sealed", async () => {
    expect(reminderAttempts).toHaveLength(2);
    const raw = await rawHistory();
    expect(raw).toContain('Encoded failure');
    expect(readableText(raw)).not.toContain(EMAIL);
  });

  it('reads in full through the codec: the amount, the reason with its name and address, and the refusal', async () => {
    const decoded = JSON.stringify(await collections.rawHistory(accountId));
    const text = readableText(decoded);
    expect(PLAINTEXT.filter((secret) => !text.includes(secret))).toEqual([]);
    const timeline = await collections.timeline(accountId);
    expect(timeline).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'admin', title: 'Paused', summary: expect.stringContaining(PAUSE_REASON) })]));
  });

  it('gives a client without the keys nothing to decode the result with', async () => {
    await expect(keyless.workflow.getHandle(workflowId).result()).rejects.toThrow();
    expect(await temporal.workflow.getHandle(workflowId).result()).toEqual({ outcome: 'completed', nodeId: 'paid' });
  });

  it("tells a refused update's reason in plain words, though the worker sealed it on the way back", async () => {
    const other = randomUUID();
    await collections.start(other, 'version-1');
    await eventually(async () => (await collections.state(other))?.nodeId === 'listen');
    const refused = collections.resume(other, { reason: 'Not paused at all', actorId: ADMIN_ID });
    await expect(refused).rejects.toThrow(WorkflowRefusedError);
    await expect(refused).rejects.toThrow('The workflow is not paused.');
    await collections.terminate(other, 'test over');
  });

  it('indexes ids and labels only: the free-text segment stays out of the search attributes', async () => {
    const description = await keyless.workflow.getHandle(workflowId).describe();
    expect(description.typedSearchAttributes.get(strategyVersionKey)).toBe('version-1');
    expect(description.typedSearchAttributes.get(segmentKey)).toBeUndefined();
    expect(JSON.stringify(description.raw.workflowExecutionInfo?.searchAttributes ?? {})).not.toContain(Buffer.from(NAME).toString('base64').slice(0, 12));
  });

  it('replays its encrypted history on a worker with the keys', async () => {
    const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
    await Worker.runReplayHistory({ workflowsPath: WORKFLOWS_PATH, dataConverter: recoupDataConverter(ring) }, history, workflowId);
  });

  describe('through the Temporal CLI and the codec endpoint', () => {
    const cli = () => findTemporalCli(process.env, process.cwd());
    const show = async (extra: string[]) => {
      try {
        const { stdout, stderr } = await run(
          cli(),
          ['workflow', 'show', '--address', server.address, '--namespace', NAMESPACE, '--workflow-id', workflowId, '--output', 'json', ...extra],
          { maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
        );
        return { ok: true, output: `${stdout}\n${stderr}` };
      } catch (error) {
        const failed = error as { stdout?: string; stderr?: string };
        return { ok: false, output: `${failed.stdout ?? ''}\n${failed.stderr ?? ''}` };
      }
    };
    const sessionCookie = async (email: string): Promise<string> => {
      const response = await fetch(`${api.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      expect(response.status).toBe(200);
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith('recoup.sid='));
      if (!cookie) throw new Error('sign-in set no session cookie');
      return cookie.split(';')[0] ?? '';
    };
    const endpoint = () => `${api.url}/api/admin/temporal-codec`;
    const userEmail = (role: string) => DEMO_USERS.find((u) => u.role === role)?.email ?? '';

    it('shows the history in the clear to an admin whose session cookie it sends', async () => {
      const cookie = await sessionCookie(userEmail('admin'));
      const shown = await show(['--codec-endpoint', endpoint(), '--codec-header', `Cookie=${cookie}`]);
      expect(shown.ok).toBe(true);
      expect(readableText(shown.output)).toEqual(expect.stringContaining(PAUSE_REASON));
      expect(readableText(shown.output)).toEqual(expect.stringContaining(AMOUNT));
    });

    it('shows only ciphertext without the codec, and decodes nothing for a manager', async () => {
      const manager = await sessionCookie(userEmail('manager'));
      for (const extra of [[], ['--codec-endpoint', endpoint()], ['--codec-endpoint', endpoint(), '--codec-header', `Cookie=${manager}`]]) {
        const shown = await show(extra);
        expect({ extra, leaked: PLAINTEXT.filter((secret) => readableText(shown.output).includes(secret)) }).toEqual({ extra, leaked: [] });
      }
    });
  });
});

/** Polls until the check holds; the workflow and the dev server move on their own clock. */
async function eventually(check: () => Promise<boolean>, attempts = 120): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    try {
      if (await check()) return;
    } catch {
      // Not there yet (the worker has not taken the first task).
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the condition never held');
}
