import type {
  AccountSnapshot,
  Decision,
  EngineCommand,
  EngineEvent,
  EngineState,
  StepResult,
} from './engine-types.ts';
import {
  EngineError,
  MissingEdgeError,
  MissingStateError,
  RunawayStepError,
  UnknownNodeError,
  UnknownTaskOutcomeError,
} from './engine-errors.ts';
import type { NodeOfKind, StrategyGraph, StrategyNode } from './graph.ts';

// The interpreter is a pure state machine: step() advances node by node until the account needs the outside world
// (a timer, a condition evaluation, an email, a task, an escalation), then returns the commands for the workflow
// and the state with `awaiting` set. The workflow persists nothing else, so replaying the same events over the
// same graph always yields the same commands.
//
// A run begins with step(graph, null, { type: 'start', account }, now); startState() is shorthand for that.

/** More nodes than this in one step can only be a loop that never waits. */
export const MAX_NODES_PER_STEP = 1000;
/** Decisions are kept for display; old ones fall off so the state stays small in workflow history. */
export const MAX_DECISIONS = 50;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

interface Context {
  nodes: Map<string, StrategyNode>;
  exits: Map<string, string>;
  state: EngineState;
  commands: EngineCommand[];
  now: number;
  nowIso: string;
  advanced: number;
}

function exitKey(nodeId: string, handle: string): string {
  return `${nodeId}\u0000${handle}`;
}

function nodeOf(ctx: Context, id: string): StrategyNode {
  const node = ctx.nodes.get(id);
  if (!node) throw new UnknownNodeError(id);
  return node;
}

function nameOf(node: StrategyNode): string {
  return `"${node.label || node.id}"`;
}

function follow(ctx: Context, node: StrategyNode, handle: string): string {
  const target = ctx.exits.get(exitKey(node.id, handle));
  if (target === undefined) throw new MissingEdgeError(node.id, handle);
  if (!ctx.nodes.has(target)) throw new UnknownNodeError(target);
  return target;
}

function decide(ctx: Context, nodeId: string, kind: Decision['kind'], detail: string): void {
  const decisions = [...ctx.state.decisions, { at: ctx.nowIso, nodeId, kind, detail }];
  ctx.state.decisions = decisions.slice(-MAX_DECISIONS);
}

function balanceOf(account: AccountSnapshot): bigint {
  if (!/^-?\d+$/.test(account.balanceMinor)) {
    throw new EngineError('engine-invalid-account', `Account balance "${account.balanceMinor}" is not an integer.`);
  }
  return BigInt(account.balanceMinor);
}

/** When a wait ends, in epoch ms; null when it cannot be known yet (a due-offset wait with nothing open). */
function waitUntil(node: NodeOfKind<'wait'>, account: AccountSnapshot, now: number): number | null {
  const data = node.data;
  switch (data.mode) {
    case 'duration':
      return now + data.days * DAY_MS + data.hours * HOUR_MS + data.minutes * MINUTE_MS;
    case 'due-offset': {
      if (account.oldestDueAt === null) return null;
      const due = Date.parse(account.oldestDueAt);
      if (Number.isNaN(due)) {
        throw new EngineError('engine-invalid-account', `Oldest due date "${account.oldestDueAt}" is not a date.`);
      }
      // Whole days of UTC milliseconds, so the wait ends at the due date's time of day.
      return due + data.offsetDays * DAY_MS;
    }
  }
}

function endRun(ctx: Context, nodeId: string, outcome: NonNullable<EngineState['outcome']>, detail: string): void {
  ctx.state.status = 'ended';
  ctx.state.outcome = outcome;
  ctx.state.awaiting = { kind: 'nothing' };
  ctx.commands.push({ type: 'complete', outcome });
  decide(ctx, nodeId, 'ended', detail);
}

/**
 * Catch-up: from a due-offset wait whose moment has passed, look along the 'next' chain through reminders and
 * due-offset waits only. The last of those waits that has also passed is where the account really is, so the
 * reminders and waits before it are skipped rather than all sent at once.
 */
