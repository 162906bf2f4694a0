import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  Allocation,
  AuditLog,
  BankStatement,
  CollectionRun,
  Invoice,
  Payment,
  StatementLine,
  Strategy,
  StrategyVersion,
  checksumGraph,
  storeStatement,
  type IAccount,
} from '@recoup/db';
import { insertTestAccount, insertTestInvoice, type TestDatabase } from '@recoup/db/testing';
import { parseCamt, strategyGraphSchema, type ParsedStatement, type StrategyGraph } from '@recoup/domain';
import {
  collectionWorkflowId,
  createCollectionClient,
  createReconciliationClient,
  reconciliationWorkflowId,
  stateQuery,
  type CollectionClient,
  type ReconciliationClient,
  type ReconciliationProgressView,
} from '@recoup/workflows';
import {
  activityLogger,
  createAccountNotifier,
  createActivities,
  createReconciliationActivities,
  type WorkerActivities,
} from '@recoup/workflows/worker';
import { maybeRecordHistory, workflowBundle } from '../../workflows/test/temporal-test-env.ts';
import { camt053 } from '../../packages/domain/test/support/camt053.ts';
import { RECONCILIATION_BATCH } from '../../workflows/src/workflows/reconciliation.workflow.ts';
import { startRealActivitiesFixture, type RealActivitiesFixture } from '../support/real-activities.ts';

// Bank statements reconciled by the real workflow and activities, on PostgreSQL and the time-skipping server, next
// to the accounts' real collection workflows: paid accounts settle, a part payment leaves the rest being
// collected, a returned payment puts the money back on the books and collection starts again, doubtful lines
// wait for a person, and a worker lost after a batch committed applies nothing twice.

/** start -> wait 20 days -> reminder -> wait 60 days -> end: the workflows sit on a timer while money arrives. */
const slowDunning: StrategyGraph = strategyGraphSchema.parse({
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'wait', type: 'wait', data: { mode: 'duration', days: 20 } },
    { id: 'remind', type: 'reminder', data: { channel: 'email', template: 'overdue-7' } },
    { id: 'later', type: 'wait', data: { mode: 'duration', days: 60 } },
    { id: 'end', type: 'end', data: { outcome: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'wait' },
    { id: 'e2', source: 'wait', target: 'remind' },
    { id: 'e3', source: 'remind', target: 'later' },
    { id: 'e4', source: 'later', target: 'end' },
  ],
});

const IBAN = 'DE89370400440532013000';

