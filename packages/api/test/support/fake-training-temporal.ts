import { ApplicationFailure, WorkflowFailedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { ModelTrainingInput, ModelTrainingResult } from '@recoup/workflows';
import type { RecordingCollections } from './recording-collections.ts';

// The part of a Temporal client the payment-model training routes use: starting the training workflow, and
// describing a run and reading its result. Like the other recording clients, it stands in for Temporal so the tests
// are about the API's side; the workflow itself is tested in @recoup/workflows.

export interface StartedRun {
  workflowType: string;
  workflowId: string;
  taskQueue: string;
  input: ModelTrainingInput;
}

type RunState =
  | { status: 'RUNNING' }
  | { status: 'COMPLETED'; result: ModelTrainingResult & { scored?: number } }
  | { status: 'FAILED'; message: string };

export class FakeTrainingTemporal {
  readonly started: StartedRun[] = [];
  /** What the next start does: start, or throw this error (Temporal away). */
  startError: Error | null = null;
  readonly #runs = new Map<string, RunState & { startTime: Date; closeTime?: Date }>();

  /** A run as Temporal would know it, e.g. the nightly schedule's, without going through the API. */
  add(workflowId: string): string {
    this.#runs.set(workflowId, { status: 'RUNNING', startTime: new Date() });
    return workflowId;
  }

  complete(workflowId: string, result: ModelTrainingResult & { scored?: number }): void {
    this.#runs.set(workflowId, { status: 'COMPLETED', result, startTime: this.#startTime(workflowId), closeTime: new Date() });
  }

  fail(workflowId: string, message: string): void {
    this.#runs.set(workflowId, { status: 'FAILED', message, startTime: this.#startTime(workflowId), closeTime: new Date() });
  }

  #startTime(workflowId: string): Date {
    return this.#runs.get(workflowId)?.startTime ?? new Date();
  }

  get client(): Client {
    const runs = this.#runs;
    const missing = (workflowId: string) => new WorkflowNotFoundError(`Workflow not found: ${workflowId}`, workflowId, undefined);
    const workflow = {
      start: async (workflowType: string, options: { workflowId: string; taskQueue: string; args: [ModelTrainingInput] }) => {
        if (this.startError) throw this.startError;
        this.started.push({ workflowType, workflowId: options.workflowId, taskQueue: options.taskQueue, input: options.args[0] });
        runs.set(options.workflowId, { status: 'RUNNING', startTime: new Date() });
        return { workflowId: options.workflowId };
      },
      getHandle: (workflowId: string) => ({
        workflowId,
        async describe() {
          const run = runs.get(workflowId);
          if (!run) throw missing(workflowId);
          return { workflowId, status: { name: run.status }, startTime: run.startTime, closeTime: run.closeTime };
        },
        async result() {
          const run = runs.get(workflowId);
          if (!run) throw missing(workflowId);
          if (run.status === 'COMPLETED') return run.result;
          if (run.status === 'FAILED') {
            throw new WorkflowFailedError('Workflow execution failed', ApplicationFailure.nonRetryable(run.message, 'NotEnoughHistoryError'), 'NON_RETRYABLE_FAILURE');
          }
          throw new Error('result() of a running workflow would wait for it to end');
        },
      }),
    };
    return { workflow } as unknown as Client;
  }

  /**
   * Makes the harness's collection client hand this out as its Temporal connection, which the app asks for when a
   * training route needs Temporal (the recording client has none of its own).
   */
  install(collections: RecordingCollections): this {
    Object.defineProperty(collections, 'temporal', { get: () => this.client, configurable: true });
    return this;
  }
}
