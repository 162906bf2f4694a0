import type { AccountSnapshot, EngineEvent, EngineState, StepResult } from './engine-types.ts';
import { EngineError, MissingStateError, RunawayStepError, UnknownTaskOutcomeError } from './engine-errors.ts';
import type { StrategyGraph, StrategyNode, WaitEvent, NodeOfKind } from './graph.ts';
import type { KindDefinition } from './kinds/kind.ts';
import { kindDefinition } from './kinds/registry.ts';
import { WRITE_OFF_APPROVAL_OUTCOMES } from './kinds/end.ts';
import { settleWait } from './kinds/wait.ts';
import {
  balanceOf,
  checkPromise,
  contactHold,
  decide,
  defer,
  disputedOf,
  emit,
  endRun,
  exitKey,
  follow,
  holdsOf,
  HOUR_MS,
  nameOf,
  nodeOf,
  type StepContext as Context,
} from './step-context.ts';

export { MAX_DECISIONS } from './step-context.ts';

// The interpreter is a pure state machine: step() advances node by node until the account needs the outside world
// (a timer, a condition evaluation, an email, a task, an escalation), then returns the commands for the workflow
// and the state with `awaiting` set. The workflow persists nothing else, so replaying the same events over the
// same graph always yields the same commands.
//
// A run begins with step(graph, null, { type: 'start', account }, now); startState() is shorthand for that.

/** More nodes than this in one step can only be a loop that never waits. */
export const MAX_NODES_PER_STEP = 1000;

/** How the kind of a node runs it. */
const runsOf = (node: StrategyNode): KindDefinition['runs'] => (kindDefinition(node.type) as KindDefinition).runs;

/** Reminders and calls reach the debtor, so promises and disputes hold them back; other actions go ahead. */
function isContact(node: StrategyNode): boolean {
  const runs = runsOf(node);
  return 'act' in runs && runs.contacts !== undefined && runs.contacts(node.data);
}

/**
 * Performs the action of an action node with its idempotency key. A retried action (after a deferral) comes
 * here again with the same key, so it stays one action. Returns the next node for nodes that do not wait.
 */
function act(ctx: Context, node: StrategyNode, key: string): string | undefined {
  const runs = runsOf(node);
  if (!('act' in runs)) throw new EngineError('engine-state-mismatch', `${nameOf(node)} is a ${node.type}, which has no action to perform.`);
  if (isContact(node)) {
    const hold = contactHold(ctx);
    if (hold) {
      defer(ctx, node, hold.until, hold.reason);
      return undefined;
    }
  }
  return runs.act(ctx, node, key);
}

/** Enters a node; returns the node to enter next, or undefined when the run now waits for the outside world. */
function enter(ctx: Context, node: StrategyNode): string | undefined {
  const state = ctx.state;
  const visit = (state.visits[node.id] ?? 0) + 1;
  state.visits[node.id] = visit;
  state.nodeId = node.id;
  state.awaiting = { kind: 'nothing' };
  const key = `${node.id}:${visit}`;
  decide(ctx, node.id, 'entered', `Entered ${nameOf(node)} (visit ${visit}).`);
  const runs = runsOf(node);
  return 'act' in runs ? act(ctx, node, key) : runs.enter(ctx, node, key);
}

function run(ctx: Context, firstId: string | undefined): void {
  let id = firstId;
  while (id !== undefined) {
    ctx.advanced += 1;
    if (ctx.advanced > MAX_NODES_PER_STEP) throw new RunawayStepError(MAX_NODES_PER_STEP, id);
    id = enter(ctx, nodeOf(ctx, id));
  }
}

function currentNode<K extends StrategyNode['type']>(ctx: Context, kind: K): NodeOfKind<K> {
  const node = nodeOf(ctx, ctx.state.nodeId);
  if (node.type !== kind) {
    throw new EngineError(
      'engine-state-mismatch',
      `The state awaits a ${kind} at "${node.id}", but that node is a ${node.type}.`,
    );
  }
  return node as NodeOfKind<K>;
}

