import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Worker } from '@temporalio/worker';
import { CollectionRun, ImportBatch, Strategy, StrategyVersion, checksumGraph, query } from '@recoup/db';
import { type TestDatabase } from '@recoup/db/testing';
import { strategyGraphSchema, type StrategyGraph } from '@recoup/domain';
import {
  IMPORT_START_CHUNK,
  collectionWorkflowId,
  createCollectionClient,
  createImportStartsClient,
  startCollections,
  type CollectionClient,
  type ImportStartsClient,
} from '@recoup/workflows';
import { activityLogger, createActivities, createImportStartActivities, type WorkerActivities } from '@recoup/workflows/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { workflowBundle } from '../../workflows/test/temporal-test-env.ts';
import { startRealActivitiesFixture, type RealActivitiesFixture } from '../support/real-activities.ts';

// The collection workflows of a committed import, started in the background by the import-starts workflow on the
// time-skipping server and PostgreSQL: every account that owes gets exactly one run, marked with its batch, and a
// chunk whose attempt is lost after it started workflows is repeated without starting or counting any twice.

/** start -> wait 60 days -> end: the started workflows sit on a timer while the test counts them. */
const patient: StrategyGraph = strategyGraphSchema.parse({
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'hold', type: 'wait', data: { mode: 'duration', days: 60 } },
    { id: 'end', type: 'end', data: { outcome: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'hold' },
    { id: 'e2', source: 'hold', target: 'end' },
  ],
});

