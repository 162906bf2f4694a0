import type { ReconciliationTotals } from '../shared/definitions.ts';
import type { AccountSnapshot, CreateTaskRequest, EndOutcome, PrioritisedRule, ReminderChannel, RuleCondition, StrategyGraph } from '@recoup/domain';

// The activity contract as seen by the workflow. The workflow imports only these types; the implementations
// (which do I/O) are registered on the worker.

export interface EvaluateConditionInput {
  accountId: string;
  nodeId: string;
  condition: RuleCondition;
  /**
   * The workflow's clock when it asked, ISO UTC: time-dependent facts such as daysPastDue are computed as of then,
   * the instant the interpreter decides at. Absent in histories recorded before it was passed.
   */
  asOf?: string;
}

export interface EvaluateConditionResult {
  /** The condition node decided; recorded so the account's decision timeline can name it. Absent in older histories. */
  nodeId?: string;
  result: boolean;
  /** The fact comparisons that held, in words, e.g. "overdueAmountMinor greaterThanInclusive 10000 (was 52000)". */
  matched: string[];
  facts: Record<string, unknown>;
}

export interface EffectInput {
  /** Idempotency key: workflow id, first run id, node id and occurrence. Unique in PostgreSQL. */
  key: string;
  accountId: string;
  workflowId: string;
  nodeId: string;
}

export interface SendReminderInput extends EffectInput {
  channel: ReminderChannel;
  template: string;
}

export type SendReminderResult =
  // No recipient address here: activity results are stored in workflow history, which must not hold contact data.
  | { status: 'sent' | 'already-sent' | 'no-recipient'; communicationId: string | null }
  /** The compliance rules refused the contact for now; nothing was sent, and the deferral is logged. */
  | { status: 'deferred'; communicationId: string | null; deferredUntil: string; reason: string }
  /**
   * The contact may not happen on this channel at all (opt-out, no consent, cease-communication): nothing was
   * sent, the suppression is logged with its reason, and the strategy goes on.
   */
  | { status: 'suppressed'; communicationId: string | null; reason: string }
  /**
   * A worker died while handing the message to a provider that cannot drop a resend: it may have gone out or
   * not. It is not sent again; the log marks it for a person, and the strategy goes on.
   */
  | { status: 'unconfirmed'; communicationId: string | null; reason: string };

export interface CreateTaskInput extends EffectInput, CreateTaskRequest {}

export type CreateTaskResult =
  | { status?: 'created'; taskId: string; assigneeId: string | null; created: boolean }
  /** A call the call-frequency rules forbid for now: no task was created, and the deferral is logged. */
  | { status: 'deferred'; deferredUntil: string; reason: string };

export interface EvaluateSwitchInput {
  accountId: string;
  nodeId: string;
  rules: PrioritisedRule[];
  /**
   * The workflow's clock when it asked, ISO UTC: time-dependent facts such as daysPastDue are computed as of then,
   * the instant the interpreter decides at. Absent in histories recorded before it was passed.
   */
  asOf?: string;
}

export interface EvaluateSwitchResult {
  /** The switch node decided; recorded so the account's decision timeline can name it. Absent in older histories. */
  nodeId?: string;
  /** The name of the winning rule, or null when none held. */
  outcome: string | null;
  matched: string[];
  facts: Record<string, unknown>;
}

export interface AssignCollectorInput extends EffectInput {
  rules: PrioritisedRule[];
  defaultPool: string;
  requiredSkills: string[];
}

export interface AssignCollectorResult {
  pool: string;
  /** Null when nobody in the pool has the skills and capacity: the account waits in the pool's queue. */
  assigneeId: string | null;
  reason: string;
}

export interface SetTagsInput extends EffectInput {
  segment: string | null;
  addTags: string[];
  removeTags: string[];
}

export interface SetTagsResult {
  segment: string;
  /**
   * The segment as the RecoupSegment search attribute may carry it (searchableSegment): null when it is not a label.
   * Absent in histories recorded before, whose upserts used `segment`.
   */
  searchSegment?: string | null;
  tags: string[];
}

export interface CreatePaymentPlanInput extends EffectInput {
  installments: number;
  intervalDays: number;
  firstDueInDays: number;
  graceDays: number;
}

export interface CreatePaymentPlanResult {
  planId: string;
  /** Each installment is a promise: its id and its deadline (due date plus grace, ISO UTC). */
  installments: { promiseId: string; until: string; amountMinor: string }[];
}

export interface CheckPromiseInput {
  accountId: string;
  promiseId: string;
}

export interface CheckPromiseResult {
  status: 'open' | 'kept' | 'broken';
}

export interface CloseAccountInput extends EffectInput {
  outcome: EndOutcome;
}