/** Follows the exit of a wait-for-event node named after the event that arrived. */
function wake(ctx: Context, event: WaitEvent): boolean {
  const awaiting = ctx.state.awaiting;
  if (awaiting.kind !== 'event' || !awaiting.events.includes(event)) return false;
  const node = currentNode(ctx, 'wait-for-event');
  decide(ctx, node.id, 'event', `${nameOf(node)} woke on "${event}".`);
  run(ctx, follow(ctx, node, event));
  return true;
}

/** Retries a deferred action once nothing holds it back any more. */
function retryDeferred(ctx: Context): void {
  const awaiting = ctx.state.awaiting;
  if (awaiting.kind !== 'deferred') return;
  if (awaiting.until !== null && Date.parse(awaiting.until) > ctx.now) {
    emit(ctx, 'wait-until', ctx.state.nodeId, { until: awaiting.until });
    return;
  }
  const node = nodeOf(ctx, ctx.state.nodeId);
  const hold = isContact(node) ? contactHold(ctx) : undefined;
  // Still held by the same thing that deferred it (a dispute with no end date): keep waiting, say nothing new.
  if (hold && hold.until === null && awaiting.until === null) return;
  // Same node, same visit, same key: the retried contact is still the one action, never a second one.
  decide(ctx, node.id, 'deferred', `${nameOf(node)} is tried again after its deferral.`);
  run(ctx, act(ctx, node, `${node.id}:${ctx.state.visits[node.id] ?? 1}`));
}

/** Asks for every promise whose deadline has passed to be judged; true when there were any. */
function judgeDuePromises(ctx: Context): boolean {
  const due = holdsOf(ctx.state).filter((h) => Date.parse(h.until) <= ctx.now);
  for (const hold of due) checkPromise(ctx, hold.promiseId);
  return due.length > 0;
}

function onTimer(ctx: Context): void {
  if (judgeDuePromises(ctx)) return;
  const awaiting = ctx.state.awaiting;
  switch (awaiting.kind) {
    case 'deferred':
      retryDeferred(ctx);
      return;
    case 'timer': {
      const node = nodeOf(ctx, ctx.state.nodeId);
      const runs = runsOf(node);
      if (!('timerOver' in runs) || runs.timerOver === undefined) {
        throw new EngineError('engine-state-mismatch', `The state awaits a timer at "${node.id}", but a ${node.type} has none.`);
      }
      // A timer that fires early (clock skew, a stale timer from before a recompute) must not advance the run.
      if (Date.parse(awaiting.until) > ctx.now) {
        emit(ctx, 'wait-until', node.id, { until: awaiting.until });
        return;
      }
      decide(ctx, node.id, 'wait', `${nameOf(node)} is over.`);
      run(ctx, runs.timerOver(ctx, node));
      return;
    }
    case 'event': {
      const node = currentNode(ctx, 'wait-for-event');
      if (Date.parse(awaiting.until) > ctx.now) {
        emit(ctx, 'wait-until', node.id, { until: awaiting.until });
        return;
      }
      decide(ctx, node.id, 'event', `${nameOf(node)} timed out: none of ${awaiting.events.join(', ')} arrived.`);
      run(ctx, follow(ctx, node, 'timeout'));
      return;
    }
    case 'action':
    case 'condition':
    case 'task-outcome':
    case 'plan':
    case 'nothing':
      // Nothing here runs on time: these wait for an activity, a person or a message.
      return;
  }
}

function onAccountChanged(ctx: Context, account: AccountSnapshot): void {
  const before = ctx.state.account;
  ctx.state.account = { ...account };
  const balance = balanceOf(account);
  const disputed = disputedOf(account);
  if (balance <= 0n && disputed <= 0n) {
    decide(ctx, ctx.state.nodeId, 'balance', `Open balance is ${balance} minor units: the account is settled.`);
    endRun(ctx, ctx.state.nodeId, 'settled', 'Finished because the account is settled.');
    return;
  }
  const paid = balance < balanceOf(before) && disputed === disputedOf(before);
  if (before.balanceMinor !== account.balanceMinor) {
    decide(ctx, ctx.state.nodeId, 'balance', `Open balance changed to ${balance} minor units.`);
  }
  if (disputed !== disputedOf(before)) {
    decide(ctx, ctx.state.nodeId, 'dispute', `Disputed amount is now ${disputed} minor units.`);
  }
  if (paid) {
    // A payment may keep a promise before its deadline: have every running promise judged again.
    for (const hold of holdsOf(ctx.state)) checkPromise(ctx, hold.promiseId);
    if (wake(ctx, 'payment')) return;
  }
  const node = nodeOf(ctx, ctx.state.nodeId);
  const awaiting = ctx.state.awaiting;
  if (awaiting.kind === 'deferred' && awaiting.until === null) {
    retryDeferred(ctx);
    return;
  }
  if (node.type === 'wait' && node.data.mode === 'due-offset' && (awaiting.kind === 'timer' || awaiting.kind === 'nothing')) {
    run(ctx, settleWait(ctx, node));
  }
}

