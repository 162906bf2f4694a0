import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  Allocation,
  CallAttempt,
  CollectorTask,
  Communication,
  Contact,
  Dispute,
  DisputeItem,
  OutboxMessage,
  Payment,
  PaymentPromise,
  Strategy,
  StrategyVersion,
  applyPaymentToPromises,
  checksumGraph,
  type IAccount,
} from '@recoup/db';
import { insertTestAccount, insertTestInvoice, type TestDatabase } from '@recoup/db/testing';
import { strategyGraphSchema, type StrategyGraph } from '@recoup/domain';
import { collectionWorkflowId, createCollectionClient, type CollectionClient } from '@recoup/workflows';
import { createActivities, type Mailer } from '@recoup/workflows/worker';
import { workflowBundle } from '../../workflows/test/temporal-test-env.ts';
import { daytimeZone } from '../support/daytime-zone.ts';
import { startRealActivitiesFixture, type RealActivitiesFixture } from '../support/real-activities.ts';

// Promises to pay and disputes through the real activities (PostgreSQL, SMTP) inside the real workflow on the
// time-skipping server: a promise holds the reminders back until it is judged, and disputed items are not
// collected.

const DAY = 86_400_000;

/** start -> wait 1 day -> reminder -> wait 2 days -> reminder -> end */
const twoReminders: StrategyGraph = strategyGraphSchema.parse({
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'day-1', type: 'wait', data: { mode: 'duration', days: 1 } },
    { id: 'first', type: 'reminder', data: { channel: 'email', template: 'overdue-7' } },
    { id: 'day-3', type: 'wait', data: { mode: 'duration', days: 2 } },
    { id: 'second', type: 'reminder', data: { channel: 'email', template: 'overdue-14' } },
    { id: 'end', type: 'end', data: { outcome: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'day-1' },
    { id: 'e2', source: 'day-1', target: 'first' },
    { id: 'e3', source: 'first', target: 'day-3' },
    { id: 'e4', source: 'day-3', target: 'second' },
    { id: 'e5', source: 'second', target: 'end' },
  ],
});