export interface CloseAccountResult {
  /** The credit written for a write-off, in minor units; '0' for other outcomes. */
  writtenOffMinor: string;
}

export interface EscalateInput extends EffectInput {
  level: number;
  action: string;
}

export interface EscalateResult {
  escalationId: string;
  reviewTaskId: string | null;
  managersNotified: number;
}

export interface CollectionActivities {
  loadStrategyVersion(strategyVersionId: string): Promise<{ graph: StrategyGraph; checksum: string }>;
  loadAccountSnapshot(accountId: string): Promise<AccountSnapshot>;
  evaluateCondition(input: EvaluateConditionInput): Promise<EvaluateConditionResult>;
  sendReminder(input: SendReminderInput): Promise<SendReminderResult>;
  createTask(input: CreateTaskInput): Promise<CreateTaskResult>;
  escalate(input: EscalateInput): Promise<EscalateResult>;
  evaluateSwitch(input: EvaluateSwitchInput): Promise<EvaluateSwitchResult>;
  assignCollector(input: AssignCollectorInput): Promise<AssignCollectorResult>;
  setTags(input: SetTagsInput): Promise<SetTagsResult>;
  createPaymentPlan(input: CreatePaymentPlanInput): Promise<CreatePaymentPlanResult>;
  checkPromise(input: CheckPromiseInput): Promise<CheckPromiseResult>;
  closeAccount(input: CloseAccountInput): Promise<CloseAccountResult>;
}

export interface ReconcileBatchInput {
  statementId: string;
  afterPosition: number;
  limit: number;
}

export interface ReconcileBatchResult {
  /** The position of the last line the batch looked at; the next batch starts after it. */
  lastPosition: number;
  /** No pending line is left. */
  done: boolean;
  /**
   * The lines in (afterPosition, lastPosition] by what became of them, counted from the database: lines an earlier,
   * lost attempt applied are in the range too. `lines` and `pending` are those of the range.
   */
  counted: ReconciliationTotals;
}

export interface NotifyAccountsInput {
  statementId: string;
  /** Lines after this position and up to `toPosition` (inclusive) were applied by the batch just run. */
  fromPosition: number;
  toPosition: number;
}

export interface NotifyAccountsResult {
  /** Accounts the batch paid into or reversed a payment of. */
  notified: number;
  /** Of those, the accounts whose collection workflow runs, which were signalled. Absent in histories recorded before. */
  told?: number;
  /** Accounts that owe again after a reversal and had no collection running: their collection was started. */
  restarted: number;
}

/** The reconciliation workflow's activities: each batch is one transaction, and telling the accounts is retry-safe. */
export interface ReconciliationActivities {
  beginReconciliation(input: { statementId: string }): Promise<ReconciliationTotals>;
  reconcileBatch(input: ReconcileBatchInput): Promise<ReconcileBatchResult>;
  notifyAccounts(input: NotifyAccountsInput): Promise<NotifyAccountsResult>;
  endReconciliation(input: { statementId: string; status: 'reconciled' | 'failed' }): Promise<void>;
}

/** Where an import's workflow starting stands after a chunk: `processed` of its `total` accounts dealt with. */
export interface ImportStartChunkResult {
  processed: number;
  total: number;
  done: boolean;
}

/** The import-starts workflow's activities: the batch row holds the cursor, so each is safe to repeat. */
export interface ImportStartActivities {
  startImportChunk(input: { batchId: string }): Promise<ImportStartChunkResult>;
  endImportStarts(input: { batchId: string; failure: string | null }): Promise<void>;
}

/** What starts a training run, and what it may be told. */
export interface ModelTrainingInput {
  trigger: 'schedule' | 'admin';
  /** The admin who started it; null for the nightly schedule. */
  requestedBy: string | null;
  /** Learn from invoices issued in this many days before today; null for all; left out for the default (two years). */
  windowDays?: number | null;
  learner?: 'gradient-boosted-trees' | 'random-forest';
}

export interface ModelTrainingResult {
  /** The stored model; null when there was too little history to train one. */
  modelId: string | null;
  status: 'active' | 'inactive' | 'skipped';
  reason: string;
  /** Paid invoices it learned from. */
  invoices: number;
}

/** What a run ends with: the training's verdict and how many open invoices were scored after it. */
export interface ModelTrainingRunResult extends ModelTrainingResult {
  scored: number;
}

export interface ScoringResult {
  /** The active model that scored; null when no model is active yet. */
  modelId: string | null;
  /** Open invoices scored and stored. */
  invoices: number;
}

export interface ModelTrainingActivities {
  trainPaymentModel(input: ModelTrainingInput): Promise<ModelTrainingResult>;
  /** Scores every open invoice with the active model, replacing the predictions the facts read. */
  scoreOpenInvoices(): Promise<ScoringResult>;
}
