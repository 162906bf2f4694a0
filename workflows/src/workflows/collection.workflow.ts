import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { EngineCommand, EngineEvent, EngineState, StrategyGraph } from '@recoup/domain';
// The interpreter alone, not the package's barrel: workflow code is bundled into every workflow context, and the
// barrel would bring schemas and tables the interpreter does not use.
import { migrateState, nextWakeAt, step } from '@recoup/domain/interpreter';
import type { CollectionActivities, EffectInput, SendReminderResult } from '../activities/activity-types.ts';
import {
  accountChangedSignal,
  completeTaskUpdate,
  disputeOpenedSignal,
  migrateStrategyUpdate,
  pauseUpdate,
  paymentAppliedSignal,
  recordPromiseUpdate,
  resumeUpdate,
  stateQuery,
  type CollectionStateView,
  type PauseView,
} from '../shared/definitions.ts';
import { collectorKey, nodeKey, pausedKey, segmentKey, strategyVersionKey } from '../shared/search-attributes.ts';
import {
  checkPause,
  checkPromise,
  checkReason,
  checkResume,
  checkStrategyMigration,
  checkTaskCompletion,
  type RunView,
} from './message-checks.ts';
import { describeNextAction, nodeLabel } from './state-view.ts';

export interface CollectionWorkflowInput {
  accountId: string;
  strategyVersionId: string;
  /** Present when the run was continued-as-new: the engine state, and an admin's pause, carry over unchanged. */
  carried?: { state: EngineState; paused?: PauseView | null; toldEvents?: string[] };
}

/** How many account-event ids a run remembers, to ignore the outbox's repeats (it sends at least once). */
const TOLD_EVENTS_KEPT = 64;

export interface CollectionWorkflowResult {
  outcome: NonNullable<EngineState['outcome']>;
  nodeId: string;
}

// Side effects run as ordinary activities: each is retried until it succeeds and is keyed for idempotency.
const effects = proxyActivities<
  Pick<
    CollectionActivities,
    'sendReminder' | 'createTask' | 'escalate' | 'assignCollector' | 'setTags' | 'createPaymentPlan' | 'checkPromise' | 'closeAccount'
  >
>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * Reminders on a short timeout: a send takes a second or two (the mailer gives up on a silent server sooner), so a
 * reminder whose worker died is retried within seconds rather than a minute. The retry finds the intent the dead
 * attempt recorded and never sends twice.
 */