function catchUpTarget(ctx: Context, from: NodeOfKind<'wait'>): string | undefined {
  const seen = new Set<string>([from.id]);
  const skipped: StrategyNode[] = [];
  let pending: StrategyNode[] = [];
  let target: NodeOfKind<'wait'> | undefined;
  let current = nodeOf(ctx, follow(ctx, from, 'next'));
  while (!seen.has(current.id)) {
    seen.add(current.id);
    if (current.type === 'reminder') {
      pending.push(current);
    } else if (current.type === 'wait' && current.data.mode === 'due-offset') {
      const until = waitUntil(current, ctx.state.account, ctx.now);
      if (until === null || until > ctx.now) break;
      skipped.push(...(target ? [target] : []), ...pending);
      pending = [];
      target = current;
    } else {
      break;
    }
    current = nodeOf(ctx, follow(ctx, current, 'next'));
  }
  if (!target) return undefined;
  for (const node of skipped) {
    decide(ctx, node.id, 'skipped', `Skipped ${nameOf(node)}: the account is already past that stage.`);
  }
  return target.id;
}

/** Where to go once a wait is over. */
function passWait(ctx: Context, node: NodeOfKind<'wait'>): string {
  if (node.data.mode === 'due-offset') {
    const target = catchUpTarget(ctx, node);
    if (target !== undefined) return target;
  }
  return follow(ctx, node, 'next');
}

/** Sets up the wait at the current node (entered or recomputed); returns the next node when it is already over. */
function settleWait(ctx: Context, node: NodeOfKind<'wait'>): string | undefined {
  const until = waitUntil(node, ctx.state.account, ctx.now);
  if (until === null) {
    ctx.state.awaiting = { kind: 'nothing' };
    decide(ctx, node.id, 'wait', `${nameOf(node)} waits for an open due date; nothing is due yet.`);
    return undefined;
  }
  const untilIso = new Date(until).toISOString();
  if (until <= ctx.now) {
    decide(ctx, node.id, 'wait', `${nameOf(node)} was already over (${untilIso}); continuing at once.`);
    return passWait(ctx, node);
  }
  ctx.state.awaiting = { kind: 'timer', until: untilIso };
  ctx.commands.push({ type: 'wait-until', nodeId: node.id, until: untilIso });
  decide(ctx, node.id, 'wait', `${nameOf(node)} waits until ${untilIso}.`);
  return undefined;
}

