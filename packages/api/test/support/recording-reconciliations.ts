import type { ReconciliationClient, ReconciliationWorkflowStatus, StartResult } from '@recoup/workflows';

/**
 * A ReconciliationClient that records which statements the API asked Temporal to reconcile. The workflow itself
 * runs on a real Temporal server in the integration and end-to-end tests.
 */
export class RecordingReconciliations implements ReconciliationClient {
  readonly started: string[] = [];
  /** What start does next: accept, or throw the given error (Temporal unreachable). */
  startError: Error | null = null;

  async start(statementId: string): Promise<StartResult> {
    if (this.startError) throw this.startError;
    const started = !this.started.includes(statementId);
    if (started) this.started.push(statementId);
    return { workflowId: `reconcile-${statementId}`, started };
  }

  async status(statementId: string): Promise<ReconciliationWorkflowStatus | null> {
    return this.started.includes(statementId) ? { workflowId: `reconcile-${statementId}`, status: 'RUNNING', progress: null } : null;
  }
}
