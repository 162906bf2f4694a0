import {
  Client,
  Connection,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { collectionWorkflow } from '../workflows/collection.workflow.ts';
import {
  collectionWorkflowId,
  completeTaskUpdate,
  paymentAppliedSignal,
  stateQuery,
} from '../shared/definitions.ts';
import type { CollectionClient } from './collection-client.ts';
import { toHistoryView } from './history-view.ts';
import { connectionOptions, type TemporalSettings } from './temporal-settings.ts';

/** The workflow refused a task outcome (it waits for another task, or the outcome is not offered). */
export class TaskOutcomeRefusedError extends Error {
  override readonly name = 'TaskOutcomeRefusedError';
}

/** The account has no collection workflow in Temporal. */
export class WorkflowMissingError extends Error {
  override readonly name = 'WorkflowMissingError';
}

export async function connectTemporalClient(settings: TemporalSettings): Promise<Client> {
  const connection = await Connection.connect(connectionOptions(settings));
  return new Client({ connection, namespace: settings.namespace });
}

export function createCollectionClient(temporal: Client, settings: Pick<TemporalSettings, 'taskQueue'>): CollectionClient {
  const handle = (accountId: string) => temporal.workflow.getHandle(collectionWorkflowId(accountId));
  return {
    temporal,
    async start(accountId, strategyVersionId) {
      const workflowId = collectionWorkflowId(accountId);
      try {
        await temporal.workflow.start<typeof collectionWorkflow>('collectionWorkflow', {
          workflowId,
          taskQueue: settings.taskQueue,
          args: [{ accountId, strategyVersionId }],
        });
        return { workflowId, started: true };
      } catch (error) {
        // Idempotent start: a running workflow for the account is the desired state.
        if (error instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, started: false };
        throw error;
      }
    },
    async paymentApplied(accountId, message) {
      try {
        await handle(accountId).signal(paymentAppliedSignal, message);
      } catch (error) {
        // An account without a running workflow (settled earlier, or never started) has nothing to tell.
        if (error instanceof WorkflowNotFoundError) return;
        throw error;
      }
    },
    async completeTask(accountId, message) {
      try {
        await handle(accountId).executeUpdate(completeTaskUpdate, { args: [message] });
      } catch (error) {
        if (error instanceof WorkflowUpdateFailedError) {
          const cause = error.cause instanceof Error ? error.cause.message : error.message;
          throw new TaskOutcomeRefusedError(cause);
        }
        if (error instanceof WorkflowNotFoundError) throw new WorkflowMissingError(`No collection workflow for account ${accountId}.`);
        throw error;
      }
    },
    async state(accountId) {
      try {
        return await handle(accountId).query(stateQuery);
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return null;
        throw error;
      }
    },
    async history(accountId) {
      const history = await handle(accountId).fetchHistory();
      return toHistoryView(history.events ?? []);
    },
    async rawHistory(accountId) {
      const history = await handle(accountId).fetchHistory();
      return JSON.parse(historyToJSON(history)) as unknown;
    },
  };
}
