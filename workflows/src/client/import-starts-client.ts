import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { importStartsWorkflowId } from '../shared/definitions.ts';
import type { importStartsWorkflow } from '../workflows/import-starts.workflow.ts';
import type { StartResult } from './collection-client.ts';

/** What the API needs to have an import's collection workflows started in the background. */
export interface ImportStartsClient {
  /** Starts the batch's starting once; a second call finds it running (or finished) and changes nothing. */
  start(batchId: string): Promise<StartResult>;
  /**
   * Resolves once the batch's starting has ended (finished or given up), or after `waitMs`, whichever comes first.
   * The batch row says which; this only saves asking it over and over.
   */
  wait(batchId: string, waitMs: number): Promise<void>;
}

/** Resolves when `work` settles, however it settles, or after `ms`, whichever comes first; leaves no timer behind. */
export const settledWithin = async (work: Promise<unknown>, ms: number): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  const elapsed = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  try {
    await Promise.race([work.then(noop, noop), elapsed]);
  } finally {
    clearTimeout(timer);
  }
};
const noop = (): void => undefined;

export function createImportStartsClient(temporal: Client, settings: { taskQueue: string }): ImportStartsClient {
  return {
    async start(batchId) {
      const workflowId = importStartsWorkflowId(batchId);
      try {
        await temporal.workflow.start<typeof importStartsWorkflow>('importStartsWorkflow', {
          workflowId,
          taskQueue: settings.taskQueue,
          args: [{ batchId }],
          // A run that gave up may be started again: it carries on from the batch's cursor.
          workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
        });
        return { workflowId, started: true };
      } catch (error) {
        if (error instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, started: false };
        throw error;
      }
    },
    async wait(batchId, waitMs) {
      // result() follows the run through continue-as-new; how it ended is the batch row's to say.
      await settledWithin(temporal.workflow.getHandle(importStartsWorkflowId(batchId)).result(), waitMs);
    },
  };
}
