import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Decision, StatementProgress, StrategyGraph } from '@recoup/domain';

// Message and query definitions shared by the workflow, the worker and every client. Kept in one file so the
// names cannot drift apart.

export const COLLECTION_TASK_QUEUE_DEFAULT = 'recoup-collections';

/**
 * The failure types activities give an ApplicationFailure that the workflow, a retry policy or a test tells apart.
 * - a channel provider refused a message for good (a bad number, a rejected address): not retried, and the
 *   strategy goes on;
 * - the provider did not answer: retried;
 * - a payment plan was asked for while nothing is collectible: the workflow looks again a day later.
 */
export const FAILURE_TYPES = {
  providerRefused: 'ChannelProviderRefused',
  providerUnavailable: 'ChannelProviderUnavailable',
  nothingToPlan: 'NothingToPlan',
} as const;

export const collectionWorkflowId = (accountId: string): string => `collection-${accountId}`;
/** The account a collection workflow id belongs to (the inverse of collectionWorkflowId). */
export const accountIdOfWorkflow = (workflowId: string): string => workflowId.replace(/^collection-/, '');

export interface PaymentAppliedMessage {
  paymentId: string;
  /** Applied amount in minor units, as a decimal string. */
  amountMinor: string;
  currency: string;
  /** The account event it was sent from; the workflow ignores an event it was told before. */
  eventId?: string;
}

/** Carried by the signals sent from the account-event outbox, which sends at least once. */
export interface AccountEventMessage {
  eventId: string;
}

/** A promise to pay as the workflow sees it; the API has already stored it. */
export interface PromiseMessage {
  promiseId: string;
  amountMinor: string;
  currency: string;
  /** The promised date, YYYY-MM-DD. */
  dueDate: string;
  /** The due date plus the grace period, at the end of that day in the debtor's time zone (ISO UTC). */
  until: string;
}

/** A payment plan agreed on a call: each installment is a promise the API has stored. */
export interface PlanMessage {
  planId: string;
  installments: PromiseMessage[];
}

/**
 * A promise or plan arranged outside a task the workflow waits for; the API has stored it.
 * - 'portal': the debtor made it in the portal, within the strategy's policy;
 * - 'review': a collector agreed a plan the debtor had asked for outside the policy.
 */
export interface ArrangementMessage {
  origin: 'portal' | 'review';
  promise?: PromiseMessage;
  plan?: PlanMessage;
}

export interface TaskCompletedMessage {
  taskKey: string;
  outcome: string;
  /** Present when the outcome recorded a promise to pay. */
  promise?: PromiseMessage;
  /** Present when the outcome recorded a payment plan. */
  plan?: PlanMessage;
}

/** Move a running account to another published version of its strategy. */
export interface MigrateStrategyMessage {
  strategyVersionId: string;
  /** The new version's graph, as published (the validator needs it and cannot read the database). */
  graph: StrategyGraph;
  checksum: string;
  /** Old node id -> new node id, for nodes whose id changed. */
  nodeMapping?: Record<string, string>;
}

/** An admin holds the workflow: it takes no further action until resumed, but keeps accepting messages. */
export interface PauseMessage {
  reason: string;
  /** The admin's user id (never a name or e-mail: history is kept for years). */
  actorId: string;
}

export interface ResumeMessage {
  reason: string;
  actorId: string;
}

export interface PauseView {
  since: string;
  reason: string;
  actorId: string;
}

export interface CollectionStateView {
  accountId: string;
  status: 'running' | 'ended';
  strategyVersionId: string;
  nodeId: string;
  nodeLabel: string | null;
  /** What happens next and when: null when the workflow waits for a person (a task) or has ended. */
  nextAction: { kind: string; at: string | null; description: string } | null;
  balance: { amountMinor: string; currency: string };
  /** The key of the collector task whose outcome the workflow waits for, if any. */
  awaitingTaskKey: string | null;
  outcome: string | null;
  decisions: Decision[];
  /** Set while an admin holds the workflow paused. Absent from workflows that predate pausing. */
  paused?: PauseView | null;
}

export const paymentAppliedSignal = defineSignal<[PaymentAppliedMessage]>('paymentApplied');
export const accountChangedSignal = defineSignal<[message?: AccountEventMessage]>('accountChanged');
/** An Update, so the caller learns at once whether the workflow accepted the outcome. */
export const completeTaskUpdate = defineUpdate<{ accepted: true }, [TaskCompletedMessage]>('completeTask');
export const stateQuery = defineQuery<CollectionStateView>('state');
/** A promise recorded through the API; refused unless the account is running and the promise fits it. */
export const recordPromiseUpdate = defineUpdate<{ accepted: true }, [PromiseMessage]>('recordPromise');
/** A dispute was opened on some of the account's items (the new figures are read from the database). */
export const disputeOpenedSignal = defineSignal<[message?: AccountEventMessage]>('disputeOpened');
/** Refused, like a promise, unless the account is running and every promise in it fits the account. */
export const recordArrangementUpdate = defineUpdate<{ accepted: true }, [ArrangementMessage]>('recordArrangement');
/** The debtor asked in the portal for a payment plan outside the strategy's policy; a collector reviews it. */
export const planRequestedSignal = defineSignal<[message?: AccountEventMessage]>('planRequested');
/** The debtor opened the portal (from a reminder's link or a one-time code). */
export const portalVisitedSignal = defineSignal<[message?: AccountEventMessage]>('portalVisited');
/** Refused, with the reason, when the current node has no counterpart in the new version. */
export const migrateStrategyUpdate = defineUpdate<{ accepted: true; nodeId: string }, [MigrateStrategyMessage]>('migrateStrategy');

/** Refused when the workflow has ended or is paused already. */
export const pauseUpdate = defineUpdate<{ paused: true }, [PauseMessage]>('pause');
/** Refused when the workflow is not paused. */
export const resumeUpdate = defineUpdate<{ resumed: true }, [ResumeMessage]>('resume');

export const reconciliationWorkflowId = (statementId: string): string => `reconcile-${statementId}`;
/** The workflow that starts the collection workflows of one committed portfolio import. */
export const importStartsWorkflowId = (batchId: string): string => `import-starts-${batchId}`;

/** A statement's lines by what became of them, counted in the database. */
export type ReconciliationTotals = StatementProgress;

/** How far a statement's reconciliation has come. */
export interface ReconciliationProgressView extends ReconciliationTotals {
  statementId: string;
  status: 'running' | 'completed' | 'failed';
  /** Accounts whose collection workflow was told of a payment or a reversal. */
  notified: number;
}

export const reconciliationProgressQuery = defineQuery<ReconciliationProgressView>('reconciliationProgress');
