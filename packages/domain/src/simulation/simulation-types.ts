import type { FactValues } from '../facts.ts';

// Inputs and results of the strategy simulator. Results hold only strings and numbers so that they serialise to
// JSON as they are (the designer shows them); inputs carry money as bigint like the rest of the domain.

export interface SimulatedAccount {
  id: string;
  /** Open balance in minor units of `currency`. */
  balanceMinor: bigint;
  currency: string;
  /** Oldest open due date, ISO date-time UTC, or null when nothing is due. */
  oldestDueAt: string | null;
  /**
   * What this debtor is known or assumed to do, at given moments, on top of the scenario's draws: a what-if for
   * one account ("she pays half on the 3rd, then disputes the rest").
   */
  script?: readonly ScriptedEvent[];
}

/** One thing a simulated debtor does at `at` (ISO date-time UTC). */
export type ScriptedEvent =
  | { at: string; kind: 'payment'; amountMinor: bigint }
  /** A promise to pay `amountMinor` by `dueAt`, judged after `graceDays`; a kept one is paid at `dueAt`. */
  | { at: string; kind: 'promise'; promiseId: string; amountMinor: bigint; dueAt: string; graceDays: number; kept: boolean }
  /** Everything open is disputed until `resolvedAt`, then found valid (credited) or invalid. */
  | { at: string; kind: 'dispute'; resolvedAt: string; valid: boolean };

/** How condition nodes come out. Plain data (no functions) so that a scenario can be stored and sent as JSON. */
export interface ConditionScenario {
  /** Forced results by condition node id; every other condition is evaluated over the simulated facts. */
  fixed?: Readonly<Record<string, boolean>>;
  /** Replaces the facts the simulation cannot derive from the account (they default to a standard business). */
  facts?: Readonly<Partial<Pick<FactValues, 'customerType' | 'segment' | 'riskScore' | 'openInvoiceCount'>>>;
}

/** Behaviour of the simulated debtors and collectors; every probability is a fraction from 0 to 1. */
export interface Scenario {
  /** Probability that an account pays in full exactly at its due date (only when that date is still ahead). */
  payOnTime: number;
  /** Probability, drawn for each reminder sent, that it leads to payment in full 3 days later. */
  payAfterReminder: number;
  /**
   * Relative weights of task outcomes by name. Outcomes the task does not offer are ignored and the rest are
   * normalised; with no weight left, the task's first outcome is taken.
   */
  taskOutcomes?: Readonly<Record<string, number>>;
  conditionResults?: ConditionScenario;
  /**
   * Probability that a promise to pay (a task's "promise-to-pay" outcome, or an installment of a payment plan) is
   * kept: paid at its due date. Defaults to 0: simulated debtors pay only when a knob says they do.
   */
  keepPromise?: number;
  /**
   * Probability, drawn for each reminder sent, that the debtor promises a day later to pay the whole balance within
   * a week (three days' grace). Whether it is kept is drawn with `keepPromise`. Defaults to 0.
   */
  promiseAfterReminder?: number;
  /** Share of accounts that dispute everything two days after their first reminder. Defaults to 0. */
  disputeShare?: number;
  /** Share of those disputes found valid (credited away) rather than invalid (collection resumes). Defaults to 0.5. */
  disputeValid?: number;
  /** Days from a dispute to its resolution. Defaults to 14. */
  disputeResolvedAfterDays?: number;
}

export interface SimulationInput {
  start: Date;
  /** Length of the simulated period in whole days; events at or after start + days are not simulated. */
  days: number;
  accounts: readonly SimulatedAccount[];
  scenario: Scenario;
  seed: number;
}

export type TimelineKind = 'reminder' | 'task' | 'escalation' | 'action' | 'promise' | 'dispute' | 'deferred' | 'payment' | 'end';

export interface TimelineEntry {
  at: string;
  /** Whole days since the simulation start. */
  day: number;
  nodeId: string;
  kind: TimelineKind;
  detail: string;
}

export interface AccountSimulation {
  id: string;
  timeline: TimelineEntry[];
  /** The run's end outcome, or null when it had not ended by the end of the period. */
  outcome: string | null;
  /** Where the run ended or, still running, where it sat at the end of the period. */
  endNodeId: string;
}

export interface ActivityCounts {
  reminders: number;
  tasks: number;
  escalations: number;
  settlements: number;
}

export interface DayCounts extends ActivityCounts {
  day: number;
}

export interface NodeCounts {
  entered: number;
  reminders: number;
  tasks: number;
  escalations: number;
}

export interface SimulationResult {
  accounts: AccountSimulation[];
  /** One row per simulated day, day 0 first. */
  perDay: DayCounts[];
  /** One entry per node of the graph, including nodes nobody reached. */
  perNode: Record<string, NodeCounts>;
  totals: ActivityCounts;
}
