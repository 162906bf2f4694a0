import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Context } from '@temporalio/activity';
import { Worker } from '@temporalio/worker';
import type { Server } from 'node:http';
import { loadConfig } from '@recoup/config';
import { AppUser, CollectorTask, Contact, Dispute, Invoice, PaymentPromise, Strategy, StrategyVersion, checksumGraph } from '@recoup/db';
import { insertTestAccount, insertTestInvoice } from '@recoup/db/testing';
import { DEMO_PASSWORD, seedDemo } from '@recoup/db/seed';
import { strategyGraphSchema, type StrategyGraph } from '@recoup/domain';
import { collectionWorkflowId, createCollectionClient, type CollectionClient } from '@recoup/workflows';
import { createActivities } from '@recoup/workflows/worker';
import { createApp, hashPassword, silentLogger, type RecoupApp } from '@recoup/api';
import { createImportStartsClient, createReconciliationClient } from '@recoup/workflows';
import { workflowBundle } from '../../workflows/test/temporal-test-env.ts';
import { ApiSession } from '../support/api-session.ts';
import { daytimeZone } from '../support/daytime-zone.ts';
import { startRealActivitiesFixture, type RealActivitiesFixture } from '../support/real-activities.ts';

// A collector completes calls through the API while the real collection workflow waits at the task node on the
// time-skipping server, with the real activities on PostgreSQL: each outcome the inbox records takes its own exit
// of the task, a call-back leaves the workflow waiting at the task, and the strategy's priority reaches the task row.

const OUTCOMES = ['promise-to-pay', 'payment-plan', 'dispute', 'no-contact', 'wrong-number'] as const;
const DAY = 86_400_000;

/** start -> call task (priority high) -> one end node per outcome, so the end the run reaches names the exit taken. */
const callAndEnd: StrategyGraph = strategyGraphSchema.parse({
  nodes: [
    { id: 'start', type: 'start', data: {} },
    {
      id: 'task-call',
      type: 'task',
      label: 'Call the customer',
      data: { taskType: 'call', title: 'Call the customer', assignment: 'least-loaded', outcomes: [...OUTCOMES], priority: 'high' },
    },
    ...OUTCOMES.map((o) => ({ id: `end-${o}`, type: 'end', data: { outcome: 'completed' } })),
  ],
  edges: [
    { id: 'e-start', source: 'start', target: 'task-call' },
    ...OUTCOMES.map((o) => ({ id: `e-${o}`, source: 'task-call', target: `end-${o}`, sourceHandle: o })),
  ],
});

