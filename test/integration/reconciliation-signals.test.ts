import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MockActivityEnvironment } from '@temporalio/testing';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { CollectionRun, Strategy, StrategyVersion, checksumGraph, reconcileBatch, storeStatement, type IAccount } from '@recoup/db';
import { createTestDatabase, insertTestAccount, insertTestInvoice, type TestDatabase } from '@recoup/db/testing';
import { DEFAULT_STRATEGY, strategyGraphSchema, type ParsedStatement } from '@recoup/domain';
import { collectionWorkflowId, createCollectionClient, type CollectionClient } from '@recoup/workflows';
import { activityLogger, createAccountNotifier, createReconciliationActivities } from '@recoup/workflows/worker';
import type { CollectionActivities } from '../../workflows/src/activities/activity-types.ts';
import { runningCollections } from '../../workflows/src/client/running-collections.ts';
import { quietTemporalRuntime, unusedActivities, workflowBundle } from '../../workflows/test/temporal-test-env.ts';
import { findTemporalCli, startTemporalDevServer, type DevServerHandle } from '../../packages/api/src/launcher/temporal-dev-server.ts';

// After each batch the reconciliation tells the accounts it paid into, but only those whose collection workflow
// runs: one visibility query finds them, so a statement against a ledger of settled accounts costs no signal per
// line. The time-skipping test server cannot list workflows, so this runs on the dev server the launcher starts.

const graph = strategyGraphSchema.parse(DEFAULT_STRATEGY.graph);
const NAMESPACE = 'recoup-signal-test';
const TASK_QUEUE = 'reconciliation-signal-test';

describe('telling accounts of the payments a batch applied', () => {
  let dataDir: string;
  let server: DevServerHandle;
  let connection: Connection;
  let native: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  let collections: CollectionClient;
  let db: TestDatabase;
  let versionId: string;

  beforeAll(async () => {
    quietTemporalRuntime();
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'recoup-signal-'));
    server = await startTemporalDevServer({ cliPath: findTemporalCli(process.env, process.cwd()), dataDir, namespace: NAMESPACE });
    connection = await Connection.connect({ address: server.address });
    native = await NativeConnection.connect({ address: server.address });
    const activities: CollectionActivities = {
      ...unusedActivities(),
      loadStrategyVersion: async () => ({ graph, checksum: 'test' }),
      loadAccountSnapshot: async () => ({ balanceMinor: '50000', currency: 'EUR', oldestDueAt: new Date(Date.now() + 30 * 86_400_000).toISOString() }),
    };
    worker = await Worker.create({ connection: native, namespace: NAMESPACE, taskQueue: TASK_QUEUE, workflowBundle: await workflowBundle(), activities });
    running = worker.run();
    collections = createCollectionClient(new Client({ connection, namespace: NAMESPACE }), { taskQueue: TASK_QUEUE });
    const em = db.orm.em.fork();
    const strategy = em.create(Strategy, { name: 'Default', description: '', draft: graph, isDefault: true, createdBy: null });
    const version = em.create(StrategyVersion, { strategy, version: 1, graph, checksum: checksumGraph(graph), publishedBy: null });
    await em.flush();
    versionId = version.id;
  }, 180_000);

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await native?.close();
    await connection?.close();
    await server?.stop();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function debtor(prefix: string): Promise<{ account: IAccount; number: string }> {
    const em = db.orm.em.fork();
    const account = await insertTestAccount(em, { prefix });
    const invoice = await insertTestInvoice(em, account, 10_000n);
    return { account, number: invoice.number };
  }

  /** Visibility is eventually consistent: ask until it lists what the test set up. */
  async function runningUntil(accountIds: string[], expected: string[]): Promise<Set<string>> {
    for (let attempt = 0; ; attempt += 1) {
      const found = await runningCollections(collections.temporal, db.orm.em.fork(), accountIds);
      if ((found.size === expected.length && expected.every((id) => found.has(id))) || attempt > 80) return found;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  it('signals the accounts whose collection runs or has just started, and none that ended or never began', async () => {
    const collecting = await debtor('RUN');
    const ended = await debtor('END');
    const never = await debtor('NEVER');
    const justStarted = await debtor('NEW');
    await collections.start(collecting.account.id, versionId);
    await collections.start(ended.account.id, versionId);
    await collections.terminate(ended.account.id, 'Settled outside the system');
    // A run recorded a moment ago, which visibility may not list yet.
    const em = db.orm.em.fork();
    em.create(CollectionRun, {
      account: justStarted.account.id,
      workflowId: collectionWorkflowId(justStarted.account.id),
      strategyVersion: versionId,
      armLabel: null,
      assigned: false,
      segment: 'standard',
      startedAt: new Date(),
    });
    // The ended account's run began long ago: only Temporal knows whether it still runs.
    em.create(CollectionRun, {
      account: ended.account.id,
      workflowId: collectionWorkflowId(ended.account.id),
      strategyVersion: versionId,
      armLabel: null,
      assigned: false,
      segment: 'standard',
      startedAt: new Date(Date.now() - 86_400_000),
    });
    await em.flush();
    const all = [collecting, ended, never, justStarted];
    expect(await runningUntil(all.map((d) => d.account.id), [collecting.account.id, justStarted.account.id])).toEqual(
      new Set([collecting.account.id, justStarted.account.id]),
    );

    const parsed: ParsedStatement = {
      format: 'camt.053',
      statementId: 'STMT-SIGNALS',
      createdOn: '2026-11-20',
      accounts: [
        {
          accountNumber: 'DE89370400440532013000',
          currency: 'EUR',
          entries: all.map((d, i) => ({
            bankRef: `SIG-${i}`,
            customerRef: null,
            direction: 'credit' as const,
            amountMinor: 10_000n,
            currency: 'EUR',
            valueDate: '2026-11-20',
            text: `Invoice ${d.number}`,
            counterparty: null,
            typeCode: 'PMNT',
            returned: false,
            source: `line ${i + 1}`,
          })),
        },
      ],
    };
    const { statement } = await storeStatement(db.orm.em.fork(), parsed, { raw: Buffer.from('signals'), filename: 'signals', userId: null });
    const batch = await reconcileBatch(db.orm.em, statement.id, 0, { limit: 500, now: new Date() });
    expect(batch).toMatchObject({ applied: 4, done: true });

    const activities = createReconciliationActivities({ orm: db.orm, notifier: createAccountNotifier(db.orm, collections, activityLogger) });
    const told = await new MockActivityEnvironment().run(activities.notifyAccounts, {
      statementId: statement.id,
      fromPosition: 0,
      toPosition: batch.lastPosition,
    });
    expect(told).toEqual({ notified: 4, told: 2, restarted: 0 });

    // A signal that arrives while a workflow task is in flight is buffered by the server and enters the history
    // only when that task completes: read the history until it is there (or give up and show what it holds).
    const signalsOf = async () => {
      const history = await collections.temporal.workflow.getHandle(collectionWorkflowId(collecting.account.id)).fetchHistory();
      return (history.events ?? []).flatMap((e) => (e.workflowExecutionSignaledEventAttributes ? [e.workflowExecutionSignaledEventAttributes.signalName] : []));
    };
    let signals = await signalsOf();
    for (let attempt = 0; attempt < 100 && signals.length === 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      signals = await signalsOf();
    }
    expect(signals).toEqual(['paymentApplied']);
  });
});
