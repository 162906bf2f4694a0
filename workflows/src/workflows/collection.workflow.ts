import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { EngineCommand, EngineEvent, EngineState, StrategyGraph } from '@recoup/domain';
// The interpreter alone, not the package's barrel: workflow code is bundled into every workflow context, and the
// barrel would bring schemas and tables the interpreter does not use.
import { step } from '@recoup/domain/interpreter';
import type { CollectionActivities, EffectInput } from '../activities/activity-types.ts';
import {
  accountChangedSignal,
  completeTaskUpdate,
  paymentAppliedSignal,
  stateQuery,
  type CollectionStateView,
} from '../shared/definitions.ts';
import { describeNextAction, nodeLabel } from './state-view.ts';

export interface CollectionWorkflowInput {
  accountId: string;
  strategyVersionId: string;
  /** Present when the run was continued-as-new: the engine state carries over unchanged. */
  carried?: { state: EngineState };
}

export interface CollectionWorkflowResult {
  outcome: NonNullable<EngineState['outcome']>;
  nodeId: string;
}

// Side effects run as ordinary activities: each is retried until it succeeds and is keyed for idempotency.
const effects = proxyActivities<Pick<CollectionActivities, 'sendReminder' | 'createTask' | 'escalate'>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

// Reads and rule evaluation run as local activities: no extra round trip through the server, yet their results
// (the strategy, the account's figures, each decision with the comparisons that held) are recorded in history.
const reads = proxyLocalActivities<Pick<CollectionActivities, 'loadStrategyVersion' | 'loadAccountSnapshot' | 'evaluateCondition'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * A long-lived account continues as new with its state, well before Temporal's 10,240-event warning. The check
 * runs at wait points, so the margin below 2,000 leaves room for the steps between two waits.
 */
const HISTORY_EVENTS_BEFORE_CONTINUE = 1_800;

/**
 * One account's collection lifecycle. All decisions come from the pure interpreter `step`; this function only
 * turns its commands into activities and timers and feeds the results back as events.
 */
