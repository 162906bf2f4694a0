import { endImportStarts, importStartsWorkflowId, settledWithin, startImportChunk, type ImportStartDeps, type ImportStartsClient, type StartResult } from '@recoup/workflows';
import { errorMessage } from '@recoup/domain';


/**
 * An ImportStartsClient that runs an import's starting in this process: the same chunk and end steps the
 * import-starts workflow runs as activities, here against the harness's recording collections client. The workflow
 * itself runs on a real Temporal server in the end-to-end tests.
 */
export class InProcessImportStarts implements ImportStartsClient {
  readonly #deps: ImportStartDeps;
  readonly #runs = new Map<string, Promise<void>>();
  /** What start does next: hand over, or throw the given error (Temporal unreachable). */
  startError: Error | null = null;

  constructor(deps: ImportStartDeps) {
    this.#deps = deps;
  }

  async start(batchId: string): Promise<StartResult> {
    if (this.startError) throw this.startError;
    const workflowId = importStartsWorkflowId(batchId);
    if (this.#runs.has(batchId)) return { workflowId, started: false };
    this.#runs.set(batchId, this.#run(batchId));
    return { workflowId, started: true };
  }

  async wait(batchId: string, waitMs: number): Promise<void> {
    const run = this.#runs.get(batchId);
    if (run) await settledWithin(run, waitMs);
  }

  /** Resolves once every run handed over so far has ended. */
  async settled(): Promise<void> {
    await Promise.all(this.#runs.values());
  }

  async #run(batchId: string): Promise<void> {
    try {
      while (!(await startImportChunk(this.#deps, batchId)).done);
      await endImportStarts(this.#deps.orm, batchId, null);
    } catch (error) {
      // As a failed workflow run: given up, and a later start may begin again where the batch stands.
      this.#runs.delete(batchId);
      await endImportStarts(this.#deps.orm, batchId, errorMessage(error));
    }
  }
}
