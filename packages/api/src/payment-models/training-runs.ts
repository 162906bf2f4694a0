import type { Client } from '@temporalio/client';
import type { StartModelTrainingRequest, TrainingRunStatus } from '@recoup/contracts';
import { errorMessage, isErrorNamed, isRecoupError } from '@recoup/domain';
import { startTrainingRun, type ModelTrainingInput, type ModelTrainingRunResult } from '@recoup/workflows';
import { NotFoundError, UnavailableError } from '../errors.ts';

// The training runs of the payment models as the admin page sees them: started now for an admin, and followed by
// their workflow id until they end. The run itself is the workflow paymentModelTrainingWorkflow (see
// @recoup/workflows); this only starts it and reads how it stands.

export interface TrainingRuns {
  start(input: StartModelTrainingRequest & { requestedBy: string }): Promise<{ workflowId: string }>;
  /** Rejects with NotFoundError when Temporal knows no such run. */
  status(workflowId: string): Promise<TrainingRunStatus>;
}

/** Temporal errors other than a missing run mean the service is unreachable, not a bug here. */
const fromTemporal = (error: unknown): Error => {
  if (isRecoupError(error)) return error;
  if (isErrorNamed(error, 'WorkflowNotFoundError')) return new NotFoundError('training run', 'No training run has this id.');
  return new UnavailableError('temporal-unavailable', `The workflow service did not answer; try again shortly. (${errorMessage(error)})`);
};

/** The innermost message of a failure: the activity's own error, under the workflow's and the activity's wrappers. */
const innermostMessage = (error: unknown): string => {
  let message = errorMessage(error);
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current instanceof Error && current.cause !== undefined; depth++) {
    current = current.cause;
    const inner = errorMessage(current);
    if (inner.trim() !== '') message = inner;
  }
  return message;
};

const FAILED_WORDS: Record<string, string> = {
  FAILED: 'The training run failed',
  TERMINATED: 'The training run was terminated',
  CANCELLED: 'The training run was cancelled',
  TIMED_OUT: 'The training run timed out',
};

/** The training runs in Temporal; `temporal` is asked for the client at each call, so a missing connection fails the request only. */
export function temporalTrainingRuns(temporal: () => Client, taskQueue: string): TrainingRuns {
  return {
    async start({ requestedBy, windowDays, learner }) {
      try {
        const handle = await startTrainingRun(temporal(), taskQueue, {
          requestedBy,
          ...(windowDays === undefined ? {} : { windowDays }),
          ...(learner === undefined ? {} : { learner }),
        });
        return { workflowId: handle.workflowId };
      } catch (error) {
        throw fromTemporal(error);
      }
    },

    async status(workflowId) {
      try {
        const handle = temporal().workflow.getHandle<(input: ModelTrainingInput) => Promise<ModelTrainingRunResult>>(workflowId);
        const description = await handle.describe();
        const base = {
          workflowId,
          startedAt: description.startTime.toISOString(),
          closedAt: description.closeTime?.toISOString() ?? null,
        };
        const status = description.status.name;
        // A run that continued as new goes on in its next execution, which result() follows.
        if (status === 'RUNNING' || status === 'CONTINUED_AS_NEW') return { ...base, status: 'running' };
        if (status === 'COMPLETED') {
          const result = await handle.result();
          // Runs started before scoring followed training end without the count.
          const scored = typeof result.scored === 'number' ? result.scored : null;
          return {
            ...base,
            status: 'completed',
            result: { modelId: result.modelId, status: result.status, reason: result.reason, invoices: result.invoices, scored },
          };
        }
        const words = FAILED_WORDS[status] ?? `The training run ended as ${status.toLowerCase()}`;
        try {
          await handle.result();
          return { ...base, status: 'failed', message: `${words}.` };
        } catch (failure) {
          if (isErrorNamed(failure, 'WorkflowFailedError')) return { ...base, status: 'failed', message: `${words}: ${innermostMessage(failure)}` };
          throw failure;
        }
      } catch (error) {
        throw fromTemporal(error);
      }
    },
  };
}
