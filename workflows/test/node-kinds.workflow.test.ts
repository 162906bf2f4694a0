import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { strategyGraphSchema, validateStrategy, type StrategyGraph } from '@recoup/domain';
import type { CollectionActivities } from '../src/activities/activity-types.ts';
import { createCollectionClient, MigrationRefusedError, PromiseRefusedError } from '../src/client/collection-client.impl.ts';
import { collectionWorkflowId, stateQuery } from '../src/shared/definitions.ts';
import { collectionWorkflow } from '../src/workflows/collection.workflow.ts';
import { createTimeSkippingEnv, maybeRecordHistory, unusedActivities, workflowBundle } from './temporal-test-env.ts';

const DAY = 86_400_000;
const node = (id: string, type: string, data: unknown) => ({ id, type, data });
const edge = (source: string, target: string, sourceHandle = 'next') => ({ id: `${source}-${sourceHandle}`, source, target, sourceHandle });

/** One strategy that uses every node kind, so its recorded history covers them all in the replay corpus. */
const everyKind: StrategyGraph = strategyGraphSchema.parse({
  nodes: [
    node('start', 'start', {}),
    node('tag', 'tag', { segment: 'watch', addTags: ['late-payer'] }),
    node('pause', 'wait', { mode: 'duration', days: 1 }),
    node('assign', 'assign', { rules: [], defaultPool: 'general', requiredSkills: [] }),
    node('size', 'switch', {
      rules: [{ outcome: 'large', priority: 5, condition: { fact: 'overdueAmountMinor', operator: 'greaterThan', value: 10000 } }],
    }),
    node('sms', 'reminder', { channel: 'sms', template: 'overdue-7' }),
    node('note', 'task', { taskType: 'review', title: 'Check the account', assignment: 'round-robin', outcomes: ['done'], awaitOutcome: false }),
    node('call', 'task', { taskType: 'call', title: 'Call', assignment: 'least-loaded', outcomes: ['promise-to-pay', 'no-contact'] }),
    node('watch', 'wait-for-event', { events: ['promise-kept', 'promise-broken'], timeoutDays: 30 }),
    node('plan', 'payment-plan', { installments: 2, intervalDays: 30, firstDueInDays: 7, graceDays: 3 }),
    node('still-owing', 'condition', { condition: { fact: 'overdueAmountMinor', operator: 'greaterThan', value: 0 } }),
    node('escalate', 'escalate', { level: 2, action: 'manager-review' }),
    node('write-off', 'end', { outcome: 'written-off', approvalAboveMinor: 1000 }),
    node('done', 'end', { outcome: 'completed' }),
    node('agency', 'end', { outcome: 'agency' }),
  ],
  edges: [
    edge('start', 'tag'),
    edge('tag', 'pause'),
    edge('pause', 'assign'),
    edge('assign', 'size'),
    edge('size', 'sms', 'large'),
    edge('size', 'done', 'default'),
    edge('sms', 'note'),
    edge('note', 'call'),
    edge('call', 'watch', 'promise-to-pay'),
    edge('call', 'agency', 'no-contact'),
    edge('watch', 'done', 'promise-kept'),
    edge('watch', 'plan', 'promise-broken'),
    edge('watch', 'agency', 'timeout'),
    edge('plan', 'done', 'completed'),
    edge('plan', 'still-owing', 'broken'),
    edge('still-owing', 'escalate', 'yes'),
    edge('still-owing', 'done', 'no'),
    edge('escalate', 'write-off'),
    edge('write-off', 'agency', 'rejected'),
  ],
});

const v1: StrategyGraph = strategyGraphSchema.parse({
  nodes: [node('start', 'start', {}), node('w', 'wait', { mode: 'duration', days: 10 }), node('r', 'reminder', { channel: 'email', template: 'overdue-7' }), node('end', 'end', { outcome: 'completed' })],
  edges: [edge('start', 'w'), edge('w', 'r'), edge('r', 'end')],
});
const v2: StrategyGraph = strategyGraphSchema.parse({
  nodes: [node('start', 'start', {}), node('hold', 'wait', { mode: 'duration', days: 3 }), node('r2', 'reminder', { channel: 'letter', template: 'final-notice' }), node('fin', 'end', { outcome: 'agency' })],
  edges: [edge('start', 'hold'), edge('hold', 'r2'), edge('r2', 'fin')],
});

