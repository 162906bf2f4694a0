import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ImportStartActivities } from '../activities/activity-types.ts';

// One workflow per committed portfolio import: it starts the collection workflows of the import's accounts a chunk
// at a time until none is left. The batch row holds the cursor (see client/starting/import-starts.ts), so the
// workflow carries nothing but the batch's id, and a chunk retried after the worker died starts nothing twice.

export interface ImportStartsWorkflowInput {
  batchId: string;
}

const chunks = proxyActivities<Pick<ImportStartActivities, 'startImportChunk'>>({
  startToCloseTimeout: '10 minutes',
  // The chunk heartbeats every few seconds, so a worker that dies mid-chunk is noticed quickly.
  heartbeatTimeout: '30 seconds',
  // Temporal or the database away for a while is waited out; half an hour of failures ends the run.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 40 },
});
const { endImportStarts } = proxyActivities<Pick<ImportStartActivities, 'endImportStarts'>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export async function importStartsWorkflow({ batchId }: ImportStartsWorkflowInput): Promise<void> {
  let done = false;
  try {
    while (!done && !workflowInfo().continueAsNewSuggested) done = (await chunks.startImportChunk({ batchId })).done;
  } catch (error) {
    await endImportStarts({ batchId, failure: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error) });
    throw error;
  }
  if (!done) await continueAsNew<typeof importStartsWorkflow>({ batchId });
  await endImportStarts({ batchId, failure: null });
}
