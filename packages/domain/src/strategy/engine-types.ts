import type { RuleCondition } from './graph.ts';

// Types of the pure interpreter: step(graph, state, event, now) -> { state, commands }.
// Times are ISO-8601 UTC strings so that state and commands serialise unchanged into Temporal history.

/** The account figures the interpreter itself needs (conditions get the full fact set in an activity). */
export interface AccountSnapshot {
  /** Open balance in minor units, as a decimal string (bigint does not survive JSON). */
  balanceMinor: string;
  currency: string;
  /** Oldest open invoice due date, ISO date-time UTC, or null when nothing is open. */
  oldestDueAt: string | null;
}

export interface Decision {
  at: string;
  nodeId: string;
  kind: 'entered' | 'condition' | 'task-outcome' | 'skipped' | 'wait' | 'deferred' | 'ended' | 'balance';
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
    /** A contact the compliance rules refused for now: the same action is retried at `until`. */
    | { kind: 'deferred'; until: string; reason: string }
    | { kind: 'task-outcome'; taskKey: string }
    | { kind: 'nothing' };
  outcome?: 'settled' | 'written-off' | 'agency' | 'completed';
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
  | { type: 'account-changed'; account: AccountSnapshot };

/** Effects carry an idempotency key: `${workflowKey}:${nodeId}:${occurrence}` is built by the workflow from `key`. */
export type EngineCommand =
  | { type: 'wait-until'; nodeId: string; until: string }
  | { type: 'evaluate-condition'; nodeId: string; condition: RuleCondition }
  | { type: 'send-reminder'; nodeId: string; key: string; channel: 'email'; template: string }
  | {
      type: 'create-task';
      nodeId: string;
      key: string;
      taskType: 'call' | 'review';
      title: string;
      assignment: 'round-robin' | 'least-loaded';
      outcomes: string[];
      dueAt: string;
    }
  | { type: 'escalate'; nodeId: string; key: string; level: number; action: string }
  | { type: 'complete'; outcome: 'settled' | 'written-off' | 'agency' | 'completed' };

export interface StepResult {
  state: EngineState;
  commands: EngineCommand[];
}
