import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { activeModelBacktest, listModels } from '@recoup/db';
import { createTestDatabase, type TestDatabase } from '@recoup/db/testing';
import { createTrainingPool, readIbmReceivables } from '@recoup/prediction';
import { createModelTrainingActivities } from '../src/activities/model-training.ts';
import { ensureTrainingSchedule, startTrainingRun, TRAINING_SCHEDULE_ID } from '../src/client/model-training.ts';
import { quietTemporalRuntime, unusedActivities, workflowBundle } from './temporal-test-env.ts';

// The nightly Schedule and an admin's runs train the payment models on the public accounts-receivable data set,
// in the training thread, and store them in PostgreSQL with the verdict. The time-skipping test server has no
// Schedules, so this runs on the Temporal dev server (the CLI that scripts/bootstrap.sh installs).
//
// The three runs, on the data set's own calendar:
//   1. the Schedule, as of 2012-09-01: the first model, which beats the customers' own late rates: active;
//   2. an admin, as of 2014-01-10, learning from only the last 200 days: ranks late payers worse than the active
//      model on the invoices paid since it was trained: kept inactive;
//   3. an admin, as of 2014-01-10, learning from everything: beats it on both counts: active, the first replaced.

const TASK_QUEUE = 'model-training-test';
const histories = readIbmReceivables(readFileSync(join(process.cwd(), 'test', 'fixtures', 'datasets', 'ibm-accounts-receivable.csv'), 'utf8'));

let db: TestDatabase;
let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
const training = createTrainingPool();
let clock = new Date('2012-09-01T02:00:00Z');

beforeAll(async () => {
  quietTemporalRuntime();
  db = await createTestDatabase();
  env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: join(process.cwd(), '.tools', 'python', 'bin', 'temporal') } },
  });
  worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue: TASK_QUEUE,
    workflowBundle: await workflowBundle(),
    activities: {
      ...unusedActivities(),
      ...createModelTrainingActivities({ orm: db.orm, training, now: () => clock, histories: async () => histories }),
    },
  });
  running = worker.run();
}, 180_000);

afterAll(async () => {
  worker?.shutdown();
  await running;
  await training.close();
  await env?.teardown();
  await db?.drop();
});

/** The run the schedule started most recently, once it has one. */
async function scheduledRun(): Promise<string> {
  const handle = env.client.schedule.getHandle(TRAINING_SCHEDULE_ID);
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const started = (await handle.describe()).info.recentActions.at(-1)?.action.workflow.workflowId;
    if (started) return started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('The schedule started no run.');
}

describe('training the payment models as a durable job', () => {
  it('creates the nightly schedule once, at 02:00, skipping a night while a run is still going', async () => {
    await ensureTrainingSchedule(env.client, { taskQueue: TASK_QUEUE });
    await ensureTrainingSchedule(env.client, { taskQueue: TASK_QUEUE });
    const description = await env.client.schedule.getHandle(TRAINING_SCHEDULE_ID).describe();
    expect(description.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 2, end: 2, step: 1 }], minute: [{ start: 0, end: 0, step: 1 }] });
    expect(description.policies.overlap).toBe('SKIP');
  });

  it('trains from the schedule and activates the first model, which beats the customers’ own late rates', async () => {
    await env.client.schedule.getHandle(TRAINING_SCHEDULE_ID).trigger();
    const result = await env.client.workflow.getHandle(await scheduledRun()).result();
    expect(result).toMatchObject({ status: 'active' });
    expect(result.reason).toMatch(/^Activated: it beats the customers' own late rates \(AUC 0\.\d+ against 0\.\d+/);
    const [model] = await listModels(db.orm.em.fork());
    expect(model).toMatchObject({ id: result.modelId, trigger: 'schedule', status: 'active' });
    expect(model!.description).toMatchObject({ learner: 'gradient-boosted-trees', validation: { lateAuc: expect.any(Number) } });
    // The backtest of the cash forecast is stored with it, on weeks of its validation period.
    const stored = await activeModelBacktest(db.orm.em.fork());
    expect(stored?.modelId).toBe(result.modelId);
    expect(stored!.backtest.origins.length).toBeGreaterThan(0);
    expect(stored!.backtest.origins.every((o) => o.currency === 'USD' && o.originDate < '2012-09-01')).toBe(true);
  });

  it('keeps a worse model inactive and says why, the active one unchanged', async () => {
    clock = new Date('2014-01-10T09:00:00Z');
    const run = await startTrainingRun(env.client, TASK_QUEUE, { requestedBy: null, windowDays: 200 });
    const result = await run.result();
    expect(result.status).toBe('inactive');
    expect(result.reason).toMatch(/^Kept inactive: it does not beat the active model \(AUC /);
    const models = await listModels(db.orm.em.fork());
    expect(models.map((m) => [m.trigger, m.status])).toEqual([
      ['admin', 'inactive'],
      ['schedule', 'active'],
    ]);
    expect(models[0]!.reason).toBe(result.reason);
  });

  it('activates a better model, and the one it replaces says so', async () => {
    const result = await (await startTrainingRun(env.client, TASK_QUEUE, { requestedBy: null })).result();
    expect(result.status).toBe('active');
    expect(result.reason).toMatch(/^Activated: it beats the active model/);
    const models = await listModels(db.orm.em.fork());
    expect(models.map((m) => m.status)).toEqual(['active', 'inactive', 'inactive']);
    expect(models[2]!.reason).toBe(`Replaced by model ${result.modelId}.`);
  });
});