describe('inbox outcomes in the real collection workflow', () => {
  let fixture: RealActivitiesFixture;
  let collections: CollectionClient;
  let worker: Worker;
  let running: Promise<void>;
  let app: RecoupApp;
  let server: Server;
  let api: ApiSession;
  let versionId = '';
  let collectorId = '';
  const taskQueue = 'inbox-outcomes';

  beforeAll(async () => {
    fixture = await startRealActivitiesFixture();
    const { db, env, mailer } = fixture;
    await seedDemo(db.orm, { hashPassword, accounts: 0, now: new Date() });
    const em = db.orm.em.fork();
    const strategy = em.create(Strategy, { name: 'Call and end', description: '', draft: callAndEnd, isDefault: false, createdBy: null });
    const version = em.create(StrategyVersion, { strategy, version: 1, graph: callAndEnd, checksum: checksumGraph(callAndEnd), publishedBy: null });
    await em.flush();
    versionId = version.id;
    collectorId = (await em.findOneOrFail(AppUser, { email: 'collector1@recoup.local' })).id;
    collections = createCollectionClient(env.client, { taskQueue });
    const activities = createActivities({
      orm: db.orm,
      mailer,
      publicUrl: 'http://localhost:3000',
      now: () => new Date(Context.current().info.currentAttemptScheduledTimestampMs ?? Date.now()),
    });
    worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
    running = worker.run();
    const config = { ...loadConfig({ SESSION_SECRET: 'test-session-secret-0123456789' }), databaseUrl: db.url };
    const reconciliations = createReconciliationClient(env.client, { taskQueue });
    app = createApp({ orm: db.orm, collections, reconciliations, importStarts: createImportStartsClient(env.client, { taskQueue }), config, logger: silentLogger, staticDir: '/nonexistent' });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    api = await ApiSession.login(`http://127.0.0.1:${port}`, 'collector1@recoup.local', DEMO_PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await app?.close();
    worker?.shutdown();
    await running;
    await fixture?.close();
  });

  /** An account of collector1's with an overdue invoice, its workflow started and waiting at the call task. */
  async function callWaiting(ref: string) {
    const em = fixture.db.orm.em.fork();
    const timeZone = daytimeZone(new Date(await fixture.env.currentTimeMs()));
    const account = await insertTestAccount(em, { prefix: ref, customerType: 'business', timeZone });
    account.assignedCollector = em.getReference(AppUser, collectorId);
    em.create(Contact, { account, name: 'Dana Debtor', email: `${ref.toLowerCase()}@debtor.example`, phone: '+49 30 1234567', timeZone, isPrimary: true, consentPhone: true });
    await em.flush();
    await insertTestInvoice(em, account, 90_000n, { dueDate: new Date(Date.now() - 20 * DAY).toISOString().slice(0, 10) });
    const handle = await collections.temporal.workflow.start('collectionWorkflow', {
      workflowId: collectionWorkflowId(account.id),
      taskQueue,
      args: [{ accountId: account.id, strategyVersionId: versionId }],
    });
    let task = null;
    for (let i = 0; i < 200 && !task; i += 1) {
      task = await fixture.db.orm.em.fork().findOne(CollectorTask, { account: account.id });
      if (!task) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!task) throw new Error(`no task was created for ${ref}`);
    return { account, task, handle };
  }

  const complete = async (taskId: string, body: object) =>
    (await api.request('POST', `/api/tasks/${taskId}/complete`, body)) as { status: number; body: { status?: string; dueAt?: string } };
  const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

  it('gives the task the priority the strategy set, and each outcome takes its own exit of the task', async () => {
    const bodies: Record<(typeof OUTCOMES)[number], (accountId: string) => Promise<object>> = {
      'promise-to-pay': async () => ({ outcome: 'promise-to-pay', promise: { amount: { amountMinor: '90000', currency: 'EUR' }, dueDate: inDays(5) }, call: { result: 'conversation' } }),
      'payment-plan': async () => ({ outcome: 'payment-plan', plan: { installments: 3, intervalDays: 30, firstDueDate: inDays(3) } }),
      dispute: async (accountId) => {
        const [invoice] = await fixture.db.orm.em.fork().find(Invoice, { account: accountId });
        return { outcome: 'dispute', dispute: { reason: 'Never delivered', items: [{ invoiceId: invoice?.id }] } };
      },
      'no-contact': async () => ({ outcome: 'no-contact', call: { result: 'no-answer' } }),
      'wrong-number': async () => ({ outcome: 'wrong-number', call: { result: 'wrong-number' } }),
    };
    for (const outcome of OUTCOMES) {
      const { account, task, handle } = await callWaiting(`OUT-${outcome}`);
      expect(task.priority).toBe('high');
      const response = await complete(task.id, await bodies[outcome](account.id));
      expect({ outcome, status: response.status, body: response.status === 200 ? 'ok' : response.body }).toEqual({ outcome, status: 200, body: 'ok' });
      expect(await handle.result()).toEqual({ outcome: 'completed', nodeId: `end-${outcome}` });
    }
    const em = fixture.db.orm.em.fork();
    expect(await em.count(Dispute, { reason: 'Never delivered' })).toBe(1);
    expect(await em.count(PaymentPromise, { source: 'plan' })).toBe(3);
  });

  it('leaves the workflow waiting at the task after a call-back, and takes the later outcome', async () => {
    const { task, handle } = await callWaiting('CALLBACK');
    const callBackAt = new Date(Date.now() + DAY).toISOString();
    const later = await complete(task.id, { outcome: 'call-back', callBackAt, call: { result: 'busy' } });
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({ status: 'open', dueAt: callBackAt });
    const state = await collections.state(task.account.id);
    expect(state).toMatchObject({ status: 'running', nodeId: 'task-call', awaitingTaskKey: task.key });
    expect((await complete(task.id, { outcome: 'no-contact', call: { result: 'no-answer' } })).status).toBe(200);
    expect(await handle.result()).toEqual({ outcome: 'completed', nodeId: 'end-no-contact' });
  });

  it('shows the collector the decision timeline of the account, with the outcome they recorded', async () => {
    const { account, task, handle } = await callWaiting('TIMELINE');
    expect((await complete(task.id, { outcome: 'no-contact' })).status).toBe(200);
    await handle.result();
    const timeline = (await api.request('GET', `/api/accounts/${account.id}/timeline`)) as {
      status: number;
      body: { unavailable: string | null; steps: { kind: string; nodeId: string | null; nodeLabel: string | null; title: string }[] };
    };
    expect(timeline.status).toBe(200);
    expect(timeline.body.unavailable).toBeNull();
    const kinds = timeline.body.steps.map((s) => s.kind);
    expect(kinds[0]).toBe('started');
    expect(kinds).toEqual(expect.arrayContaining(['task', 'task-outcome', 'ended']));
    expect(timeline.body.steps.find((s) => s.kind === 'task-outcome')).toMatchObject({
      nodeId: 'task-call',
      nodeLabel: 'Call the customer',
      title: 'The collector recorded the outcome “no-contact”',
    });
  });

  it("closes a settled account's call task and takes it out of the collector's inbox", async () => {
    const { account, task, handle } = await callWaiting('SETTLE');
    const inbox = async () => ((await api.request('GET', '/api/tasks/inbox?scope=mine')) as { body: { items: { id: string }[] } }).body.items.map((t) => t.id);
    expect(await inbox()).toContain(task.id);
    const paid = (await api.request('POST', '/api/payments', { accountId: account.id, amount: { amountMinor: '90000', currency: 'EUR' } }, { 'idempotency-key': `settle-${account.id}` })) as {
      status: number;
    };
    expect(paid.status).toBe(201);
    expect(await handle.result()).toMatchObject({ outcome: 'settled' });
    const closed = await fixture.db.orm.em.fork().findOneOrFail(CollectorTask, { id: task.id });
    expect(closed).toMatchObject({ status: 'cancelled', note: 'Closed: the account was settled.' });
    expect(await inbox()).not.toContain(task.id);
  });
});
