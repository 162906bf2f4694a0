import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Decision } from '@recoup/domain';

// Message and query definitions shared by the workflow, the worker and every client. Kept in one file so the
// names cannot drift apart.

export const COLLECTION_TASK_QUEUE_DEFAULT = 'recoup-collections';

export const collectionWorkflowId = (accountId: string): string => `collection-${accountId}`;

export interface PaymentAppliedMessage {
  paymentId: string;
  /** Applied amount in minor units, as a decimal string. */
  amountMinor: string;
  currency: string;
}

export interface TaskCompletedMessage {
  taskKey: string;
  outcome: string;
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
}

export const paymentAppliedSignal = defineSignal<[PaymentAppliedMessage]>('paymentApplied');
export const accountChangedSignal = defineSignal<[]>('accountChanged');
/** An Update, so the caller learns at once whether the workflow accepted the outcome. */
export const completeTaskUpdate = defineUpdate<{ accepted: true }, [TaskCompletedMessage]>('completeTask');
export const stateQuery = defineQuery<CollectionStateView>('state');
