import type {
  AccountSnapshot,
  CommandInputs,
  CommandOf,
  Decision,
  EngineCommand,
  EngineCommandType,
  EngineState,
  PrioritisedRule,
  PromiseHold,
} from './engine-types.ts';
import { EngineError, MissingEdgeError, UnknownNodeError } from './engine-errors.ts';
import type { EndOutcome, StrategyNode } from './graph.ts';

// What the interpreter and each node kind's behaviour (kinds/<kind>.ts) share while a step runs: the context, and
// the moves every kind is made of (follow an exit, record a decision, give a command, defer, end the run).

/** Decisions are kept for display; old ones fall off so the state stays small in workflow history. */
export const MAX_DECISIONS = 50;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** One step's working state: the graph's nodes and exits, the engine state being advanced and the commands given. */
export interface StepContext {
  nodes: Map<string, StrategyNode>;
  exits: Map<string, string>;
  state: EngineState;
  commands: EngineCommand[];
  now: number;
  nowIso: string;
  advanced: number;
}

export function exitKey(nodeId: string, handle: string): string {
  return `${nodeId}\u0000${handle}`;
}

export function nodeOf(ctx: StepContext, id: string): StrategyNode {
  const node = ctx.nodes.get(id);
  if (!node) throw new UnknownNodeError(id);
  return node;
}

/** What the moves below need of a node. */
export interface NodeRef {
  id: string;
  label?: string | undefined;
}

export function nameOf(node: NodeRef): string {
  return `"${node.label || node.id}"`;
}

export function follow(ctx: StepContext, node: NodeRef, handle: string): string {
  const target = ctx.exits.get(exitKey(node.id, handle));
  if (target === undefined) throw new MissingEdgeError(node.id, handle);
  if (!ctx.nodes.has(target)) throw new UnknownNodeError(target);
  return target;
}

export function decide(ctx: StepContext, nodeId: string, kind: Decision['kind'], detail: string): void {
  const decisions = [...ctx.state.decisions, { at: ctx.nowIso, nodeId, kind, detail }];
  ctx.state.decisions = decisions.slice(-MAX_DECISIONS);
}

export function minorOf(value: string, what: string): bigint {
  if (!/^-?\d+$/.test(value)) throw new EngineError('engine-invalid-account', `${what} "${value}" is not an integer.`);
  return BigInt(value);
}

export function balanceOf(account: AccountSnapshot): bigint {
  return minorOf(account.balanceMinor, 'Account balance');
}

export function disputedOf(account: AccountSnapshot): bigint {
  return minorOf(account.disputedMinor ?? '0', 'Disputed amount');
}


/** Gives the runner a command; its key is the node's current visit unless the caller names it. */
export function emit<T extends EngineCommandType>(ctx: StepContext, type: T, nodeId: string, input: CommandInputs[T], key = `${nodeId}:${ctx.state.visits[nodeId] ?? 1}`): void {
  ctx.commands.push({ type, nodeId, key, input } as CommandOf<T> as EngineCommand);
}

/** Asks for a promise to be judged, at the node the run is at. */
export function checkPromise(ctx: StepContext, promiseId: string): void {
  emit(ctx, 'check-promise', ctx.state.nodeId, { promiseId }, `promise:${promiseId}`);
}

export function endRun(ctx: StepContext, nodeId: string, outcome: EndOutcome, detail: string): void {
  ctx.state.status = 'ended';
  ctx.state.outcome = outcome;
  ctx.state.awaiting = { kind: 'nothing' };
  emit(ctx, 'complete', nodeId, { outcome });
  decide(ctx, nodeId, 'ended', detail);
}


export const rulesOf = <K extends 'outcome' | 'pool'>(rules: ({ [P in K]: string } & { priority: number; condition: PrioritisedRule['condition'] })[], key: K): PrioritisedRule[] =>
  rules.map((rule) => ({ name: rule[key], priority: rule.priority, condition: rule.condition }));

/** The promise holds still in force: their deadline has not been judged yet. */
export function holdsOf(state: EngineState): PromiseHold[] {
  return state.holds ?? [];
}

/** Why a contact may not happen now, and until when (null: until the account changes); undefined when it may. */
export function contactHold(ctx: StepContext): { until: string | null; reason: string } | undefined {
  const holds = holdsOf(ctx.state);
  const first = holds[0];
  if (first) {
    const until = holds.reduce((min, h) => (h.until < min ? h.until : min), first.until);
    return { until, reason: `a promise to pay is running until ${until}` };
  }
  if (balanceOf(ctx.state.account) <= 0n && disputedOf(ctx.state.account) > 0n) {
    return { until: null, reason: 'every open item is disputed; collection waits for the dispute to be resolved' };
  }
  return undefined;
}

export function defer(ctx: StepContext, node: NodeRef, until: string | null, reason: string): void {
  ctx.state.awaiting = { kind: 'deferred', until, reason };
  if (until !== null) emit(ctx, 'wait-until', node.id, { until });
  decide(ctx, node.id, 'deferred', `${nameOf(node)} deferred ${until === null ? 'until the account changes' : `until ${until}`}: ${reason}`);
}


/**
 * The behaviour of an action that gives one command and waits for the runner to say it is done: the node's
 * settings become the command's input, under the node's key.
 */
export const singleAction =
  <T extends EngineCommandType, D>(type: T, input: (data: D) => CommandInputs[T]) =>
  (ctx: StepContext, node: { id: string; data: D }, key: string): undefined => {
    ctx.state.awaiting = { kind: 'action' };
    emit(ctx, type, node.id, input(node.data), key);
    return undefined;
  };