describe('the import-starts workflow', () => {
  let fixture: RealActivitiesFixture;
  let db: TestDatabase;
  let env: TestWorkflowEnvironment;
  let collections: CollectionClient;
  let starts: ImportStartsClient;
  const taskQueue = 'import-starts';

  beforeAll(async () => {
    fixture = await startRealActivitiesFixture();
    ({ db, env } = fixture);
    const em = db.orm.em.fork();
    const strategy = em.create(Strategy, { name: 'Patient', description: '', draft: patient, isDefault: true, createdBy: null });
    em.create(StrategyVersion, { strategy, version: 1, graph: patient, checksum: checksumGraph(patient), publishedBy: null });
    await em.flush();
    collections = createCollectionClient(env.client, { taskQueue });
    starts = createImportStartsClient(env.client, { taskQueue });
  }, 120_000);
  afterAll(async () => {
    await fixture?.close();
  });

  const newWorker = async (override: Partial<WorkerActivities> = {}) =>
    Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: {
        ...createActivities({ orm: db.orm, mailer: fixture.mailer, publicUrl: 'http://localhost:3000' }),
        ...createImportStartActivities({ orm: db.orm, collections, logger: activityLogger }),
        ...override,
      },
    });

  /** A committed import's batch, as the import writes it: `owing` accounts with an open invoice, `paid` with none. */
  async function importedBatch(prefix: string, owing: number, paid: number): Promise<{ batchId: string; owingIds: string[]; paidIds: string[] }> {
    const em = db.orm.em.fork();
    // One statement each for the accounts and their invoices: a thousand accounts are written in a moment.
    const accounts = await query<{ id: string; n: number }>(
      em,
      `insert into "account" ("external_ref", "name", "customer_type", "segment", "currency", "time_zone")
       select ? || '-' || n, 'Customer ' || n, 'business', 'standard', 'EUR', 'Europe/Berlin' from generate_series(1, ?) n
       returning "id", substring("external_ref" from '[0-9]+$')::int as n`,
      [prefix, owing + paid],
    );
    accounts.sort((a, b) => a.n - b.n);
    const owingIds = accounts.slice(0, owing).map((a) => a.id);
    const paidIds = accounts.slice(owing).map((a) => a.id);
    await query(
      em,
      `insert into "invoice" ("account_id", "number", "issue_date", "due_date", "currency", "amount_minor", "open_minor")
       select id, 'INV-' || id, '2026-01-01', '2026-01-31', 'EUR', 10000, 10000 from unnest(?::uuid[]) id`,
      [owingIds],
    );
    const ids = [...owingIds, ...paidIds];
    const [row] = await query<{ id: string }>(
      em,
      `insert into "import_batch" ("kind", "format", "filename", "raw", "status", "rows_total", "rows_imported", "errors",
                                   "workflow_account_ids", "workflow_status", "workflows_total")
       values ('customers-invoices', 'csv', ?, ?, 'imported', ?, ?, '[]', ?::text[], 'pending', ?) returning "id"`,
      [`${prefix}.csv`, Buffer.from('test'), ids.length, ids.length, ids, ids.length],
    );
    return { batchId: (row as { id: string }).id, owingIds, paidIds };
  }

  /** Waits in real time (so the test server does not skip ahead to the workflows' timers) for the batch to finish. */
  async function finished(batchId: string) {
    for (let i = 0; i < 1_200; i++) {
      const batch = await db.orm.em.fork().findOneOrFail(ImportBatch, { id: batchId });
      if (batch.workflowStatus === 'started' || batch.workflowStatus === 'failed') return batch;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('The import did not finish starting its workflows in time.');
  }

  const runsOf = async (batchId: string) =>
    query<{ account_id: string; runs: number }>(
      db.orm.em.fork(),
      `select "account_id", count(*)::int as runs from "collection_run" where "import_batch_id" = ? group by "account_id"`,
      [batchId],
    );

  it('starts one workflow per owing account over several chunks, and none for an account that owes nothing', async () => {
    const { batchId, owingIds, paidIds } = await importedBatch('CHUNKS', 2 * IMPORT_START_CHUNK + 7, 3);
    const worker = await newWorker();
    await worker.runUntil(async () => {
      expect((await starts.start(batchId)).started).toBe(true);
      expect((await starts.start(batchId)).started).toBe(false);
      const batch = await finished(batchId);
      expect(batch).toMatchObject({
        workflowStatus: 'started',
        workflowsTotal: owingIds.length + paidIds.length,
        workflowsProcessed: owingIds.length + paidIds.length,
        workflowsStarted: owingIds.length,
        workflowsWithoutStrategy: 0,
        workflowErrors: [],
        workflowNote: null,
      });
      const runs = await runsOf(batchId);
      expect(runs).toHaveLength(owingIds.length);
      expect(new Set(runs.map((r) => r.account_id))).toEqual(new Set(owingIds));
      expect(runs.every((r) => r.runs === 1)).toBe(true);
      const owing = await env.client.workflow.getHandle(collectionWorkflowId(owingIds.at(-1) ?? '')).describe();
      expect(owing.status.name).toBe('RUNNING');
      await expect(env.client.workflow.getHandle(collectionWorkflowId(paidIds[0] ?? '')).describe()).rejects.toThrow();
    });
  }, 180_000);

  it('repeats a chunk whose attempt was lost after starting workflows, starting and counting each account once', async () => {
    const { batchId, owingIds } = await importedBatch('LOST', IMPORT_START_CHUNK + 20, 0);
    let attempts = 0;
    const real = createImportStartActivities({ orm: db.orm, collections, logger: activityLogger });
    const worker = await newWorker({
      async startImportChunk(input) {
        attempts += 1;
        if (attempts === 1) {
          // The first attempt starts the first 200 accounts' workflows, as the real chunk would, and is lost before
          // it moves the cursor on: as when the worker dies in the middle of a chunk.
          const first = owingIds.slice(0, 200).map((id) => ({ id, segment: 'standard' }));
          await startCollections(db.orm, collections, first, activityLogger, { importBatchId: batchId });
          throw new Error('worker lost mid-chunk');
        }
        return real.startImportChunk(input);
      },
    });
    await worker.runUntil(async () => {
      await starts.start(batchId);
      const batch = await finished(batchId);
      expect(batch).toMatchObject({ workflowStatus: 'started', workflowsProcessed: owingIds.length, workflowsStarted: owingIds.length, workflowErrors: [] });
      expect(attempts).toBe(3);
      const runs = await runsOf(batchId);
      expect(runs).toHaveLength(owingIds.length);
      expect(runs.every((r) => r.runs === 1)).toBe(true);
      expect(await db.orm.em.fork().count(CollectionRun, { account: { $in: owingIds } })).toBe(owingIds.length);
    });
  }, 180_000);
});
