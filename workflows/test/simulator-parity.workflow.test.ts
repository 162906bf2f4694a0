import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import fc from 'fast-check';
import { simulate, strategyGraphSchema, validateStrategy, type StrategyGraph } from '@recoup/domain';
import type { CollectionActivities } from '../src/activities/activity-types.ts';
import { evaluateRule } from '../src/activities/evaluate-condition.ts';
import { firstMatchingRule } from '../src/activities/evaluate-switch.ts';
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

  it('gives the same timeline as the workflow for random strategies and balances', async () => {
    const graphs = new Map<string, { graph: StrategyGraph; balance: string }>();
    const logs = new Map<string, Entry[]>();
    const starts = new Map<string, number>();
    const info = () => Context.current().info;
    const record = (kind: string, nodeId: string | null) => {
      const workflowId = info().workflowExecution?.workflowId ?? '';
      const minute = Math.round(((info().currentAttemptScheduledTimestampMs ?? 0) - (starts.get(workflowId) ?? 0)) / MINUTE);
      logs.get(workflowId)?.push({ kind, nodeId, minute });
    };
    const accountOf = (accountId: string) => {
      const found = graphs.get(accountId);
      if (!found) throw new Error(`unknown account ${accountId}`);
      return found;
    };
    const activities: CollectionActivities = {
      ...unusedActivities(),
      loadStrategyVersion: async (id) => ({ graph: accountOf(id).graph, checksum: id }),
      loadAccountSnapshot: async (accountId) => ({ balanceMinor: accountOf(accountId).balance, currency: 'EUR', oldestDueAt: null, disputedMinor: '0' }),
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
        const now = info().currentAttemptScheduledTimestampMs ?? 0;
        return {
          planId: input.key,
          installments: Array.from({ length: input.installments }, (_, i) => ({
            promiseId: `${input.key}/${i + 1}`,
            until: new Date(now + (input.firstDueInDays + i * input.intervalDays + input.graceDays) * DAY).toISOString(),
            amountMinor: '1',
          })),
        };
      },
      // Nobody pays: each installment is broken once its deadline has passed.
      checkPromise: async () => {
        record('promise', null);
        return { status: 'broken' };
      },
      closeAccount: async () => ({ writtenOffMinor: '0' }),
    };
    const taskQueue = 'simulator-parity';
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
    let run = 0;
    await worker.runUntil(
      fc.assert(
        fc.asyncProperty(fc.array(stepArb, { minLength: 2, maxLength: 7 }), fc.integer({ min: 1, max: 200_000 }), async (steps, balance) => {
          const graph = chain(steps);
          expect(validateStrategy(graph)).toMatchObject({ ok: true });
          const accountId = `parity-${++run}`;
          const workflowId = collectionWorkflowId(accountId);
          graphs.set(accountId, { graph, balance: String(balance) });
          logs.set(workflowId, []);
          const startMs = await env.currentTimeMs();
          starts.set(workflowId, startMs);
          const handle = await env.client.workflow.start(collectionWorkflow, { workflowId, taskQueue, args: [{ accountId, strategyVersionId: accountId }] });
          const result = await handle.result();

          const simulated = simulate(graph, {
            start: new Date(startMs),
            days: 2000,
            accounts: [{ id: accountId, balanceMinor: BigInt(balance), currency: 'EUR', oldestDueAt: null }],
            scenario: { payOnTime: 0, payAfterReminder: 0, keepPromise: 0 },
            seed: 1,
          }).accounts[0];
          const expected: Entry[] = (simulated?.timeline ?? [])
            .filter((e) => e.kind !== 'end' && e.kind !== 'payment')
            .map((e) => ({ kind: e.kind, nodeId: e.kind === 'promise' && e.detail.startsWith('Promise') ? null : e.nodeId, minute: Math.round((Date.parse(e.at) - startMs) / MINUTE) }));
          expect(logs.get(workflowId)).toEqual(expected);
          expect(result.nodeId).toBe(simulated?.endNodeId);
        }),
        { numRuns: 40, seed: 20261124, endOnFailure: true },
      ),
    );
  }, 300_000);
});