describe('promises and disputes in the collection workflow', () => {
  let fixture: RealActivitiesFixture;
  let db: TestDatabase;
  let env: TestWorkflowEnvironment;
  let mailer: Mailer;
  let versionId: string;
  let collections: CollectionClient;
  const taskQueue = 'promises-disputes';

  beforeAll(async () => {
    fixture = await startRealActivitiesFixture();
    ({ db, env, mailer } = fixture);
    const em = db.orm.em.fork();
    const strategy = em.create(Strategy, { name: 'Two reminders', description: '', draft: twoReminders, isDefault: false, createdBy: null });
    const version = em.create(StrategyVersion, { strategy, version: 1, graph: twoReminders, checksum: checksumGraph(twoReminders), publishedBy: null });
    await em.flush();
    versionId = version.id;
    collections = createCollectionClient(env.client, { taskQueue });
  });
  afterAll(async () => {
    await fixture?.close();
  });

  async function debtor(ref: string, amounts: bigint[]) {
    const em = db.orm.em.fork();
    const timeZone = daytimeZone(new Date(await env.currentTimeMs()));
    const account = await insertTestAccount(em, { prefix: ref, customerType: 'consumer', timeZone });
    em.create(Contact, { account, name: 'Dana Debtor', email: `${ref.toLowerCase()}@debtor.example`, timeZone, isPrimary: true, consentEmail: true });
    await em.flush();
    const invoices = [];
    for (const amount of amounts) invoices.push(await insertTestInvoice(em, account, amount, { dueDate: '2026-01-15' }));
    return { account, invoices };
  }

  /**
   * Stores a promise as the API does, then records it with the workflow. Called 12 hours into a run, its deadline
   * falls five whole days after the start, so a reminder it held goes out at the same hour of the day.
   */
  async function promiseToPay(account: IAccount, amountMinor: bigint): Promise<string> {
    const until = new Date((await env.currentTimeMs()) + 4.5 * DAY);
    const em = db.orm.em.fork();
    const promise = em.create(PaymentPromise, {
      account: account.id,
      amountMinor,
      currency: 'EUR',
      dueDate: until.toISOString().slice(0, 10),
      graceDays: 0,
      until,
      source: 'api',
    });
    await em.flush();
    await collections.recordPromise(account.id, {
      promiseId: promise.id,
      amountMinor: String(amountMinor),
      currency: 'EUR',
      dueDate: promise.dueDate,
      until: until.toISOString(),
    });
    return promise.id;
  }

  /** Runs the workflow for the account while `during` acts on it; returns the account's communication log. */
  async function run(account: IAccount, during: () => Promise<void>) {
    const activities = createActivities({
      orm: db.orm,
      mailer,
      publicUrl: 'http://localhost:3000',
      now: () => new Date(Context.current().info.currentAttemptScheduledTimestampMs ?? Date.now()),
    });
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
    return worker.runUntil(async () => {
      const startMs = await env.currentTimeMs();
      const handle = await env.client.workflow.start('collectionWorkflow', {
        workflowId: collectionWorkflowId(account.id),
        taskQueue,
        args: [{ accountId: account.id, strategyVersionId: versionId }],
      });
      await during();
      const result = await handle.result();
      const log = await db.orm.em.fork().find(Communication, { account: account.id }, { orderBy: { createdAt: 'asc' } });
      const day = (at: Date | null | undefined) => (at ? Math.round(((at.getTime() - startMs) / DAY) * 10) / 10 : null);
      return { result, sent: log.filter((c) => c.status === 'sent').map((c) => ({ template: c.templateKey, day: day(c.sentAt) })) };
    });
  }

  it('holds the reminders while a promise runs and sends them once it is broken', async () => {
    const { account } = await debtor('PTP', [40_000n]);
    let promiseId = '';
    const { result, sent } = await run(account, async () => {
      await env.sleep('12 hours');
      promiseId = await promiseToPay(account, 40_000n);
    });
    expect(result).toMatchObject({ outcome: 'completed' });
    // The first reminder was due on day 1; the promise given at 12 hours held it until its deadline on day 5.
    expect(sent).toEqual([
      { template: 'overdue-7', day: 5 },
      { template: 'overdue-14', day: 7 },
    ]);
    expect((await db.orm.em.fork().findOneOrFail(PaymentPromise, { id: promiseId })).status).toBe('broken');
  });

  it('leaves a disputed invoice out of the reminder and asks only for the rest', async () => {
    const { account, invoices } = await debtor('PART', [25_000n, 7_500n]);
    const [disputed, undisputed] = invoices;
    if (!disputed || !undisputed) throw new Error('two invoices expected');
    await run(account, async () => {
      const em = db.orm.em.fork();
      const dispute = em.create(Dispute, { account: account.id, reason: 'Goods never arrived' });
      em.create(DisputeItem, { dispute, invoice: disputed.id, amountMinor: 25_000n });
      await em.flush();
      await collections.disputeOpened(account.id);
    });
    const mail = await db.orm.em.fork().find(OutboxMessage, { rcptTo: { $contains: ['part@debtor.example'] } }, { orderBy: { receivedAt: 'asc' } });
    expect(mail).toHaveLength(2);
    expect(mail[0]?.textBody).toContain(undisputed.number);
    expect(mail[0]?.textBody).not.toContain(disputed.number);
  });

  it('holds the rest of the dunning when every item is disputed after the first reminder, and resumes when the dispute is found invalid', async () => {
    const { account, invoices } = await debtor('ALL', [12_000n]);
    const [invoice] = invoices;
    if (!invoice) throw new Error('an invoice expected');
    const { sent } = await run(account, async () => {
      await env.sleep('36 hours');
      const em = db.orm.em.fork();
      const dispute = em.create(Dispute, { account: account.id, reason: 'Wrong price' });
      em.create(DisputeItem, { dispute, invoice: invoice.id, amountMinor: 12_000n });
      await em.flush();
      await collections.disputeOpened(account.id);
      await env.sleep('84 hours');
      dispute.status = 'resolved-invalid';
      dispute.resolvedAt = new Date(await env.currentTimeMs());
      await em.flush();
      await collections.accountChanged(account.id);
    });
    // The second reminder fell due on day 3, while everything was disputed; it went out when the dispute closed.
    expect(sent).toEqual([
      { template: 'overdue-7', day: 1 },
      { template: 'overdue-14', day: 5 },
    ]);
  });

  it('marks a promise kept when a payment covers it, first in first out, and still holds dunning to its deadline', async () => {
    const { account, invoices } = await debtor('KEPT', [40_000n]);
    const [invoice] = invoices;
    if (!invoice) throw new Error('an invoice expected');
    let promiseId = '';
    const { result, sent } = await run(account, async () => {
      await env.sleep('12 hours');
      promiseId = await promiseToPay(account, 20_000n);
      await env.sleep('2 days');
      const em = db.orm.em.fork();
      const payment = em.create(Payment, {
        account: account.id,
        amountMinor: 20_000n,
        currency: 'EUR',
        receivedAt: new Date(await env.currentTimeMs()),
        reference: 'Promised instalment',
        unallocatedMinor: 20_000n,
      });
      await em.flush();
      em.create(Allocation, { payment, invoice: invoice.id, amountMinor: 20_000n });
      await em.flush();
      await applyPaymentToPromises(em, payment.id);
      await collections.paymentApplied(account.id, { paymentId: payment.id, amountMinor: '20000', currency: 'EUR' });
    });
    expect(result).toMatchObject({ outcome: 'completed' });
    expect((await db.orm.em.fork().findOneOrFail(PaymentPromise, { id: promiseId })).status).toBe('kept');
    expect(sent).toEqual([
      { template: 'overdue-7', day: 5 },
      { template: 'overdue-14', day: 7 },
    ]);
  });

  it('defers a call task after seven call attempts within seven days and logs the deferral', async () => {
    const { account } = await debtor('CALLS', [30_000n]);
    const startMs = await env.currentTimeMs();
    const em = db.orm.em.fork();
    for (let i = 1; i <= 7; i++) em.create(CallAttempt, { account: account.id, placedAt: new Date(startMs - i * 0.1 * DAY), outcome: 'no-answer' });
    const callGraph = strategyGraphSchema.parse({
      nodes: [
        { id: 'start', type: 'start', data: {} },
        { id: 'day-1', type: 'wait', data: { mode: 'duration', days: 1 } },
        { id: 'call', type: 'task', data: { taskType: 'call', title: 'Call the debtor', assignment: 'least-loaded', outcomes: ['done'] } },
        { id: 'end', type: 'end', data: { outcome: 'completed' } },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'day-1' },
        { id: 'e2', source: 'day-1', target: 'call' },
        { id: 'e3', source: 'call', target: 'end', sourceHandle: 'done' },
      ],
    });
    const strategy = em.create(Strategy, { name: 'One call', description: '', draft: callGraph, isDefault: false, createdBy: null });
    const version = em.create(StrategyVersion, { strategy, version: 1, graph: callGraph, checksum: checksumGraph(callGraph), publishedBy: null });
    await em.flush();
    const activities = createActivities({
      orm: db.orm,
      mailer,
      publicUrl: 'http://localhost:3000',
      now: () => new Date(Context.current().info.currentAttemptScheduledTimestampMs ?? Date.now()),
    });
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: 'calls', workflowBundle: await workflowBundle(), activities });
    const calls = createCollectionClient(env.client, { taskQueue: 'calls' });
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('collectionWorkflow', {
        workflowId: collectionWorkflowId(account.id),
        taskQueue: 'calls',
        args: [{ accountId: account.id, strategyVersionId: version.id }],
      });
      let task = null;
      while (!task) {
        await env.sleep('6 hours');
        task = await db.orm.em.fork().findOne(CollectorTask, { account: account.id });
      }
      // The oldest of the seven calls leaves the seven-day window 6.3 days after the start.
      expect((await env.currentTimeMs()) - startMs).toBeGreaterThan(6.3 * DAY);
      await calls.completeTask(account.id, { taskKey: task.key, outcome: 'done' });
      await handle.result();
    });
    const deferrals = await db.orm.em.fork().find(Communication, { account: account.id, channel: 'call', status: 'deferred' });
    expect(deferrals).toHaveLength(1);
    expect(deferrals[0]?.reason).toContain('7 calls were placed in the last 7 days');
  });
});