function onPromiseResolved(ctx: Context, promiseId: string, status: 'open' | 'kept' | 'broken'): void {
  const state = ctx.state;
  const hold = holdsOf(state).find((h) => h.promiseId === promiseId);
  if (!hold) return;
  if (status === 'open') {
    // Judged before its deadline (after a partial payment): it runs on. Past the deadline it cannot stay open;
    // look again in an hour rather than ask in a tight loop.
    if (Date.parse(hold.until) <= ctx.now) {
      const later = new Date(ctx.now + HOUR_MS).toISOString();
      state.holds = holdsOf(state).map((h) => (h.promiseId === promiseId ? { ...h, until: later } : h));
    }
    return;
  }
  state.holds = holdsOf(state).filter((h) => h.promiseId !== promiseId && (status === 'kept' || !hold.planId || h.planId !== hold.planId));
  const stats = state.promises ?? { kept: 0, broken: 0 };
  state.promises = { ...stats, [status]: stats[status] + 1 };
  const kind = hold.planId ? 'Installment' : 'Promise to pay';
  decide(ctx, state.nodeId, 'promise', `${kind} ${promiseId} was ${status}.`);
  const awaiting = state.awaiting;
  if (hold.planId && awaiting.kind === 'plan' && awaiting.planId === hold.planId) {
    const node = currentNode(ctx, 'payment-plan');
    const remaining = holdsOf(state).some((h) => h.planId === hold.planId);
    if (status === 'broken') {
      decide(ctx, node.id, 'promise', `${nameOf(node)} is broken: an installment was not paid in time.`);
      run(ctx, follow(ctx, node, 'broken'));
    } else if (!remaining) {
      decide(ctx, node.id, 'promise', `${nameOf(node)} is completed: every installment was paid.`);
      run(ctx, follow(ctx, node, 'completed'));
    }
    return;
  }
  if (wake(ctx, status === 'kept' ? 'promise-kept' : 'promise-broken')) return;
  onTimer(ctx);
}

function onTaskCompleted(ctx: Context, taskKey: string, outcome: string): void {
  const state = ctx.state;
  const awaiting = state.awaiting;
  if (awaiting.kind === 'task-outcome' && taskKey === awaiting.taskKey) {
    const node = nodeOf(ctx, state.nodeId);
    if (node.type === 'end') {
      if (!WRITE_OFF_APPROVAL_OUTCOMES.includes(outcome as never)) throw new UnknownTaskOutcomeError(node.id, outcome, [...WRITE_OFF_APPROVAL_OUTCOMES]);
      decide(ctx, node.id, 'task-outcome', `The write-off at ${nameOf(node)} was ${outcome === 'approve' ? 'approved' : 'rejected'}.`);
      if (outcome === 'approve') endRun(ctx, node.id, node.data.outcome, `Finished at ${nameOf(node)}: written off with approval.`);
      else run(ctx, follow(ctx, node, 'rejected'));
      return;
    }
    const task = currentNode(ctx, 'task');
    if (!task.data.outcomes.includes(outcome)) throw new UnknownTaskOutcomeError(task.id, outcome, task.data.outcomes);
    decide(ctx, task.id, 'task-outcome', `${nameOf(task)} was completed with outcome "${outcome}".`);
    run(ctx, follow(ctx, task, outcome));
    return;
  }
  const open = state.openTasks ?? [];
  if (!open.includes(taskKey)) return;
  state.openTasks = open.filter((k) => k !== taskKey);
  decide(ctx, state.nodeId, 'task-outcome', `Task ${taskKey} was completed with outcome "${outcome}".`);
  wake(ctx, 'task-outcome');
}