function sendReminder(ctx: Context, node: NodeOfKind<'reminder'>, key: string): void {
  ctx.state.awaiting = { kind: 'action' };
  ctx.commands.push({ type: 'send-reminder', nodeId: node.id, key, channel: node.data.channel, template: node.data.template });
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
  switch (node.type) {
    case 'start':
      return follow(ctx, node, 'next');
    case 'end':
      endRun(ctx, node.id, node.data.outcome, `Finished at ${nameOf(node)} with outcome "${node.data.outcome}".`);
      return undefined;
    case 'wait':
      return settleWait(ctx, node);
    case 'condition':
      state.awaiting = { kind: 'condition' };
      ctx.commands.push({ type: 'evaluate-condition', nodeId: node.id, condition: node.data.condition });
      return undefined;
    case 'reminder':
      sendReminder(ctx, node, key);
      return undefined;
    case 'task':
      state.awaiting = { kind: 'task-outcome', taskKey: key };
      ctx.commands.push({
        type: 'create-task',
        nodeId: node.id,
        key,
        taskType: node.data.taskType,
        title: node.data.title,
        assignment: node.data.assignment,
        outcomes: [...node.data.outcomes],
        dueAt: new Date(ctx.now + node.data.dueInHours * HOUR_MS).toISOString(),
      });
      return undefined;
    case 'escalate':
      state.awaiting = { kind: 'action' };
      ctx.commands.push({
        type: 'escalate',
        nodeId: node.id,
        key,
        level: node.data.level,
        action: node.data.action,
      });
      return undefined;
  }
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

function onAccountChanged(ctx: Context, account: AccountSnapshot): void {
  const before = ctx.state.account;
  ctx.state.account = { ...account };
  const balance = balanceOf(account);
  if (balance <= 0n) {
    decide(ctx, ctx.state.nodeId, 'balance', `Open balance is ${balance} minor units: the account is settled.`);
    endRun(ctx, ctx.state.nodeId, 'settled', 'Finished because the account is settled.');
    return;
  }
  if (before.balanceMinor !== account.balanceMinor) {
    decide(ctx, ctx.state.nodeId, 'balance', `Open balance changed to ${balance} minor units.`);
  }
  const node = nodeOf(ctx, ctx.state.nodeId);
  const awaiting = ctx.state.awaiting.kind;
  if (node.type === 'wait' && node.data.mode === 'due-offset' && (awaiting === 'timer' || awaiting === 'nothing')) {
    run(ctx, settleWait(ctx, node));
  }
}

function handle(ctx: Context, event: EngineEvent): void {
  const state = ctx.state;
  const awaiting = state.awaiting;
  switch (event.type) {
    case 'start':
      return;
    case 'timer-fired': {
      if (awaiting.kind === 'deferred') {
        if (Date.parse(awaiting.until) > ctx.now) {
          ctx.commands.push({ type: 'wait-until', nodeId: state.nodeId, until: awaiting.until });
          return;
        }
        // Same node, same visit, same key: the retried contact is still the one action, never a second one.
        const node = currentNode(ctx, 'reminder');
        decide(ctx, node.id, 'deferred', `${nameOf(node)} is tried again after its deferral.`);
        sendReminder(ctx, node, `${node.id}:${state.visits[node.id] ?? 1}`);
        return;
      }
      if (awaiting.kind !== 'timer') return;
      const node = currentNode(ctx, 'wait');
      // A timer that fires early (clock skew, a stale timer from before a recompute) must not advance the run.
      if (Date.parse(awaiting.until) > ctx.now) {
        ctx.commands.push({ type: 'wait-until', nodeId: node.id, until: awaiting.until });
        return;
      }
      decide(ctx, node.id, 'wait', `${nameOf(node)} is over.`);
      run(ctx, passWait(ctx, node));
      return;
    }
    case 'condition-evaluated': {
      if (awaiting.kind !== 'condition' || event.nodeId !== state.nodeId) return;
      const node = currentNode(ctx, 'condition');
      const exit = event.result ? 'yes' : 'no';
      const matched = event.matched.length > 0 ? ` (matched: ${event.matched.join(', ')})` : '';
      decide(ctx, node.id, 'condition', `${nameOf(node)} was ${event.result}${matched}: taking "${exit}".`);
      run(ctx, follow(ctx, node, exit));
      return;
    }
    case 'action-done': {
      if (awaiting.kind !== 'action' || event.nodeId !== state.nodeId) return;
      run(ctx, follow(ctx, nodeOf(ctx, state.nodeId), 'next'));
      return;
    }
    case 'action-deferred': {
      if (awaiting.kind !== 'action' || event.nodeId !== state.nodeId) return;
      const node = currentNode(ctx, 'reminder');
      state.awaiting = { kind: 'deferred', until: event.until, reason: event.reason };
      ctx.commands.push({ type: 'wait-until', nodeId: node.id, until: event.until });
      decide(ctx, node.id, 'deferred', `${nameOf(node)} deferred until ${event.until}: ${event.reason}`);
      return;
    }
    case 'task-completed': {
      if (awaiting.kind !== 'task-outcome' || event.taskKey !== awaiting.taskKey) return;
      const node = currentNode(ctx, 'task');
      if (!node.data.outcomes.includes(event.outcome)) {
        throw new UnknownTaskOutcomeError(node.id, event.outcome, node.data.outcomes);
      }
      decide(ctx, node.id, 'task-outcome', `${nameOf(node)} was completed with outcome "${event.outcome}".`);
      run(ctx, follow(ctx, node, event.outcome));
      return;
    }
    case 'account-changed':
      onAccountChanged(ctx, event.account);
      return;
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
  return {
    ...state,
    visits: { ...state.visits },
    account: { ...state.account },
    awaiting: { ...state.awaiting },
    decisions: [...state.decisions],
  };
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
    if (balanceOf(event.account) <= 0n) {
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
