import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import fc from 'fast-check';
import { simulate, strategyGraphSchema, validateStrategy, type ScriptedEvent, type StrategyGraph } from '@recoup/domain';
import type { CollectionActivities } from '../src/activities/activity-types.ts';
import { evaluateRule } from '../src/activities/evaluate-condition.ts';
import { firstMatchingRule } from '../src/activities/evaluate-switch.ts';
import { createCollectionClient } from '../src/client/collection-client.impl.ts';
import { collectionWorkflowId } from '../src/shared/definitions.ts';
import { collectionWorkflow } from '../src/workflows/collection.workflow.ts';
import { createTimeSkippingEnv, unusedActivities, workflowBundle } from './temporal-test-env.ts';

// The simulator and the collection workflow run the same interpreter; this property checks that the outside world
// they play agrees too. For random strategies, the simulator's timeline (what it did, where, on which minute) must
// equal what the workflow asked its activities to do on the time-skipping server, with the real rules engine.

const DAY = 86_400_000;
const MINUTE = 60_000;

type Step =
  | { kind: 'wait'; days: number }
  | { kind: 'reminder'; channel: 'email' | 'sms' | 'letter' }
  | { kind: 'escalate'; level: number }
  | { kind: 'tag' }
  | { kind: 'assign' }
  | { kind: 'condition'; threshold: number }
  | { kind: 'switch'; high: number; mid: number }
  | { kind: 'wait-for-event'; timeoutDays: number }
  | { kind: 'payment-plan'; installments: number; intervalDays: number; firstDueInDays: number; graceDays: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ kind: fc.constant('reminder' as const), channel: fc.constantFrom('email' as const, 'sms' as const, 'letter' as const) }),
  fc.record({ kind: fc.constant('escalate' as const), level: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('tag' as const) }),
  fc.record({ kind: fc.constant('assign' as const) }),
  fc.record({ kind: fc.constant('condition' as const), threshold: fc.integer({ min: 0, max: 100_000 }) }),
  fc.record({ kind: fc.constant('switch' as const), high: fc.integer({ min: 0, max: 100_000 }), mid: fc.integer({ min: 0, max: 100_000 }) }),
  fc.record({ kind: fc.constant('wait-for-event' as const), timeoutDays: fc.integer({ min: 1, max: 10 }) }),
  fc.record({
    kind: fc.constant('payment-plan' as const),
    installments: fc.integer({ min: 2, max: 3 }),
    intervalDays: fc.integer({ min: 7, max: 30 }),
    firstDueInDays: fc.integer({ min: 1, max: 10 }),
    graceDays: fc.integer({ min: 0, max: 5 }),
  }),
);

/** A moment a whole number of days plus a few odd minutes after the start, never on a timer's minute. */
const offsetArb = (minDays: number, maxDays: number) =>
  fc.tuple(fc.integer({ min: minDays, max: maxDays }), fc.integer({ min: 7, max: 1433 })).map(([d, m]) => d * DAY + m * MINUTE);

type Scripted =
  | { kind: 'payment'; after: number; amountShare: number }
  | { kind: 'promise'; after: number; dueIn: number; graceDays: number; kept: boolean; amountShare: number }
  | { kind: 'dispute'; after: number; resolvedIn: number; valid: boolean };

// Whole payments as often as partial ones: a payment in full ends the run, one in part only changes the figures.
const share = fc.oneof(fc.constant(100), fc.integer({ min: 1, max: 99 }));
const scriptedArb: fc.Arbitrary<Scripted> = fc.oneof(
  fc.record({ kind: fc.constant('payment' as const), after: offsetArb(0, 8), amountShare: share }),
  fc.record({
    kind: fc.constant('promise' as const),
    after: offsetArb(0, 8),
    dueIn: offsetArb(1, 6),
    graceDays: fc.integer({ min: 0, max: 3 }),
    kept: fc.boolean(),
    amountShare: share,
  }),
  fc.record({ kind: fc.constant('dispute' as const), after: offsetArb(0, 8), resolvedIn: offsetArb(1, 6), valid: fc.boolean() }),
);