export async function collectionWorkflow(input: CollectionWorkflowInput): Promise<CollectionWorkflowResult> {
  const info = workflowInfo();
  // Handlers are registered before the first await, so queries and messages are never refused at start.
  const loaded: { graph?: StrategyGraph } = {};

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
  let state: EngineState | undefined = input.carried?.state;

  setHandler(paymentAppliedSignal, () => {
    accountChanged = true;
  });
  setHandler(accountChangedSignal, () => {
    accountChanged = true;
  });
  setHandler(
    completeTaskUpdate,
    (message) => {
      // The validator has checked that the engine waits for exactly this task.
      const awaiting = state?.awaiting.kind === 'task-outcome' ? state.awaiting.taskKey : '';
      inbox.push({ type: 'task-completed', taskKey: awaiting, outcome: message.outcome });
      return { accepted: true as const };
    },
    {
      validator: (message) => {
        const awaiting = state?.awaiting;
        if (awaiting?.kind !== 'task-outcome' || effectKey(awaiting.taskKey) !== message.taskKey) {
          throw ApplicationFailure.nonRetryable(`The workflow is not waiting for task ${message.taskKey}.`, 'TaskNotAwaited');
        }
        if (!loaded.graph || !hasOutcomeEdge(loaded.graph, state?.nodeId ?? '', message.outcome)) {
          throw ApplicationFailure.nonRetryable(`Outcome "${message.outcome}" is not one of this task's outcomes.`, 'UnknownOutcome');
        }
      },
    },
  );
  setHandler(stateQuery, (): CollectionStateView => view(input, loaded.graph, state, effectKey));

  const strategy = (await reads.loadStrategyVersion(input.strategyVersionId)).graph;
  loaded.graph = strategy;

  let commands: EngineCommand[] = [];
  if (!state) {
    const account = await reads.loadAccountSnapshot(input.accountId);
    ({ state, commands } = step(strategy, null, { type: 'start', account }, new Date()));
  }

  for (;;) {
    const events: EngineEvent[] = [];
    for (const command of commands) {
      switch (command.type) {
        case 'wait-until':
          // The wait itself is read from state.awaiting below, so a resumed or re-planned wait is never lost.
          break;
        case 'evaluate-condition': {
          const evaluated = await reads.evaluateCondition({
            accountId: input.accountId,
            nodeId: command.nodeId,
            condition: command.condition,
          });
          events.push({ type: 'condition-evaluated', nodeId: command.nodeId, result: evaluated.result, matched: evaluated.matched });
          break;
        }
        case 'send-reminder': {
          const sent = await effects.sendReminder({ ...effect(command), channel: command.channel, template: command.template });
          events.push(
            sent.status === 'deferred'
              ? { type: 'action-deferred', nodeId: command.nodeId, until: sent.deferredUntil, reason: sent.reason }
              : { type: 'action-done', nodeId: command.nodeId },
          );
          break;
        }
        case 'create-task': {
          // No event: the engine now waits for the task's outcome, which arrives as an Update.
          const { type: _type, key: _key, nodeId: _nodeId, ...task } = command;
          await effects.createTask({ ...effect(command), ...task });
          break;
        }
        case 'escalate':
          await effects.escalate({ ...effect(command), level: command.level, action: command.action });
          events.push({ type: 'action-done', nodeId: command.nodeId });
          break;
        case 'complete':
          // Let an in-flight Update or signal handler finish before the run closes.
          await condition(allHandlersFinished);
          log.info('Collection ended', { outcome: command.outcome });
          return { outcome: command.outcome, nodeId: state.nodeId };
      }
    }

    if (events.length === 0) {
      if (state.status === 'ended') {
        // The engine ended without a complete command: a bug in the interpreter, worth a loud failure.
        throw new Error(`Engine ended at node ${state.nodeId} without completing.`);
      }
      const { historyLength, continueAsNewSuggested } = workflowInfo();
      if (historyLength > HISTORY_EVENTS_BEFORE_CONTINUE || continueAsNewSuggested) {
        await condition(allHandlersFinished);
        if (inbox.length === 0 && !accountChanged) {
          return await continueAsNew<typeof collectionWorkflow>({ ...input, carried: { state } });
        }
      }
      const awaiting = state.awaiting;
      events.push(...(await nextEvents(awaiting.kind === 'timer' || awaiting.kind === 'deferred' ? awaiting.until : null)));
    }
    commands = [];
    for (const event of events) {
      const result = step(strategy, state, event, new Date());
      state = result.state;
      commands.push(...result.commands);
    }
  }

  async function nextEvents(waitUntil: string | null): Promise<EngineEvent[]> {
    const ready = () => inbox.length > 0 || accountChanged;
    if (waitUntil === null) {
      await condition(ready);
    } else {
      const remaining = Date.parse(waitUntil) - Date.now();
      const timedOut = remaining > 0 ? !(await condition(ready, remaining)) : !ready();
      if (timedOut) {
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

function hasOutcomeEdge(graph: StrategyGraph, nodeId: string, outcome: string): boolean {
  return graph.edges.some((edge) => edge.source === nodeId && edge.sourceHandle === outcome);
}

function view(
  input: CollectionWorkflowInput,
  graph: StrategyGraph | undefined,
  state: EngineState | undefined,
  effectKey: (key: string) => string,
): CollectionStateView {
  return {
    accountId: input.accountId,
    status: state?.status ?? 'running',
    strategyVersionId: input.strategyVersionId,
    nodeId: state?.nodeId ?? '',
    nodeLabel: graph && state ? nodeLabel(graph, state.nodeId) : null,
    nextAction: graph && state ? describeNextAction(graph, state) : null,
    balance: { amountMinor: state?.account.balanceMinor ?? '0', currency: state?.account.currency ?? '' },
    awaitingTaskKey: state?.awaiting.kind === 'task-outcome' ? effectKey(state.awaiting.taskKey) : null,
    outcome: state?.outcome ?? null,
    decisions: state?.decisions.slice(-20) ?? [],
  };
}