const sending = proxyActivities<Pick<CollectionActivities, 'sendReminder'>>({
  startToCloseTimeout: '20 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

// Reads and rule evaluation run as local activities: no extra round trip through the server, yet their results
// (the strategy, the account's figures, each decision with the comparisons that held) are recorded in history.
const reads = proxyLocalActivities<
  Pick<CollectionActivities, 'loadStrategyVersion' | 'loadAccountSnapshot' | 'evaluateCondition' | 'evaluateSwitch'>
>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * A long-lived account continues as new with its state, well before Temporal's 10,240-event warning. The check
 * runs at wait points, so the margin below 2,000 leaves room for the steps between two waits.
 */
const HISTORY_EVENTS_BEFORE_CONTINUE = 1_800;

/** Runs that began before end nodes recorded write-offs and agency handovers complete without that activity. */
const CLOSE_ACCOUNT_PATCH = 'close-account-on-end';
/** From here on every ending closes the account's open tasks, settled ones included. */
const CLOSE_TASKS_PATCH = 'close-tasks-on-end';
/** Runs that began before the admin console's search attributes existed never upsert them. */
const SEARCH_ATTRIBUTES_PATCH = 'recoup-search-attributes';

/** The values the workflow keeps in its search attributes; null removes one. */
interface Indexed {
  version?: string;
  node?: string;
  segment?: string;
  collector?: string | null;
  paused?: boolean;
}

/** The failure type a channel adapter gives a permanent refusal (see the webhook adapter). */
const PROVIDER_REFUSED = 'ChannelProviderRefused';
/** The failure type of a payment plan asked for when nothing is collectible. */
const NOTHING_TO_PLAN = 'NothingToPlan';

function isFailureOfType(error: unknown, type: string): error is ActivityFailure {
  return error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.type === type;
}

/**
 * One account's collection lifecycle. All decisions come from the pure interpreter `step`; this function only
 * turns its commands into activities and timers and feeds the results back as events.
 */
export async function collectionWorkflow(input: CollectionWorkflowInput): Promise<CollectionWorkflowResult> {
  const info = workflowInfo();
  // Handlers are registered before the first await, so queries and messages are never refused at start.
  const loaded: { graph?: StrategyGraph; versionId: string } = { versionId: input.strategyVersionId };

  /** Side effects are keyed by workflow, first run (stable across continue-as-new), node and occurrence. */
  const effectKey = (key: string) => `${info.workflowId}/${info.firstExecutionRunId}/${key}`;
  const effect = (command: { key: string; nodeId: string }): EffectInput => ({
    key: effectKey(command.key),
    accountId: input.accountId,
    workflowId: info.workflowId,
    nodeId: command.nodeId,
  });
  const inbox: EngineEvent[] = [];
  let accountChanged = false;
  /** True while the loop waits for the outside world: the only time the strategy may be swapped under it. */
  let idle = false;
  let state: EngineState | undefined = input.carried?.state;
  /** Set while an admin holds the run: no command runs and no wait ends until it is cleared. */
  let pause: PauseView | null = input.carried?.paused ?? null;

  /** The engine's key for a task named by its effect key; the validator has checked that there is one. */
  const engineTaskKey = (taskKey: string): string => {
    const awaiting = state?.awaiting;
    const candidates = [...(awaiting?.kind === 'task-outcome' ? [awaiting.taskKey] : []), ...(state?.openTasks ?? [])];
    // The fallback keeps replays under another workflow id (a recorded history) on the task the run awaited.
    return candidates.find((k) => effectKey(k) === taskKey) ?? candidates[0] ?? taskKey;
  };

  /** Account events this run was told of, newest last; a repeat of one of them changes nothing. */
  const toldEvents: string[] = [...(input.carried?.toldEvents ?? [])];
  const firstTelling = (eventId: string | undefined): boolean => {
    if (eventId === undefined) return true;
    if (toldEvents.includes(eventId)) return false;
    toldEvents.push(eventId);
    if (toldEvents.length > TOLD_EVENTS_KEPT) toldEvents.shift();
    return true;
  };
  setHandler(paymentAppliedSignal, (message) => {
    if (firstTelling(message.eventId)) accountChanged = true;
  });
  setHandler(accountChangedSignal, (message) => {
    if (firstTelling(message?.eventId)) accountChanged = true;
  });
  setHandler(disputeOpenedSignal, (message) => {
    if (!firstTelling(message?.eventId)) return;
    // The new figures are read with the event, so the dispute's items leave the balance at once.
    accountChanged = true;
    inbox.push({ type: 'dispute-opened' });
  });
  const run = (): RunView => ({ state, graph: loaded.graph, effectKey });
  setHandler(
    completeTaskUpdate,
    (message) => {
      // A promise given as the outcome holds dunning from the moment the task closes, before its edge is taken.
      if (message.promise) inbox.push({ type: 'promise-recorded', promiseId: message.promise.promiseId, until: message.promise.until });
      // A plan agreed on the call: every installment holds dunning, and one broken installment ends the plan's hold.
      for (const installment of message.plan?.installments ?? []) {
        inbox.push({ type: 'promise-recorded', promiseId: installment.promiseId, until: installment.until, planId: message.plan?.planId ?? '' });
      }
      inbox.push({ type: 'task-completed', taskKey: engineTaskKey(message.taskKey), outcome: message.outcome });
      return { accepted: true as const };
    },
    { validator: (message) => checkTaskCompletion(run(), message) },
  );
  setHandler(
    recordPromiseUpdate,
    (message) => {
      inbox.push({ type: 'promise-recorded', promiseId: message.promiseId, until: message.until });
      return { accepted: true as const };
    },
    { validator: (message) => checkPromise(run(), message) },
  );
  setHandler(
    migrateStrategyUpdate,
    (message) => {
      // The validator ran in this same activation, so the check still holds; the current wait runs on as started.
      const nodeId = checkStrategyMigration(run(), message, false);
      if (state) state = migrateState(state, nodeId, message.strategyVersionId, new Date());
      loaded.graph = message.graph;
      loaded.versionId = message.strategyVersionId;
      index({ version: message.strategyVersionId, ...(state ? { node: state.nodeId } : {}) });
      log.info('Strategy migrated', { strategyVersionId: message.strategyVersionId, nodeId });
      return { accepted: true as const, nodeId };
    },
    { validator: (message) => void checkStrategyMigration(run(), message, !idle || inbox.length > 0 || accountChanged) },
  );
  setHandler(
    pauseUpdate,
    (message) => {
      pause = { since: new Date().toISOString(), reason: message.reason, actorId: message.actorId };
      log.info('Collection paused', { reason: message.reason, actorId: message.actorId });
      index({ paused: true });
      return { paused: true as const };
    },
    {
      validator: (message) => {
        checkReason(message);
        checkPause(run(), pause !== null);
      },
    },
  );
  setHandler(
    resumeUpdate,
    (message) => {
      pause = null;
      log.info('Collection resumed', { reason: message.reason, actorId: message.actorId });
      index({ paused: false });
      return { resumed: true as const };
    },
    {
      validator: (message) => {
        checkReason(message);
        checkResume(pause !== null);
      },
    },
  );
  setHandler(stateQuery, (): CollectionStateView => view(input.accountId, loaded, state, pause, effectKey));

  // Decided once, at the start of the run, so that replaying a run from before the patch never upserts.
  const indexing = patched(SEARCH_ATTRIBUTES_PATCH);
  const indexedNow: Indexed = {};
  /** Upserts what changed since the last upsert: the values come from the state alone, so replays repeat them. */
  function index(values: Indexed): void {
    if (!indexing) return;
    const pairs: SearchAttributeUpdatePair[] = [];
    if (values.version !== undefined && values.version !== indexedNow.version) {
      pairs.push({ key: strategyVersionKey, value: values.version });
    }
    if (values.node !== undefined && values.node !== indexedNow.node) pairs.push({ key: nodeKey, value: values.node });
    if (values.segment !== undefined && values.segment !== indexedNow.segment) pairs.push({ key: segmentKey, value: values.segment });
    if (values.collector !== undefined && values.collector !== indexedNow.collector) {
      pairs.push({ key: collectorKey, value: values.collector });
    }
    if (values.paused !== undefined && values.paused !== indexedNow.paused) {
      pairs.push({ key: pausedKey, value: values.paused ? 'true' : 'false' });
    }
    Object.assign(indexedNow, values);
    if (pairs.length > 0) upsertSearchAttributes(pairs);
  }
  index({ version: input.strategyVersionId, paused: pause !== null });

  loaded.graph = (await reads.loadStrategyVersion(input.strategyVersionId)).graph;
  const graph = (): StrategyGraph => {
    if (!loaded.graph) throw new Error('The strategy is not loaded.');
    return loaded.graph;
  };

  let commands: EngineCommand[] = [];
  if (!state) {
    const account = await reads.loadAccountSnapshot(input.accountId);
    ({ state, commands } = step(graph(), null, { type: 'start', account }, new Date()));
  }
  index({ node: state.nodeId });
  // The migration handler replaces the state too, so the loop reads it through this rather than a narrowed local.
  const current = (): EngineState => {
    if (!state) throw new Error('The engine state is missing.');
    return state;
  };

  for (;;) {
    const events: EngineEvent[] = [];
    for (const command of commands) {
      // A pause holds the run between two commands: what is under way finishes, nothing new starts.
      if (pause) await condition(() => pause === null);
      switch (command.type) {
        case 'wait-until':
          // The wait itself is read from the state below, so a resumed or re-planned wait is never lost.
          break;
        case 'evaluate-condition': {
          const evaluated = await reads.evaluateCondition({
            accountId: input.accountId,
            nodeId: command.nodeId,
            condition: command.condition,
            // Local activities see the worker's clock, not Temporal's: the facts are computed as of the workflow's.
            asOf: new Date().toISOString(),
          });
          events.push({ type: 'condition-evaluated', nodeId: command.nodeId, result: evaluated.result, matched: evaluated.matched });
          break;
        }
        case 'evaluate-switch': {
          const evaluated = await reads.evaluateSwitch({
            accountId: input.accountId,
            nodeId: command.nodeId,
            rules: command.rules,
            asOf: new Date().toISOString(),
          });
          events.push({ type: 'switch-evaluated', nodeId: command.nodeId, outcome: evaluated.outcome, matched: evaluated.matched });
          break;
        }
        case 'send-reminder': {
          const sent = await sendOnce({ ...effect(command), channel: command.channel, template: command.template });
          events.push(
            sent?.status === 'deferred'
              ? { type: 'action-deferred', nodeId: command.nodeId, until: sent.deferredUntil, reason: sent.reason }
              : { type: 'action-done', nodeId: command.nodeId },
          );
          break;
        }
        case 'create-task': {
          const { type: _type, key: _key, nodeId: _nodeId, ...task } = command;
          const created = await effects.createTask({ ...effect(command), ...task });
          if (created.status === 'deferred') {
            events.push({ type: 'action-deferred', nodeId: command.nodeId, until: created.deferredUntil, reason: created.reason });
          } else if (current().awaiting.kind === 'action') {
            // A task the run does not wait for: go on at once. Otherwise its outcome arrives as an Update.
            events.push({ type: 'action-done', nodeId: command.nodeId });
          }
          break;
        }
        case 'escalate':
          await effects.escalate({ ...effect(command), level: command.level, action: command.action });
          events.push({ type: 'action-done', nodeId: command.nodeId });
          break;
        case 'assign-collector': {
          const { type: _type, key: _key, nodeId: _nodeId, ...rules } = command;
          const assigned = await effects.assignCollector({ ...effect(command), ...rules });
          index({ collector: assigned.assigneeId });
          events.push({ type: 'action-done', nodeId: command.nodeId });
          break;
        }
        case 'set-tags': {
          const { type: _type, key: _key, nodeId: _nodeId, ...tags } = command;
          const tagged = await effects.setTags({ ...effect(command), ...tags });
          // The activity says what may be indexed; a history from before it said so indexed the segment itself.
          const searchSegment = 'searchSegment' in tagged ? tagged.searchSegment : tagged.segment;
          if (searchSegment) index({ segment: searchSegment });
          events.push({ type: 'action-done', nodeId: command.nodeId });
          break;
        }
        case 'create-payment-plan': {
          const { type: _type, key: _key, nodeId: _nodeId, ...plan } = command;
          try {
            const created = await effects.createPaymentPlan({ ...effect(command), ...plan });
            events.push({ type: 'plan-created', nodeId: command.nodeId, planId: created.planId, installments: created.installments });
          } catch (error) {
            // The balance changed under the plan (a dispute opened meanwhile): look again a day later.
            if (!isFailureOfType(error, NOTHING_TO_PLAN)) throw error;
            const until = new Date(Date.now() + 86_400_000).toISOString();
            events.push({ type: 'action-deferred', nodeId: command.nodeId, until, reason: 'nothing is collectible to spread over a plan' });
          }
          break;
        }
        case 'check-promise': {
          const checked = await effects.checkPromise({ accountId: input.accountId, promiseId: command.promiseId });
          events.push({ type: 'promise-resolved', promiseId: command.promiseId, status: checked.status });
          break;
        }
        case 'complete':
          if (((command.outcome === 'written-off' || command.outcome === 'agency') && patched(CLOSE_ACCOUNT_PATCH)) || patched(CLOSE_TASKS_PATCH)) {
            await effects.closeAccount({ ...effect(command), outcome: command.outcome });
          }
          // Let an in-flight Update or signal handler finish before the run closes.
          await condition(allHandlersFinished);
          log.info('Collection ended', { outcome: command.outcome });
          return { outcome: command.outcome, nodeId: current().nodeId };
      }
    }

    if (events.length === 0) {
      if (current().status === 'ended') {
        // The engine ended without a complete command: a bug in the interpreter, worth a loud failure.
        throw new Error(`Engine ended at node ${current().nodeId} without completing.`);
      }
      const { historyLength, continueAsNewSuggested } = workflowInfo();
      if (historyLength > HISTORY_EVENTS_BEFORE_CONTINUE || continueAsNewSuggested) {
        await condition(allHandlersFinished);
        if (inbox.length === 0 && !accountChanged) {
          return await continueAsNew<typeof collectionWorkflow>({
            accountId: input.accountId,
            strategyVersionId: loaded.versionId,
            carried: { state: current(), ...(pause ? { paused: pause } : {}), ...(toldEvents.length > 0 ? { toldEvents } : {}) },
          });
        }
      }
      idle = true;
      try {
        events.push(...(await nextEvents(nextWakeAt(current()))));
      } finally {
        idle = false;
      }
    }
    commands = [];
    for (const event of events) {
      const result = step(graph(), current(), event, new Date());
      state = result.state;
      commands.push(...result.commands);
    }
    index({ node: current().nodeId });
  }

  /**
   * A provider that refuses a message for good (a bad number, a rejected address) fails the activity without
   * retries; the refusal is in the communication log, and the strategy goes on rather than failing the account.
   */
  async function sendOnce(reminder: Parameters<typeof sending.sendReminder>[0]): Promise<SendReminderResult | null> {
    try {
      return await sending.sendReminder(reminder);
    } catch (error) {
      if (isFailureOfType(error, PROVIDER_REFUSED)) {
        log.warn('Reminder refused by the provider', { nodeId: reminder.nodeId, reason: String(error) });
        return null;
      }
      throw error;
    }
  }

  async function nextEvents(waitUntil: string | null): Promise<EngineEvent[]> {
    // Messages arriving while paused are kept, and taken in order once the run is resumed.
    const ready = () => pause === null && (inbox.length > 0 || accountChanged);
    if (waitUntil === null) {
      await condition(ready);
    } else {
      const remaining = Date.parse(waitUntil) - Date.now();
      const timedOut = remaining > 0 ? !(await condition(ready, remaining)) : !ready();
      if (timedOut) {
        // A wait that ran out while paused ends as soon as the run is resumed.
        if (pause) await condition(() => pause === null);
        // Before acting on a timer, re-read the account: a payment whose signal was lost, or a new invoice,
        // must not leave the workflow dunning on stale figures.
        const account = await reads.loadAccountSnapshot(input.accountId);
        return [{ type: 'account-changed', account }, { type: 'timer-fired' }];
      }
    }
    if (accountChanged) {
      accountChanged = false;
      return [{ type: 'account-changed', account: await reads.loadAccountSnapshot(input.accountId) }];
    }
    const next = inbox.shift();
    if (!next) throw new Error('Woken without an event.');
    return [next];
  }
}

function view(
  accountId: string,
  loaded: { graph?: StrategyGraph; versionId: string },
  state: EngineState | undefined,
  pause: PauseView | null,
  effectKey: (key: string) => string,
): CollectionStateView {
  const graph = loaded.graph;
  return {
    accountId,
    status: state?.status ?? 'running',
    strategyVersionId: loaded.versionId,
    nodeId: state?.nodeId ?? '',
    nodeLabel: graph && state ? nodeLabel(graph, state.nodeId) : null,
    nextAction: graph && state ? describeNextAction(graph, state) : null,
    balance: { amountMinor: state?.account.balanceMinor ?? '0', currency: state?.account.currency ?? '' },
    awaitingTaskKey: state?.awaiting.kind === 'task-outcome' ? effectKey(state.awaiting.taskKey) : null,
    outcome: state?.outcome ?? null,
    decisions: state?.decisions.slice(-20) ?? [],
    paused: pause,
  };
}
