import type { TaskPriority } from '../tasks/task-priority.ts';
import type { ASSIGNMENT_POLICIES, EndOutcome, ReminderChannel, RuleCondition, TASK_TYPES, WaitEvent } from './graph.ts';

// Types of the pure interpreter: step(graph, state, event, now) -> { state, commands }.
// Times are ISO-8601 UTC strings so that state and commands serialise unchanged into Temporal history.

/** The account figures the interpreter itself needs (conditions get the full fact set in an activity). */
export interface AccountSnapshot {
  /** Open balance in minor units, as a decimal string (bigint does not survive JSON). */
  balanceMinor: string;
  currency: string;
  /** Oldest open invoice due date, ISO date-time UTC, or null when nothing is open. */
  oldestDueAt: string | null;
  /**
   * Open amount under dispute, in minor units as a decimal string. It is not part of balanceMinor: disputed items
   * are not collected. Absent in histories from before disputes existed, which means '0'.
   */
  disputedMinor?: string;
}

/** A promise to pay (alone or an installment of a plan) that holds dunning back until `until`. */
export interface PromiseHold {
  promiseId: string;
  /** The due date plus the grace period: when the promise is judged kept or broken. ISO UTC. */
  until: string;
  /** Set for an installment of a payment plan. */
  planId?: string;
}

export interface Decision {
  at: string;
  nodeId: string;
  kind:
    | 'entered'
    | 'condition'
    | 'task-outcome'
    | 'skipped'
    | 'wait'
    | 'deferred'
    | 'ended'
    | 'balance'
    | 'event'
    | 'promise'
    | 'dispute'
    | 'migrated';
  detail: string;
}

export interface EngineState {
  status: 'running' | 'ended';
  /** The node the account sits at. */
  nodeId: string;
  /** How many times each node has been entered: the occurrence part of idempotency keys. */
  visits: Record<string, number>;
  account: AccountSnapshot;
  /** What the interpreter waits for at the current node. */
  awaiting:
    | { kind: 'timer'; until: string }
    | { kind: 'condition' }
    | { kind: 'action' }
    /**
     * An action held back (contact hours, call limits, a promise to pay, every item disputed): the same action is
     * retried at `until`, or when the account changes if `until` is null.
     */
    | { kind: 'deferred'; until: string | null; reason: string }
    | { kind: 'task-outcome'; taskKey: string }
    /** A wait-for-event node: the first of `events` to arrive, or the timeout at `until`. */
    | { kind: 'event'; events: WaitEvent[]; until: string }
    /** A payment-plan node: the plan is being created, then its installments are tracked. */
    | { kind: 'plan'; planId: string | null }
    | { kind: 'nothing' };
  outcome?: EndOutcome;
  /** Open promises to pay, oldest first. Absent in older histories. */
  holds?: PromiseHold[];
  /** How this run's promises ended. Absent in older histories. */
  promises?: { kept: number; broken: number };
  /** Keys of tasks created without waiting for their outcome, still open. */
  openTasks?: string[];
  /** The most recent decisions, newest last, bounded in length. */
  decisions: Decision[];
}

