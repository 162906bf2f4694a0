import { Worker } from '@temporalio/worker';
import { strategyGraphSchema, type FactValues, type PrioritisedRule } from '@recoup/domain';
import type { CollectionActivities } from '../workflows/src/activities/activity-types.ts';
import { evaluateRule } from '../workflows/src/activities/evaluate-condition.ts';
import { firstMatchingRule } from '../workflows/src/activities/evaluate-switch.ts';
import { collectionWorkflowId } from '../workflows/src/shared/definitions.ts';
import { createTimeSkippingEnv, unusedActivities, workflowBundle } from '../workflows/test/temporal-test-env.ts';

// Two figures of the strategy engine:
//  1. rule evaluation time per decision: json-rules-engine over a full set of facts, as the evaluateCondition and
//     evaluateSwitch activities run it (a condition, and a five-rule switch);
//  2. workflow history per account-year: a strategy that checks and reminds weekly runs for 365 simulated days on
//     the time-skipping server; the events and bytes of every run of the continue-as-new chain are added up.
//
//   sh scripts/pnpm.sh exec node bench/engine.ts        (DECISIONS=20000 by default)

const DECISIONS = Number(process.env.DECISIONS ?? 20_000);

const facts: FactValues = {
  daysPastDue: 37,
  overdueAmountMinor: 125_000,
  totalOpenMinor: 180_000,
  openInvoiceCount: 3,
  currentBucket: '31-60',
  customerType: 'business',
  segment: 'standard',
  tags: ['late-payer'],
  riskScore: 640,
  currency: 'EUR',
  remindersSent: 4,
  lastContactAt: '2026-11-20T09:00:00.000Z',
  daysSinceLastContact: 3,
  contactsLast7Days: 2,
  promiseStatus: 'broken',
  brokenPromises: 1,
  keptPromises: 0,
  disputeOpen: false,
  disputedAmountMinor: 0,
  importedRiskScore: null,
  lateProbability: null,
  predictedDaysLate: null,
  predictedPayDate: null,
};

const condition = {
  all: [
    { fact: 'overdueAmountMinor', operator: 'greaterThanInclusive', value: 10_000 },
    { any: [{ fact: 'brokenPromises', operator: 'greaterThan', value: 0 }, { fact: 'riskScore', operator: 'greaterThan', value: 700 }] },
  ],
};
const rules: PrioritisedRule[] = [
  { name: 'legal', priority: 9, condition: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 120 }] } },
  { name: 'vip', priority: 7, condition: { all: [{ fact: 'segment', operator: 'equal', value: 'vip' }] } },
  { name: 'broken', priority: 5, condition: { all: [{ fact: 'promiseStatus', operator: 'equal', value: 'broken' }] } },
  { name: 'large', priority: 3, condition: { all: [{ fact: 'overdueAmountMinor', operator: 'greaterThan', value: 500_000 }] } },
  { name: 'tagged', priority: 1, condition: { all: [{ fact: 'tags', operator: 'contains', value: 'late-payer' }] } },
];

async function timePerDecision(label: string, decide: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 500; i++) await decide();
  const times: number[] = [];
  for (let i = 0; i < DECISIONS; i++) {
    const began = performance.now();
    await decide();
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  const p99 = times[Math.floor(times.length * 0.99)] ?? 0;
  console.log(`${label}: mean ${(mean * 1000).toFixed(1)} µs, p99 ${(p99 * 1000).toFixed(1)} µs per decision (${DECISIONS} decisions)`);
}

await timePerDecision('condition (json-rules-engine)', () => evaluateRule(condition, { ...facts }));
await timePerDecision('five-rule switch (json-rules-engine)', () => firstMatchingRule(rules, { ...facts }));

const weekly = strategyGraphSchema.parse({
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'week', type: 'wait', data: { mode: 'duration', days: 7 } },
    { id: 'owing', type: 'condition', data: { condition } },
    { id: 'remind', type: 'reminder', data: { channel: 'email', template: 'overdue-7' } },
    { id: 'end', type: 'end', data: { outcome: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'week' },
    { id: 'e2', source: 'week', target: 'owing' },
    { id: 'e3', source: 'owing', target: 'remind', sourceHandle: 'yes' },
    { id: 'e4', source: 'owing', target: 'week', sourceHandle: 'no' },
    { id: 'e5', source: 'remind', target: 'week' },
  ],
});

const env = await createTimeSkippingEnv();
try {
  const activities: CollectionActivities = {
    ...unusedActivities(),
    loadStrategyVersion: async () => ({ graph: weekly, checksum: 'weekly' }),
    loadAccountSnapshot: async () => ({ balanceMinor: '180000', currency: 'EUR', oldestDueAt: '2026-10-17T09:00:00.000Z', disputedMinor: '0' }),
    evaluateCondition: async (input) => evaluateRule(input.condition, { ...facts }),
    sendReminder: async (input) => ({ status: 'sent', communicationId: input.key }),
  };
  const taskQueue = 'bench-history';
  const workflowId = collectionWorkflowId('bench-account-year');
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
  const firstRunId = await worker.runUntil(async () => {
    const handle = await env.client.workflow.start('collectionWorkflow', {
      workflowId,
      taskQueue,
      args: [{ accountId: 'bench-account-year', strategyVersionId: 'weekly' }],
    });
    await env.sleep('365 days');
    await handle.terminate('one simulated year is over');
    return handle.firstExecutionRunId;
  });
  let events = 0;
  let bytes = 0;
  let runs = 0;
  let runId: string | undefined = firstRunId;
  while (runId) {
    const history: Awaited<ReturnType<ReturnType<typeof env.client.workflow.getHandle>['fetchHistory']>> = await env.client.workflow
      .getHandle(workflowId, runId)
      .fetchHistory();
    const list = history.events ?? [];
    runs += 1;
    events += list.length;
    bytes += JSON.stringify(history).length;
    runId = list.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  console.log(`history per account-year (weekly check and reminder): ${events} events, ${(bytes / 1024).toFixed(1)} KiB as JSON, ${runs} run(s)`);
} finally {
  await env.teardown();
}