const overBalance = (value: number) => ({ fact: 'totalOpenMinor', operator: 'greaterThan', value });

/** A chain of the steps; every branch that leaves the chain goes to an end node of its own. */
function chain(steps: Step[]): StrategyGraph {
  const nodes: unknown[] = [{ id: 'start', type: 'start', data: {} }, { id: 'end', type: 'end', data: { outcome: 'completed' } }];
  const edges: { id: string; source: string; target: string; sourceHandle: string }[] = [];
  const edge = (source: string, target: string, sourceHandle = 'next') => edges.push({ id: `${source}-${sourceHandle}`, source, target, sourceHandle });
  const exit = (from: string, handle: string) => {
    nodes.push({ id: `${from}-${handle}-end`, type: 'end', data: { outcome: 'agency' } });
    edge(from, `${from}-${handle}-end`, handle);
  };
  let previous = 'start';
  let previousHandles = ['next'];
  steps.forEach((step, index) => {
    const id = `s${index}-${step.kind}`;
    for (const handle of previousHandles) edge(previous, id, handle);
    switch (step.kind) {
      case 'wait':
        nodes.push({ id, type: 'wait', data: { mode: 'duration', days: step.days } });
        previousHandles = ['next'];
        break;
      case 'reminder':
        nodes.push({ id, type: 'reminder', data: { channel: step.channel, template: 'overdue-7' } });
        previousHandles = ['next'];
        break;
      case 'escalate':
        nodes.push({ id, type: 'escalate', data: { level: step.level, action: 'manager-review' } });
        previousHandles = ['next'];
        break;
      case 'tag':
        nodes.push({ id, type: 'tag', data: { addTags: ['watched'] } });
        previousHandles = ['next'];
        break;
      case 'assign':
        nodes.push({ id, type: 'assign', data: { rules: [{ pool: 'big', priority: 1, condition: overBalance(50_000) }], defaultPool: 'general' } });
        previousHandles = ['next'];
        break;
      case 'condition':
        nodes.push({ id, type: 'condition', data: { condition: overBalance(step.threshold) } });
        exit(id, 'no');
        previousHandles = ['yes'];
        break;
      case 'switch':
        nodes.push({
          id,
          type: 'switch',
          data: { rules: [{ outcome: 'mid', priority: 1, condition: overBalance(step.mid) }, { outcome: 'high', priority: 2, condition: overBalance(step.high) }] },
        });
        exit(id, 'default');
        exit(id, 'mid');
        previousHandles = ['high'];
        break;
      case 'wait-for-event':
        nodes.push({ id, type: 'wait-for-event', data: { events: ['payment'], timeoutDays: step.timeoutDays } });
        exit(id, 'payment');
        previousHandles = ['timeout'];
        break;
      case 'payment-plan': {
        const { kind: _kind, ...data } = step;
        nodes.push({ id, type: 'payment-plan', data });
        exit(id, 'completed');
        previousHandles = ['broken'];
        break;
      }
    }
    previous = id;
  });
  for (const handle of previousHandles) edge(previous, 'end', handle);
  return strategyGraphSchema.parse({ nodes, edges });
}

interface Entry {
  kind: string;
  nodeId: string | null;
  minute: number;
}