export type EngineEvent =
  | { type: 'start'; account: AccountSnapshot }
  | { type: 'timer-fired' }
  | { type: 'condition-evaluated'; nodeId: string; result: boolean; matched: string[] }
  | { type: 'action-done'; nodeId: string }
  /** The activity refused the contact for now (e.g. outside the debtor's contact hours); retry it at `until`. */
  | { type: 'action-deferred'; nodeId: string; until: string; reason: string }
  | { type: 'task-completed'; taskKey: string; outcome: string }
  | { type: 'account-changed'; account: AccountSnapshot }
  /** A switch node's rules were evaluated: the winning rule's outcome, or null for the default exit. */
  | { type: 'switch-evaluated'; nodeId: string; outcome: string | null; matched: string[] }
  /** `planId` marks an installment of a payment plan the collector agreed on a call: one broken one ends the plan's hold. */
  | { type: 'promise-recorded'; promiseId: string; until: string; planId?: string; online?: boolean }
  /** A promise was judged (at its deadline, or earlier once paid); 'open' means it still runs. */
  | { type: 'promise-resolved'; promiseId: string; status: 'open' | 'kept' | 'broken' }
  | { type: 'dispute-opened' }
  /** The debtor opened the portal from a reminder's link or a one-time code. */
  | { type: 'portal-visited' }
  /**
   * The debtor asked for a payment plan in the portal. With `plan`, the plan was within the strategy's policy and
   * its installments hold dunning; without, it went to a collector for review.
   */
  | { type: 'plan-requested'; plan?: { planId: string; installments: { promiseId: string; until: string }[] } }
  | { type: 'plan-created'; nodeId: string; planId: string; installments: { promiseId: string; until: string }[] };

export interface PrioritisedRule {
  /** The switch outcome or the collector pool the rule leads to. */
  name: string;
  priority: number;
  condition: RuleCondition;
}

/** The task a task node asks for: one shape from the interpreter's command to the activity that creates it. */
export interface CreateTaskRequest {
  taskType: (typeof TASK_TYPES)[number];
  title: string;
  assignment: (typeof ASSIGNMENT_POLICIES)[number];
  /** Who works it: collectors, or managers (write-off approvals). Absent means collectors. */
  role?: 'collector' | 'manager';
  outcomes: string[];
  dueAt: string;
  /** The inbox ranking the task node set; absent means 'normal'. */
  priority?: TaskPriority;
}

/**
 * What each command asks its runner (the workflow, or the simulator) to do, by command type. A command is
 * `{ type, nodeId, key, input }`: the node that gave it, its key (`${nodeId}:${visit}`, from which the workflow
 * builds the idempotency key of an effect) and the input, which goes to the activity as it is.
 */
export interface CommandInputs {
  /** Wait until then; the runner reads the wait itself from the state (nextWakeAt). */
  'wait-until': { until: string };
  'evaluate-condition': { condition: RuleCondition };
  /** Evaluate rules highest priority first (ties in list order); the first that holds wins. */
  'evaluate-switch': { rules: PrioritisedRule[] };
  'send-reminder': { channel: ReminderChannel; template: string };
  'create-task': CreateTaskRequest;
  escalate: { level: number; action: string };
  'assign-collector': { rules: PrioritisedRule[]; defaultPool: string; requiredSkills: string[] };
  'set-tags': { segment: string | null; addTags: string[]; removeTags: string[] };
  'create-payment-plan': { installments: number; intervalDays: number; firstDueInDays: number; graceDays: number };
  /** Judge a promise now: kept when paid in full, broken when unpaid after its deadline, else still open. */
  'check-promise': { promiseId: string };
  complete: { outcome: EndOutcome };
}

export type EngineCommandType = keyof CommandInputs;

export type CommandOf<T extends EngineCommandType> = { type: T; nodeId: string; key: string; input: CommandInputs[T] };

export type EngineCommand = { [T in EngineCommandType]: CommandOf<T> }[EngineCommandType];

/**
 * One handler per command type, checked to be exhaustive. The workflow and the simulator each carry one, so a new
 * command type fails to compile in both until each says what it does.
 */
export type CommandHandlers<Context, Result> = { [T in EngineCommandType]: (command: CommandOf<T>, context: Context) => Result };

/** Runs a command through its handler in a map (TypeScript cannot correlate a union with a map's key itself). */
export const dispatchCommand = <Context, Result>(handlers: CommandHandlers<Context, Result>, command: EngineCommand, context: Context): Result =>
  (handlers[command.type] as (command: EngineCommand, context: Context) => Result)(command, context);

export interface StepResult {
  state: EngineState;
  commands: EngineCommand[];
}