function handle(ctx: Context, event: EngineEvent): void {
  const state = ctx.state;
  const awaiting = state.awaiting;
  switch (event.type) {
    case 'start':
      return;
    case 'timer-fired':
      onTimer(ctx);
      return;
    case 'condition-evaluated': {
      if (awaiting.kind !== 'condition' || event.nodeId !== state.nodeId) return;
      const node = currentNode(ctx, 'condition');
      const exit = event.result ? 'yes' : 'no';
      const matched = event.matched.length > 0 ? ` (matched: ${event.matched.join(', ')})` : '';
      decide(ctx, node.id, 'condition', `${nameOf(node)} was ${event.result}${matched}: taking "${exit}".`);
      run(ctx, follow(ctx, node, exit));
      return;
    }
    case 'switch-evaluated': {
      if (awaiting.kind !== 'condition' || event.nodeId !== state.nodeId) return;
      const node = currentNode(ctx, 'switch');
      const exit = event.outcome ?? 'default';
      const matched = event.matched.length > 0 ? ` (matched: ${event.matched.join(', ')})` : '';
      const why = event.outcome === null ? 'no rule held' : `rule "${event.outcome}" held${matched}`;
      decide(ctx, node.id, 'condition', `${nameOf(node)}: ${why}, taking "${exit}".`);
      run(ctx, follow(ctx, node, exit));
      return;
    }
    case 'action-done': {
      if (awaiting.kind !== 'action' || event.nodeId !== state.nodeId) return;
      const node = nodeOf(ctx, state.nodeId);
      if (node.type === 'task') state.openTasks = [...(state.openTasks ?? []), `${node.id}:${state.visits[node.id] ?? 1}`];
      run(ctx, follow(ctx, node, 'next'));
      return;
    }
    case 'action-deferred': {
      const acting = awaiting.kind === 'action' || awaiting.kind === 'task-outcome' || (awaiting.kind === 'plan' && awaiting.planId === null);
      if (!acting || event.nodeId !== state.nodeId) return;
      defer(ctx, nodeOf(ctx, state.nodeId), event.until, event.reason);
      return;
    }
    case 'task-completed':
      onTaskCompleted(ctx, event.taskKey, event.outcome);
      return;
    case 'account-changed':
      onAccountChanged(ctx, event.account);
      return;
    case 'promise-recorded': {
      if (holdsOf(state).some((h) => h.promiseId === event.promiseId)) return;
      state.holds = [...holdsOf(state), { promiseId: event.promiseId, until: event.until, ...(event.planId ? { planId: event.planId } : {}) }];
      const what = event.planId ? `Installment ${event.promiseId} of plan ${event.planId}` : `Promise to pay ${event.promiseId}`;
      const where = event.online ? ' in the portal' : '';
      decide(ctx, state.nodeId, 'promise', `${what} recorded${where}; dunning holds until ${event.until}.`);
      // A node that tells a promise made online apart takes that exit; otherwise it is a promise like any other.
      if (!(event.online && wake(ctx, 'promise-online'))) wake(ctx, 'promise');
      return;
    }
    case 'plan-requested': {
      const plan = event.plan;
      if (plan) {
        const known = new Set(holdsOf(state).map((h) => h.promiseId));
        const installments = plan.installments.filter((i) => !known.has(i.promiseId)).map((i) => ({ promiseId: i.promiseId, until: i.until, planId: plan.planId }));
        state.holds = [...holdsOf(state), ...installments];
        decide(ctx, state.nodeId, 'promise', `The debtor set up plan ${plan.planId} with ${plan.installments.length} installments in the portal; each holds dunning until it falls due.`);
      } else {
        decide(ctx, state.nodeId, 'event', 'The debtor asked for a payment plan outside the strategy\'s policy; a collector reviews it.');
      }
      if (!wake(ctx, 'plan-requested') && plan) wake(ctx, 'promise');
      return;
    }
    case 'promise-resolved':
      onPromiseResolved(ctx, event.promiseId, event.status);
      return;
    case 'dispute-opened':
      decide(ctx, state.nodeId, 'dispute', 'A dispute was opened.');
      wake(ctx, 'dispute');
      return;
    case 'portal-visited':
      wake(ctx, 'portal-visited');
      return;
    case 'plan-created': {
      if (awaiting.kind !== 'plan' || awaiting.planId !== null || event.nodeId !== state.nodeId) return;
      const node = currentNode(ctx, 'payment-plan');
      state.awaiting = { kind: 'plan', planId: event.planId };
      const installments = event.installments.map((i) => ({ promiseId: i.promiseId, until: i.until, planId: event.planId }));
      state.holds = [...holdsOf(state), ...installments];
      decide(ctx, node.id, 'promise', `${nameOf(node)} created plan ${event.planId} with ${installments.length} installments.`);
      return;
    }
  }
}