describe('collection workflow with every node kind', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  /** Activities that log what the workflow asked for, on which simulated day. */
  function activitiesFor(graphs: Record<string, StrategyGraph>, promiseResults: Record<string, 'kept' | 'broken'>, startMs: () => number) {
    const log: string[] = [];
    const day = () => Math.round(((Context.current().info.currentAttemptScheduledTimestampMs ?? 0) - startMs()) / DAY);
    const activities: CollectionActivities = {
      ...unusedActivities(),
      loadStrategyVersion: async (id) => ({ graph: graphs[id] ?? v1, checksum: id }),
      loadAccountSnapshot: async () => ({ balanceMinor: '50000', currency: 'EUR', oldestDueAt: null }),
      evaluateCondition: async (input) => {
        log.push(`condition ${input.nodeId}`);
        return { result: true, matched: ['overdueAmountMinor greaterThan 0 (was 50000)'], facts: {} };
      },
      evaluateSwitch: async (input) => {
        log.push(`switch ${input.nodeId}`);
        return { outcome: 'large', matched: ['overdueAmountMinor greaterThan 10000 (was 50000)'], facts: {} };
      },
      setTags: async (input) => {
        log.push(`day ${day()}: tag ${input.segment} ${input.addTags.join(',')}`);
        return { segment: input.segment ?? 'standard', tags: input.addTags };
      },
      assignCollector: async (input) => {
        log.push(`day ${day()}: assign ${input.defaultPool}`);
        return { pool: input.defaultPool, assigneeId: 'collector-1', reason: 'default pool' };
      },
      sendReminder: async (input) => {
        log.push(`day ${day()}: ${input.channel} ${input.template}`);
        return { status: 'sent', communicationId: input.key };
      },
      createTask: async (input) => {
        log.push(`day ${day()}: task ${input.taskType} for ${input.role ?? 'collector'}`);
        return { taskId: input.key, assigneeId: null, created: true };
      },
      escalate: async (input) => {
        log.push(`day ${day()}: escalate ${input.level}`);
        return { escalationId: input.key, reviewTaskId: null, managersNotified: 1 };
      },
      createPaymentPlan: async (input) => {
        log.push(`day ${day()}: plan of ${input.installments}`);
        const base = Context.current().info.currentAttemptScheduledTimestampMs ?? 0;
        return {
          planId: 'plan-1',
          installments: [
            { promiseId: 'i1', until: new Date(base + 10 * DAY).toISOString(), amountMinor: '25000' },
            { promiseId: 'i2', until: new Date(base + 40 * DAY).toISOString(), amountMinor: '25000' },
          ],
        };
      },
      checkPromise: async (input) => {
        const status = promiseResults[input.promiseId] ?? 'broken';
        log.push(`day ${day()}: promise ${input.promiseId} ${status}`);
        return { status };
      },
      closeAccount: async (input) => {
        log.push(`day ${day()}: close ${input.outcome}`);
        return { writtenOffMinor: input.outcome === 'written-off' ? '50000' : '0' };
      },
    };
    return { activities, log };
  }

  async function awaitTask(accountId: string): Promise<string> {
    const handle = env.client.workflow.getHandle(collectionWorkflowId(accountId));
    for (;;) {
      const state = await handle.query(stateQuery);
      if (state.awaitingTaskKey) return state.awaitingTaskKey;
      await env.sleep('1 hour');
    }
  }

  it('runs tag, wait, assign, switch, SMS, a task it does not wait for, a promise, a plan and an approved write-off', async () => {
    expect(validateStrategy(everyKind).ok).toBe(true);
    let startMs = 0;
    const { activities, log } = activitiesFor({ all: everyKind }, { p1: 'broken', i1: 'kept', i2: 'broken' }, () => startMs);
    const accountId = 'acc-every-kind';
    const taskQueue = 'every-kind';
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
    const collections = createCollectionClient(env.client, { taskQueue });
    const result = await worker.runUntil(async () => {
      startMs = await env.currentTimeMs();
      const handle = await env.client.workflow.start(collectionWorkflow, {
        workflowId: collectionWorkflowId(accountId),
        taskQueue,
        args: [{ accountId, strategyVersionId: 'all' }],
      });
      const callKey = await awaitTask(accountId);
      const promise = { promiseId: 'p1', amountMinor: '50000', dueDate: '2026-01-01', until: new Date((await env.currentTimeMs()) + 5 * DAY).toISOString() };
      await expect(collections.recordPromise(accountId, { ...promise, currency: 'USD' })).rejects.toThrow(PromiseRefusedError);
      await collections.completeTask(accountId, { taskKey: callKey, outcome: 'promise-to-pay', promise: { ...promise, currency: 'EUR' } });
      const approvalKey = await awaitTask(accountId);
      expect(approvalKey).toMatch(/write-off:1$/);
      await collections.completeTask(accountId, { taskKey: approvalKey, outcome: 'approve' });
      const outcome = await handle.result();
      await maybeRecordHistory('every-node-kind', handle);
      return outcome;
    });
    expect(result).toEqual({ outcome: 'written-off', nodeId: 'write-off' });
    expect(log).toEqual([
      'day 0: tag watch late-payer',
      'day 1: assign general',
      'switch size',
      'day 1: sms overdue-7',
      'day 1: task review for collector',
      'day 1: task call for collector',
      expect.stringMatching(/^day \d+: promise p1 broken$/),
      expect.stringMatching(/^day \d+: plan of 2$/),
      expect.stringMatching(/^day \d+: promise i1 kept$/),
      expect.stringMatching(/^day \d+: promise i2 broken$/),
      'condition still-owing',
      expect.stringMatching(/^day \d+: escalate 2$/),
      expect.stringMatching(/^day \d+: task review for manager$/),
      expect.stringMatching(/^day \d+: close written-off$/),
    ]);
    const days = log.map((line) => /^day (\d+)/.exec(line)?.[1]).filter((d) => d !== undefined).map(Number);
    const promiseDay = days[5] ?? 0;
    // The promise is judged at its deadline, five days after it was given; the installments 10 and 40 days after the plan.
    expect(days[6]).toBe(promiseDay);
    expect((days[7] ?? 0) - promiseDay).toBe(10);
    expect((days[8] ?? 0) - promiseDay).toBe(40);
  });

  it('holds a reminder at a wait-until-weekday node until the next Tuesday at 09:00 UTC', async () => {
    const tuesdays: StrategyGraph = strategyGraphSchema.parse({
      nodes: [
        node('start', 'start', {}),
        node('tuesday', 'wait-until-weekday', { weekdays: ['tuesday'], hourUtc: 9 }),
        node('remind', 'reminder', { channel: 'email', template: 'overdue-7' }),
        node('done', 'end', { outcome: 'completed' }),
      ],
      edges: [edge('start', 'tuesday'), edge('tuesday', 'remind'), edge('remind', 'done')],
    });
    const sentAt: string[] = [];
    const { activities } = activitiesFor({ tuesdays }, {}, () => 0);
    const taskQueue = 'wait-until-weekday';
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: {
        ...activities,
        sendReminder: async (input: Parameters<CollectionActivities['sendReminder']>[0]) => {
          sentAt.push(new Date(Context.current().info.currentAttemptScheduledTimestampMs ?? 0).toISOString());
          return { status: 'sent', communicationId: input.key };
        },
      },
    });
    const startedAt = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(collectionWorkflow, {
        workflowId: collectionWorkflowId('acc-weekday'),
        taskQueue,
        args: [{ accountId: 'acc-weekday', strategyVersionId: 'tuesdays' }],
      });
      const at = (await handle.describe()).startTime.getTime();
      expect(await handle.result()).toEqual({ outcome: 'completed', nodeId: 'done' });
      await maybeRecordHistory('wait-until-weekday', handle);
      return at;
    });
    expect(sentAt).toHaveLength(1);
    const sent = new Date(sentAt[0] ?? '');
    // The first Tuesday 09:00 UTC after the start, not before it and not a week late.
    expect(sent.getUTCDay()).toBe(2);
    expect(sent.getUTCHours()).toBe(9);
    expect(sent.getTime()).toBeGreaterThan(startedAt);
    expect(sent.getTime() - startedAt).toBeLessThanOrEqual(7 * DAY);
  });

  it('wakes a wait-for-event node on a dispute, on a payment and on a portal visit, each along its own edge', async () => {
    const waiting: StrategyGraph = strategyGraphSchema.parse({
      nodes: [
        node('start', 'start', {}),
        node('listen', 'wait-for-event', { events: ['payment', 'dispute', 'task-outcome', 'portal-visited'], timeoutDays: 10 }),
        node('disputed', 'end', { outcome: 'completed' }),
        node('visited', 'end', { outcome: 'completed' }),
        node('paid', 'end', { outcome: 'completed' }),
        node('answered', 'end', { outcome: 'completed' }),
        node('silent', 'end', { outcome: 'agency' }),
      ],
      edges: [
        edge('start', 'listen'),
        edge('listen', 'disputed', 'dispute'),
        edge('listen', 'paid', 'payment'),
        edge('listen', 'answered', 'task-outcome'),
        edge('listen', 'visited', 'portal-visited'),
        edge('listen', 'silent', 'timeout'),
      ],
    });
    let balance = '50000';
    const { activities } = activitiesFor({ waiting }, {}, () => 0);
    const taskQueue = 'wait-for-event';
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: { ...activities, loadAccountSnapshot: async () => ({ balanceMinor: balance, currency: 'EUR', oldestDueAt: null, disputedMinor: '0' }) },
    });
    const collections = createCollectionClient(env.client, { taskQueue });
    const results = await worker.runUntil(async () => {
      const start = (accountId: string) =>
        env.client.workflow.start(collectionWorkflow, { workflowId: collectionWorkflowId(accountId), taskQueue, args: [{ accountId, strategyVersionId: 'waiting' }] });
      const disputed = await start('acc-wfe-dispute');
      await env.sleep('2 days');
      await collections.disputeOpened('acc-wfe-dispute');
      const disputedResult = await disputed.result();
      await maybeRecordHistory('wait-for-event-dispute', disputed);
      const paid = await start('acc-wfe-payment');
      await env.sleep('1 day');
      balance = '20000';
      await collections.paymentApplied('acc-wfe-payment', { paymentId: 'p1', amountMinor: '30000', currency: 'EUR' });
      const paidResult = await paid.result();
      const visited = await start('acc-wfe-visit');
      await env.sleep('3 days');
      await collections.portalVisited('acc-wfe-visit', { eventId: 'visit-1' });
      const visitedResult = await visited.result();
      const woke = (await visited.query(stateQuery)).decisions.filter((d) => d.kind === 'event');
      return { disputed: disputedResult, paid: paidResult, visited: visitedResult, wokeOnVisit: woke.map((d) => d.detail) };
    });
    expect(results).toEqual({
      disputed: { outcome: 'completed', nodeId: 'disputed' },
      paid: { outcome: 'completed', nodeId: 'paid' },
      visited: { outcome: 'completed', nodeId: 'visited' },
      wokeOnVisit: [expect.stringContaining('"portal-visited"')],
    });
  });

  it('tells a promise made online and a plan asked for in the portal apart from a promise taken by a collector', async () => {
    const listening: StrategyGraph = strategyGraphSchema.parse({
      nodes: [
        node('start', 'start', {}),
        node('listen', 'wait-for-event', { events: ['promise', 'promise-online', 'plan-requested'], timeoutDays: 10 }),
        node('promised', 'end', { outcome: 'completed' }),
        node('online', 'end', { outcome: 'completed' }),
        node('plan', 'end', { outcome: 'completed' }),
        node('silent', 'end', { outcome: 'agency' }),
      ],
      edges: [
        edge('start', 'listen'),
        edge('listen', 'promised', 'promise'),
        edge('listen', 'online', 'promise-online'),
        edge('listen', 'plan', 'plan-requested'),
        edge('listen', 'silent', 'timeout'),
      ],
    });
    const { activities } = activitiesFor({ listening }, {}, () => 0);
    const taskQueue = 'portal-events';
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: { ...activities, loadAccountSnapshot: async () => ({ balanceMinor: '50000', currency: 'EUR', oldestDueAt: null, disputedMinor: '0' }) },
    });
    const collections = createCollectionClient(env.client, { taskQueue });
    const promise = (id: string) => ({ promiseId: id, amountMinor: '50000', currency: 'EUR', dueDate: '2030-01-10', until: '2030-01-13T22:59:59.999Z' });
    const results = await worker.runUntil(async () => {
      const start = (accountId: string) =>
        env.client.workflow.start(collectionWorkflow, { workflowId: collectionWorkflowId(accountId), taskQueue, args: [{ accountId, strategyVersionId: 'listening' }] });
      const byCollector = await start('acc-promise-api');
      await env.sleep('1 day');
      await collections.recordPromise('acc-promise-api', promise('pr-api'));
      const online = await start('acc-promise-online');
      await env.sleep('1 day');
      await collections.recordArrangement('acc-promise-online', { origin: 'portal', promise: promise('pr-online') });
      const planned = await start('acc-plan-online');
      await env.sleep('1 day');
      await collections.recordArrangement('acc-plan-online', {
        origin: 'portal',
        plan: { planId: 'plan-1', installments: [promise('in-1'), { ...promise('in-2'), dueDate: '2030-02-10', until: '2030-02-13T22:59:59.999Z' }] },
      });
      const reviewed = await start('acc-plan-review');
      await env.sleep('1 day');
      await collections.planRequested('acc-plan-review', { eventId: 'asked-1' });
      await expect(collections.recordArrangement('acc-plan-review', { origin: 'portal' })).rejects.toThrow(/neither a promise nor a plan/);
      const planState = await planned.query(stateQuery);
      return {
        byCollector: await byCollector.result(),
        online: await online.result(),
        planned: await planned.result(),
        reviewed: await reviewed.result(),
        planDecisions: planState.decisions.filter((d) => d.kind === 'promise').map((d) => d.detail),
      };
    });
    expect(results).toEqual({
      byCollector: { outcome: 'completed', nodeId: 'promised' },
      online: { outcome: 'completed', nodeId: 'online' },
      planned: { outcome: 'completed', nodeId: 'plan' },
      reviewed: { outcome: 'completed', nodeId: 'plan' },
      planDecisions: [expect.stringContaining('plan plan-1 with 2 installments in the portal')],
    });
  });

  it('refuses to move an account whose node has no counterpart, then moves it with a mapping', async () => {
    let startMs = 0;
    const { activities, log } = activitiesFor({ v1, v2 }, {}, () => startMs);
    const accountId = 'acc-migrated';
    const taskQueue = 'migration';
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
    const collections = createCollectionClient(env.client, { taskQueue });
    const result = await worker.runUntil(async () => {
      startMs = await env.currentTimeMs();
      const handle = await env.client.workflow.start(collectionWorkflow, {
        workflowId: collectionWorkflowId(accountId),
        taskQueue,
        args: [{ accountId, strategyVersionId: 'v1' }],
      });
      await env.sleep('1 day');
      const refused = collections.migrateStrategy(accountId, { strategyVersionId: 'v2', graph: v2, checksum: 'v2' });
      await expect(refused).rejects.toThrow(MigrationRefusedError);
      await expect(refused).rejects.toThrow(/no counterpart in the new version; give a mapping for node "w"/);
      const moved = await collections.migrateStrategy(accountId, { strategyVersionId: 'v2', graph: v2, checksum: 'v2', nodeMapping: { w: 'hold' } });
      expect(moved).toEqual({ nodeId: 'hold' });
      expect(await handle.query(stateQuery)).toMatchObject({ strategyVersionId: 'v2', nodeId: 'hold' });
      const outcome = await handle.result();
      await maybeRecordHistory('strategy-migration', handle);
      return outcome;
    });
    // The wait that was running when the account moved runs out as started (day 10); then the new version acts.
    expect(log).toEqual(['day 10: letter final-notice', 'day 10: close agency']);
    expect(result).toEqual({ outcome: 'agency', nodeId: 'fin' });
  });
});
