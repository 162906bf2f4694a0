import type { AccountSnapshot, RuleCondition, StrategyGraph } from '@recoup/domain';

// The activity contract as seen by the workflow. The workflow imports only these types; the implementations
// (which do I/O) are registered on the worker.

export interface EvaluateConditionInput {
  accountId: string;
  nodeId: string;
  condition: RuleCondition;
}

export interface EvaluateConditionResult {
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
  channel: 'email';
  template: string;
}

export type SendReminderResult =
  // No recipient address here: activity results are stored in workflow history, which must not hold contact data.
  | { status: 'sent' | 'already-sent' | 'no-recipient'; communicationId: string | null }
  /** The compliance rules refused the contact for now; nothing was sent, and the deferral is logged. */
  | { status: 'deferred'; communicationId: string | null; deferredUntil: string; reason: string };

export interface CreateTaskInput extends EffectInput {
  taskType: 'call' | 'review';
  title: string;
  assignment: 'round-robin' | 'least-loaded';
  outcomes: string[];
  dueAt: string;
}

export interface CreateTaskResult {
  taskId: string;
  assigneeId: string | null;
  created: boolean;
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
}