describe('the simulator and the workflow agree', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('gives the same timeline as the workflow for random strategies, balances and debtor events', async () => {
    /** What the workflow's activities see of each account: its strategy and its figures, changed by the events. */
    interface Account {
      graph: StrategyGraph;
      balance: bigint;
      disputed: bigint;
      promises: Map<string, { untilMs: number; paid: boolean }>;
    }
    const accounts = new Map<string, Account>();
    const logs = new Map<string, Entry[]>();
    const starts = new Map<string, number>();
    const info = () => Context.current().info;
    const scheduledAt = () => info().currentAttemptScheduledTimestampMs ?? 0;
    const record = (kind: string, nodeId: string | null) => {
      const workflowId = info().workflowExecution?.workflowId ?? '';
      const minute = Math.round((scheduledAt() - (starts.get(workflowId) ?? 0)) / MINUTE);
      logs.get(workflowId)?.push({ kind, nodeId, minute });
    };
    const accountOf = (accountId: string): Account => {
      const found = accounts.get(accountId);
      if (!found) throw new Error(`unknown account ${accountId}`);
      return found;
    };
    const activities: CollectionActivities = {
      ...unusedActivities(),
      loadStrategyVersion: async (id) => ({ graph: accountOf(id).graph, checksum: id }),
      loadAccountSnapshot: async (accountId) => {
        const account = accountOf(accountId);
        return { balanceMinor: String(account.balance), currency: 'EUR', oldestDueAt: null, disputedMinor: String(account.disputed) };
      },
      evaluateCondition: async (input) => evaluateRule(input.condition, { totalOpenMinor: Number(accountOf(input.accountId).balance) }),
      evaluateSwitch: async (input) => {
        const winner = await firstMatchingRule(input.rules, { totalOpenMinor: Number(accountOf(input.accountId).balance) });
        return { outcome: winner.name, matched: winner.matched, facts: {} };
      },
      sendReminder: async (input) => {
        record('reminder', input.nodeId);
        return { status: 'sent', communicationId: input.key };
      },
      escalate: async (input) => {
        record('escalation', input.nodeId);
        return { escalationId: input.key, reviewTaskId: null, managersNotified: 0 };
      },
      setTags: async (input) => {
        record('action', input.nodeId);
        return { segment: 'standard', tags: input.addTags };
      },
      assignCollector: async (input) => {
        record('action', input.nodeId);
        return { pool: input.defaultPool, assigneeId: null, reason: 'test' };
      },
      createPaymentPlan: async (input) => {
        record('promise', input.nodeId);
        const account = accountOf(input.accountId);
        const installments = Array.from({ length: input.installments }, (_, i) => {
          const untilMs = scheduledAt() + (input.firstDueInDays + i * input.intervalDays + input.graceDays) * DAY;
          // The simulated debtors keep no installment (keepPromise 0), so none is ever paid.
          account.promises.set(`${input.key}/${i + 1}`, { untilMs, paid: false });
          return { promiseId: `${input.key}/${i + 1}`, until: new Date(untilMs).toISOString(), amountMinor: '1' };
        });
        return { planId: input.key, installments };
      },
      // As the real activity judges: kept once paid in full, broken when unpaid at its deadline, else open.
      checkPromise: async (input) => {
        const promise = accountOf(input.accountId).promises.get(input.promiseId);
        const status = promise?.paid ? 'kept' : promise && scheduledAt() >= promise.untilMs ? 'broken' : 'open';
        if (status !== 'open') record('promise', null);
        return { status };
      },
      closeAccount: async () => ({ writtenOffMinor: '0' }),
    };
    const taskQueue = 'simulator-parity';
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
    const collections = createCollectionClient(env.client, { taskQueue });
    let run = 0;
    await worker.runUntil(
      fc.assert(
        fc.asyncProperty(
          fc.array(stepArb, { minLength: 2, maxLength: 7 }),
          fc.integer({ min: 1, max: 200_000 }),
          fc.array(scriptedArb, { maxLength: 3 }),
          async (steps, balance, scripted) => {
            const graph = chain(steps);
            expect(validateStrategy(graph)).toMatchObject({ ok: true });
            const accountId = `parity-${++run}`;
            const workflowId = collectionWorkflowId(accountId);
            const account: Account = { graph, balance: BigInt(balance), disputed: 0n, promises: new Map() };
            accounts.set(accountId, account);
            logs.set(workflowId, []);
            const startMs = await env.currentTimeMs();
            starts.set(workflowId, startMs);
            const amountOf = (share: number) => (BigInt(balance) * BigInt(share)) / 100n || 1n;
            const script: ScriptedEvent[] = scripted.map((e, i) => {
              const at = new Date(startMs + e.after).toISOString();
              switch (e.kind) {
                case 'payment':
                  return { at, kind: 'payment', amountMinor: amountOf(e.amountShare) };
                case 'promise':
                  return {
                    at,
                    kind: 'promise',
                    promiseId: `scripted-${i}`,
                    amountMinor: amountOf(e.amountShare),
                    dueAt: new Date(startMs + e.after + e.dueIn).toISOString(),
                    graceDays: e.graceDays,
                    kept: e.kept,
                  };
                case 'dispute':
                  return { at, kind: 'dispute', resolvedAt: new Date(startMs + e.after + e.resolvedIn).toISOString(), valid: e.valid };
              }
            });

            const simulated = simulate(graph, {
              start: new Date(startMs),
              days: 2000,
              accounts: [{ id: accountId, balanceMinor: BigInt(balance), currency: 'EUR', oldestDueAt: null, script }],
              scenario: { payOnTime: 0, payAfterReminder: 0, keepPromise: 0 },
              seed: 1,
            }).accounts[0];

            // The same events, played to the workflow at the same moments: figures change, then the message goes.
            const pay = async (amount: bigint) => {
              const left = account.balance - amount;
              account.balance = left > 0n ? left : 0n;
              await collections.paymentApplied(accountId, { paymentId: `pay-${amount}`, amountMinor: String(amount), currency: 'EUR' });
            };
            const moments: { at: number; act: () => Promise<void> }[] = [];
            for (const event of script) {
              const at = Date.parse(event.at);
              if (event.kind === 'payment') moments.push({ at, act: () => pay(event.amountMinor) });
              if (event.kind === 'promise') {
                const dueMs = Date.parse(event.dueAt);
                moments.push({
                  at,
                  act: async () => {
                    account.promises.set(event.promiseId, { untilMs: dueMs + event.graceDays * DAY, paid: false });
                    const until = new Date(dueMs + event.graceDays * DAY).toISOString();
                    const message = { promiseId: event.promiseId, amountMinor: String(event.amountMinor), currency: 'EUR', dueDate: event.dueAt.slice(0, 10), until };
                    await collections.recordPromise(accountId, message).catch(() => undefined);
                  },
                });
                if (event.kept) {
                  moments.push({
                    at: dueMs,
                    act: async () => {
                      const promise = account.promises.get(event.promiseId);
                      if (promise) promise.paid = true;
                      await pay(event.amountMinor);
                    },
                  });
                }
              }
              if (event.kind === 'dispute') {
                let amount = 0n;
                moments.push({
                  at,
                  act: async () => {
                    amount = account.balance;
                    if (amount <= 0n) return;
                    account.disputed = amount;
                    account.balance = 0n;
                    await collections.disputeOpened(accountId);
                  },
                });
                moments.push({
                  at: Date.parse(event.resolvedAt),
                  act: async () => {
                    if (amount <= 0n) return;
                    account.balance = event.valid ? 0n : amount;
                    account.disputed = 0n;
                    await collections.accountChanged(accountId);
                  },
                });
              }
            }
            moments.sort((a, b) => a.at - b.at);

            const handle = await env.client.workflow.start(collectionWorkflow, { workflowId, taskQueue, args: [{ accountId, strategyVersionId: accountId }] });
            for (const moment of moments) {
              const wait = moment.at - (await env.currentTimeMs());
              if (wait > 0) await env.sleep(wait);
              if ((await handle.describe()).status.name !== 'RUNNING') break;
              await moment.act();
            }
            const result = await handle.result();

            const expected: Entry[] = (simulated?.timeline ?? [])
              .filter((e) => e.kind !== 'end' && e.kind !== 'payment' && e.kind !== 'dispute' && e.kind !== 'deferred')
              .filter((e) => !(e.kind === 'promise' && e.detail.startsWith('Promised')))
              .map((e) => ({ kind: e.kind, nodeId: e.kind === 'promise' && e.detail.startsWith('Promise') ? null : e.nodeId, minute: Math.round((Date.parse(e.at) - startMs) / MINUTE) }));
            expect(logs.get(workflowId)).toEqual(expected);
            expect(result.nodeId).toBe(simulated?.endNodeId);
          },
        ),
        { numRuns: 60, seed: 20261124, endOnFailure: true },
      ),
    );
  }, 300_000);
});
