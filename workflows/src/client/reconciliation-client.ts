import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { reconciliationProgressQuery, reconciliationWorkflowId, type ReconciliationProgressView } from '../shared/definitions.ts';
import type { reconciliationWorkflow } from '../workflows/reconciliation.workflow.ts';
import type { StartResult } from './collection-client.ts';

export interface ReconciliationWorkflowStatus {
  workflowId: string;
  /** Temporal's name for the execution's status: RUNNING, COMPLETED, FAILED, TERMINATED, ... */
  status: string;
  /** The workflow's own count while it runs or once it has finished; null if it could not be asked. */
  progress: ReconciliationProgressView | null;
}

/** What the API needs to reconcile bank statements in Temporal. */
export interface ReconciliationClient {
  /** Starts the statement's reconciliation once; a second call finds it started (or finished) and changes nothing. */
  start(statementId: string): Promise<StartResult>;
  /** null when the statement's reconciliation never started. */
  status(statementId: string): Promise<ReconciliationWorkflowStatus | null>;
}

export function createReconciliationClient(temporal: Client, settings: { taskQueue: string }): ReconciliationClient {
  return {
    async start(statementId) {
      const workflowId = reconciliationWorkflowId(statementId);
      try {
        await temporal.workflow.start<typeof reconciliationWorkflow>('reconciliationWorkflow', {
          workflowId,
          taskQueue: settings.taskQueue,
          args: [{ statementId }],
          // A statement is reconciled once; a failed run may be started again, and it resumes where lines wait.
          workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
        });
        return { workflowId, started: true };
      } catch (error) {
        if (error instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, started: false };
        throw error;
      }
    },
    async status(statementId) {
      const workflowId = reconciliationWorkflowId(statementId);
      const handle = temporal.workflow.getHandle(workflowId);
      try {
        const description = await handle.describe();
        let progress: ReconciliationProgressView | null = null;
        try {
          progress = await handle.query(reconciliationProgressQuery);
        } catch {
          // A query needs a worker; without one the status alone is still worth answering.
          progress = null;
        }
        return { workflowId, status: description.status.name, progress };
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return null;
        throw error;
      }
    },
  };
}