describe('the reconciliation workflow', () => {
  let fixture: RealActivitiesFixture;
  let db: TestDatabase;
  let env: TestWorkflowEnvironment;
  let collections: CollectionClient;
  let reconciliations: ReconciliationClient;
  let versionId: string;
  const taskQueue = 'reconciliation';

  beforeAll(async () => {
    fixture = await startRealActivitiesFixture();
    ({ db, env } = fixture);
    const em = db.orm.em.fork();
    // The default strategy: collection that starts again after a reversal runs it.
    const strategy = em.create(Strategy, { name: 'Slow dunning', description: '', draft: slowDunning, isDefault: true, createdBy: null });
    const version = em.create(StrategyVersion, { strategy, version: 1, graph: slowDunning, checksum: checksumGraph(slowDunning), publishedBy: null });
    await em.flush();
    versionId = version.id;
    collections = createCollectionClient(env.client, { taskQueue });
    reconciliations = createReconciliationClient(env.client, { taskQueue });
  }, 120_000);
  afterAll(async () => {
    await fixture?.close();
  });

  const activities = (override: Partial<WorkerActivities> = {}): WorkerActivities => {
    const now = () => new Date(Context.current().info.currentAttemptScheduledTimestampMs ?? Date.now());
    return {
      ...createActivities({ orm: db.orm, mailer: fixture.mailer, publicUrl: 'http://localhost:3000', now }),
      ...createReconciliationActivities({ orm: db.orm, notifier: createAccountNotifier(db.orm, collections, activityLogger), now }),
      ...override,
    };
  };
  const newWorker = async (override: Partial<WorkerActivities> = {}, options: { maxCachedWorkflows?: number } = {}) =>
    Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities: activities(override), ...options });

  async function debtor(prefix: string, amounts: bigint[]) {
    const em = db.orm.em.fork();
    const account = await insertTestAccount(em, { prefix });
    const invoices = [];
    for (const [i, amount] of amounts.entries()) invoices.push(await insertTestInvoice(em, account, amount, { dueDate: `2026-0${i + 1}-15` }));
    return { account, invoices };
  }

  async function importCamt(xml: string): Promise<string> {
    const stored = await storeStatement(db.orm.em.fork(), parseCamt(xml), { raw: Buffer.from(xml), filename: 'test.xml', userId: null });
    return stored.statement.id;
  }

  /** Waits, in real time (so the test server does not skip ahead), until the statement is reconciled. */
  async function reconciled(statementId: string): Promise<void> {
    for (let i = 0; i < 600; i++) {
      const statement = await db.orm.em.fork().findOneOrFail(BankStatement, { id: statementId });
      if (statement.status === 'reconciled') return;
      if (statement.status === 'failed') throw new Error('The reconciliation failed.');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('The statement was not reconciled in time.');
  }

  const lineOf = async (statementId: string, bankRef: string) =>
    db.orm.em.fork().findOneOrFail(StatementLine, { bankStatement: statementId, bankRef });
  const openOf = async (account: IAccount) =>
    (await db.orm.em.fork().find(Invoice, { account: account.id })).reduce((sum, i) => sum + i.openMinor, 0n);

  it('settles a paid account, keeps collecting the rest of a part payment, and queues what it cannot place', async () => {
    const paid = await debtor('PAID', [42_000n]);
    const part = await debtor('PART', [100_000n, 25_000n]);
    const worker = await newWorker();
    await worker.runUntil(async () => {
      for (const { account } of [paid, part]) await collections.start(account.id, versionId);
      const statementId = await importCamt(
        camt053({
          messageId: 'STMT-SETTLE',
          iban: IBAN,
          currency: 'EUR',
          entries: [
            { bankRef: 'R-1', amountMinor: 42_000n, currency: 'EUR', text: `Payment ${paid.invoices[0]?.number}`, payer: 'Someone' },
            { bankRef: 'R-2', amountMinor: 40_000n, currency: 'EUR', text: `Account ${part.account.externalRef} on account` },
            { bankRef: 'R-3', amountMinor: 9_999n, currency: 'EUR', text: 'thank you' },
            { bankRef: 'R-4', amountMinor: 1_500n, currency: 'EUR', direction: 'debit', text: 'Account fee' },
          ],
        }),
      );
      const started = await reconciliations.start(statementId);
      expect(started.started).toBe(true);
      await reconciled(statementId);
      const handle = env.client.workflow.getHandle(started.workflowId);
      const result = (await handle.result()) as ReconciliationProgressView;
      await maybeRecordHistory('reconciliation-statement', handle);
      expect(result).toMatchObject({ status: 'completed', lines: 4, pending: 0, applied: 2, exceptions: 1, skipped: 1, notified: 2 });
      expect(result.appliedMinor).toEqual([{ currency: 'EUR', amountMinor: '82000' }]);

      expect(await env.client.workflow.getHandle(collectionWorkflowId(paid.account.id)).result()).toMatchObject({ outcome: 'settled' });
      const partState = await env.client.workflow.getHandle(collectionWorkflowId(part.account.id)).query(stateQuery);
      expect(partState).toMatchObject({ status: 'running', balance: { amountMinor: '85000', currency: 'EUR' } });

      expect(await lineOf(statementId, 'R-1')).toMatchObject({ status: 'applied', rule: 'invoice-reference' });
      expect(await lineOf(statementId, 'R-2')).toMatchObject({ status: 'applied', rule: 'partial-payment' });
      expect(await lineOf(statementId, 'R-3')).toMatchObject({ status: 'exception', rule: 'none' });
      expect(await lineOf(statementId, 'R-4')).toMatchObject({ status: 'skipped' });
      // Oldest first: the January invoice took the whole part payment.
      const [older] = part.invoices;
      expect((await db.orm.em.fork().findOneOrFail(Invoice, { id: older?.id ?? '' })).openMinor).toBe(60_000n);
    });
  });

  it('reverses a returned payment, owes the money again, and starts collection once more', async () => {
    const { account, invoices } = await debtor('RTN', [30_000n]);
    const worker = await newWorker();
    await worker.runUntil(async () => {
      await collections.start(account.id, versionId);
      const first = await importCamt(
        camt053({
          messageId: 'STMT-PAY',
          iban: IBAN,
          currency: 'EUR',
          entries: [{ bankRef: 'P-1', amountMinor: 30_000n, currency: 'EUR', endToEndId: 'E2E-RTN-1', text: `${invoices[0]?.number}` }],
        }),
      );
      await reconciliations.start(first);
      await reconciled(first);
      expect(await env.client.workflow.getHandle(collectionWorkflowId(account.id)).result()).toMatchObject({ outcome: 'settled' });
      expect(await openOf(account)).toBe(0n);

      const second = await importCamt(
        camt053({
          messageId: 'STMT-RETURN',
          iban: IBAN,
          currency: 'EUR',
          entries: [{ bankRef: 'P-2', amountMinor: 30_000n, currency: 'EUR', direction: 'debit', returned: true, endToEndId: 'E2E-RTN-1' }],
        }),
      );
      await reconciliations.start(second);
      await reconciled(second);
      expect(await lineOf(second, 'P-2')).toMatchObject({ status: 'applied', rule: 'reversal' });
      expect(await db.orm.em.fork().count(AuditLog, { action: 'payment.reversed' })).toBe(1);
      expect(await openOf(account)).toBe(30_000n);
      const payment = await db.orm.em.fork().findOneOrFail(Payment, { account: account.id });
      expect(payment.reversedAt).not.toBeNull();
      expect(payment.unallocatedMinor).toBe(0n);
      expect(await db.orm.em.fork().count(Allocation, { payment: payment.id })).toBe(0);
      // The settled run ended; a new run of the default strategy collects the money owed again.
      const runs = await db.orm.em.fork().find(CollectionRun, { account: account.id });
      expect(runs).toHaveLength(1);
      const state = await env.client.workflow.getHandle(collectionWorkflowId(account.id)).query(stateQuery);
      expect(state).toMatchObject({ status: 'running', balance: { amountMinor: '30000' } });
    });
  });

  /** A statement of `total` credits; the line at i pays the invoice `pays(i)` names, or comes from no known payer. */
  const bulkStatement = (statementId: string, total: number, pays: (i: number) => { number: string; amountMinor: bigint } | undefined): ParsedStatement => ({
    format: 'camt.053',
    statementId,
    createdOn: '2026-11-20',
    accounts: [
      {
        accountNumber: IBAN,
        currency: 'EUR',
        entries: Array.from({ length: total }, (_, i) => {
          const paid = pays(i);
          return {
            bankRef: `${statementId}-${i}`,
            customerRef: null,
            direction: 'credit' as const,
            amountMinor: paid?.amountMinor ?? 777n,
            currency: 'EUR',
            valueDate: '2026-11-20',
            text: paid ? `Invoice ${paid.number}` : `unknown payer ${i}`,
            counterparty: null,
            typeCode: 'PMNT',
            returned: false,
            source: `line ${i + 1}`,
          };
        }),
      },
    ],
  });

  it('applies every line exactly once when the worker is lost after a batch committed and another worker takes over', async () => {
    const debtors: { account: IAccount; number: string }[] = [];
    for (let i = 0; i < 60; i++) {
      const { account, invoices } = await debtor('BULK', [10_000n + BigInt(i)]);
      debtors.push({ account, number: invoices[0]?.number ?? '' });
    }
    // Two batches and a bit: 60 lines that pay an invoice, spread over the file, and the rest that no one can place.
    const total = 2 * RECONCILIATION_BATCH + 200;
    const every = Math.floor(total / 60);
    const parsed = bulkStatement('STMT-BULK', total, (i) => {
      const payer = i % every === 0 ? debtors[i / every] : undefined;
      return payer ? { number: payer.number, amountMinor: 10_000n + BigInt(i / every) } : undefined;
    });
    const { statement } = await storeStatement(db.orm.em.fork(), parsed, { raw: Buffer.from('bulk'), filename: 'bulk', userId: null });
    const real = activities();
    let calls = 0;
    let lost: () => void = () => undefined;
    const workerLost = new Promise<void>((resolve) => (lost = resolve));
    // Uncached, so its runs' next tasks go to the shared queue at once: the test server's clock, which a real
    // server's sticky-queue timeout would need, stands still here.
    const first = await newWorker({
      async reconcileBatch(input) {
        const result = await real.reconcileBatch?.(input);
        calls += 1;
        // The second batch commits, then its worker dies before it can report back.
        if (calls === 2) {
          lost();
          throw new Error('worker lost after the batch committed');
        }
        if (!result) throw new Error('no reconcileBatch');
        return result;
      },
    }, { maxCachedWorkflows: 0 });
    await reconciliations.start(statement.id);
    await first.runUntil(workerLost);
    const second = await newWorker();
    const result = await second.runUntil(env.client.workflow.getHandle(reconciliationWorkflowId(statement.id)).result());
    expect(result).toMatchObject({ status: 'completed', lines: total, pending: 0, applied: 60, exceptions: total - 60, notified: 60 });

    const em = db.orm.em.fork();
    const payments = await em.find(Payment, { statementLine: { bankStatement: statement.id } });
    expect(payments).toHaveLength(60);
    expect(new Set(payments.map((p) => p.account.id)).size).toBe(60);
    for (const { account } of debtors) expect(await openOf(account)).toBe(0n);
    const lines = await em.find(StatementLine, { bankStatement: statement.id });
    expect(lines.filter((l) => l.status === 'applied')).toHaveLength(60);
    expect(lines.filter((l) => l.status === 'exception')).toHaveLength(total - 60);
  });

  it('fails the statement, and tells no later batch, when telling the accounts of a batch fails while the next batch runs', async () => {
    const total = RECONCILIATION_BATCH + 100;
    const { statement } = await storeStatement(db.orm.em.fork(), bulkStatement('STMT-TELL-FAILS', total, () => undefined), {
      raw: Buffer.from('tell fails'),
      filename: 'tell-fails',
      userId: null,
    });
    const told: number[] = [];
    const worker = await newWorker({
      async notifyAccounts(input) {
        told.push(input.fromPosition);
        throw ApplicationFailure.create({ message: 'the collection service refused the signal', nonRetryable: true });
      },
    });
    await reconciliations.start(statement.id);
    const handle = env.client.workflow.getHandle(reconciliationWorkflowId(statement.id));
    await expect(worker.runUntil(handle.result())).rejects.toThrow(WorkflowFailedError);
    // The second batch ran beside the failed telling of the first, but was never told itself.
    expect(told).toEqual([0]);
    const em = db.orm.em.fork();
    expect((await em.findOneOrFail(BankStatement, { id: statement.id })).status).toBe('failed');
    expect(await em.count(StatementLine, { bankStatement: statement.id, status: 'pending' })).toBe(0);
  });
});
