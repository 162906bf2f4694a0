import type { Client } from '@temporalio/client';
import type { TimelineEntry, WorkflowStatus } from '@recoup/contracts';
import type {
  AccountEventMessage,
  ArrangementMessage,
  CollectionStateView,
  MigrateStrategyMessage,
  PauseMessage,
  PaymentAppliedMessage,
  PromiseMessage,
  ResumeMessage,
  TaskCompletedMessage,
} from '../shared/definitions.ts';
import type { WorkflowListFilter } from './workflow-list-query.ts';

export type { WorkflowListFilter } from './workflow-list-query.ts';

/** One collection workflow as Temporal's visibility lists it, with its search attributes. */
export interface ListedWorkflow {
  accountId: string;
  workflowId: string;
  runId: string;
  status: WorkflowStatus;
  startedAt: string;
  closedAt: string | null;
  strategyVersionId: string | null;
  nodeId: string | null;
  segment: string | null;
  collectorId: string | null;
}

export interface WorkflowListPage {
  items: ListedWorkflow[];
  /** null when the server cannot count. */
  total: number | null;
  nextPageToken: string | null;
}

/** The latest run of an account's workflow, as Temporal describes it. */
export interface WorkflowDescription {
  workflowId: string;
  runId: string;
  status: WorkflowStatus;
  startedAt: string;
  closedAt: string | null;
}

/** One event of a workflow's history in readable form. */
export interface HistoryEventView {
  eventId: string;
  eventTime: string | null;
  eventType: string;
  /** A one-line human summary (timer started for 3 days, activity sendReminder completed, ...). */
  summary: string;
  /** Decoded attributes of the event (payloads decoded to JSON). */
  details: Record<string, unknown>;
}

export interface StartResult {
  workflowId: string;
  /** false when the workflow was already running (idempotent start). */
  started: boolean;
}

/** Where one running collection workflow stands, as its state query says. */
export interface CurrentNode {
  accountId: string;
  strategyVersionId: string;
  nodeId: string;
}

export interface CurrentNodesReport {
  /** Accounts whose workflow is running, with the version and node it is at. */
  running: CurrentNode[];
  /** Accounts with no running workflow: it ended, or never started. */
  notRunning: string[];
  /** Accounts whose workflow did not answer (no worker polling its queue, a timeout), with the reason. */
  failed: { accountId: string; reason: string }[];
}

/** What the API needs from Temporal. Implemented in collection-client.impl.ts. */
export interface CollectionClient {
  readonly temporal: Client;
  /** `segment` is indexed from the start, so the admin list can filter by it before the strategy tags the account. */
  start(accountId: string, strategyVersionId: string, labels?: { segment?: string }): Promise<StartResult>;
  /** `told.eventId` names the account event the signal is sent from, so the workflow can ignore a repeat. */
  paymentApplied(accountId: string, message: PaymentAppliedMessage, told?: AccountEventMessage): Promise<void>;
  /** Rejects with a typed error when the workflow refuses the outcome (unknown task or outcome). */
  completeTask(accountId: string, message: TaskCompletedMessage): Promise<void>;
  /** Rejects with PromiseRefusedError when the workflow refuses it, WorkflowMissingError when there is none. */
  recordPromise(accountId: string, message: PromiseMessage): Promise<void>;
  /** A promise or plan from the portal or a collector's review; rejects like recordPromise. */
  recordArrangement(accountId: string, message: ArrangementMessage): Promise<void>;
  /** Tells a running workflow that the debtor asked for a plan outside the policy; nothing when none runs. */
  planRequested(accountId: string, told: AccountEventMessage): Promise<void>;
  /** Tells the workflow a dispute was opened; a missing workflow is ignored. */
  disputeOpened(accountId: string, told?: AccountEventMessage): Promise<void>;
  /** Tells a running workflow that the debtor opened the portal; nothing when none runs. */
  portalVisited(accountId: string, told: AccountEventMessage): Promise<void>;
  /** Tells the workflow the account's figures changed (dispute resolved, credit, reversal); a missing workflow is ignored. */
  accountChanged(accountId: string, told?: AccountEventMessage): Promise<void>;
  /** Rejects with MigrationRefusedError (carrying the workflow's reason) when the workflow refuses. */
  migrateStrategy(accountId: string, message: MigrateStrategyMessage): Promise<{ nodeId: string }>;
  /** null when no workflow exists for the account. */
  state(accountId: string): Promise<CollectionStateView | null>;
  /**
   * Asks each account's workflow where it stands, a bounded number at a time. A workflow that is not running is
   * reported as such without a worker replaying it; one that does not answer is reported, never thrown.
   */
  currentNodes(accountIds: readonly string[]): Promise<CurrentNodesReport>;
  history(accountId: string): Promise<HistoryEventView[]>;
  /** The admin's reading of the history: activities, waits, messages and decisions. */
  timeline(accountId: string): Promise<TimelineEntry[]>;
  /** Rejects with WorkflowRefusedError (paused already, ended) or WorkflowMissingError. */
  pause(accountId: string, message: PauseMessage): Promise<void>;
  /** Rejects with WorkflowRefusedError (not paused) or WorkflowMissingError. */
  resume(accountId: string, message: ResumeMessage): Promise<void>;
  /** Ends the running workflow at once, without any further activity; WorkflowMissingError when none runs. */
  terminate(accountId: string, reason: string): Promise<void>;
  /** null when the account has no workflow. */
  describe(accountId: string): Promise<WorkflowDescription | null>;
  /** A page of workflows matching the filter, newest first, through the search attributes. */
  listWorkflows(filter: WorkflowListFilter, page: { pageSize: number; pageToken?: string | undefined }): Promise<WorkflowListPage>;
  /** Raw history JSON as Temporal's own export format. */
  rawHistory(accountId: string): Promise<unknown>;
}