function contextFor(graph: StrategyGraph, state: EngineState, now: Date): Context {
  const time = now.getTime();
  if (Number.isNaN(time)) throw new EngineError('engine-invalid-time', 'The current time given to step() is invalid.');
  const nodes = new Map(graph.nodes.map((n) => [n.id, n] as const));
  const exits = new Map(graph.edges.map((e) => [exitKey(e.source, e.sourceHandle), e.target] as const));
  return { nodes, exits, state, commands: [], now: time, nowIso: now.toISOString(), advanced: 0 };
}

function copyState(state: EngineState): EngineState {
  const copy: EngineState = {
    ...state,
    visits: { ...state.visits },
    account: { ...state.account },
    awaiting: { ...state.awaiting },
    decisions: [...state.decisions],
  };
  if (state.holds) copy.holds = state.holds.map((h) => ({ ...h }));
  if (state.promises) copy.promises = { ...state.promises };
  if (state.openTasks) copy.openTasks = [...state.openTasks];
  return copy;
}

/**
 * The next moment the run must be woken without any message: its own timer, or the earliest promise deadline.
 * Null when it waits only for messages, or has ended.
 */
export function nextWakeAt(state: EngineState): string | null {
  if (state.status === 'ended') return null;
  const awaiting = state.awaiting;
  const times = holdsOf(state).map((h) => h.until);
  if (awaiting.kind === 'timer' || awaiting.kind === 'event') times.push(awaiting.until);
  if (awaiting.kind === 'deferred' && awaiting.until !== null) times.push(awaiting.until);
  return times.reduce<string | null>((min, t) => (min === null || Date.parse(t) < Date.parse(min) ? t : min), null);
}

/**
 * Applies one event. Events that do not fit what the run awaits (stale timers, duplicate completions, anything
 * after the end) are ignored and yield no commands; only a broken graph or state throws. Never mutates its inputs.
 */
export function step(graph: StrategyGraph, state: EngineState | null, event: EngineEvent, now: Date): StepResult {
  if (state === null) {
    if (event.type !== 'start') throw new MissingStateError(event.type);
    const start = graph.nodes.find((n) => n.type === 'start');
    if (!start) throw new EngineError('engine-no-start', 'The strategy has no start node.');
    const fresh: EngineState = {
      status: 'running',
      nodeId: start.id,
      visits: {},
      account: { ...event.account },
      awaiting: { kind: 'nothing' },
      decisions: [],
    };
    const ctx = contextFor(graph, fresh, now);
    if (balanceOf(event.account) <= 0n && disputedOf(event.account) <= 0n) {
      endRun(ctx, start.id, 'settled', 'Finished at once: nothing is owed.');
    } else {
      run(ctx, start.id);
    }
    return { state: ctx.state, commands: ctx.commands };
  }
  if (state.status === 'ended') return { state, commands: [] };
  const ctx = contextFor(graph, copyState(state), now);
  handle(ctx, event);
  return { state: ctx.state, commands: ctx.commands };
}

/** Begins a run for an account: the same as step(graph, null, { type: 'start', account }, now). */
export function startState(graph: StrategyGraph, account: AccountSnapshot, now: Date): StepResult {
  return step(graph, null, { type: 'start', account }, now);
}
