import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { CollectionActivities, ImportStartActivities, ModelTrainingActivities, ReconciliationActivities } from '../activities/activity-types.ts';
import { connectionOptions, type TemporalSettings } from '../client/temporal-settings.ts';
import { recoupDataConverter } from '../codec/data-converter.ts';
import { requestIdActivityInterceptor } from './request-id-activity-interceptor.ts';

export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));
export const REQUEST_ID_INTERCEPTORS_PATH = fileURLToPath(new URL('../workflows/request-id-interceptors.ts', import.meta.url));

/**
 * The collection activities, with the reconciliation ones on a worker that reconciles bank statements and the
 * import-start ones on a worker that starts imports' workflows, and the model-training one on a worker that trains.
 */
export type WorkerActivities = CollectionActivities & Partial<ReconciliationActivities> & Partial<ImportStartActivities> & Partial<ModelTrainingActivities>;

export interface CreateWorkerOptions {
  temporal: TemporalSettings;
  activities: WorkerActivities;
  /** An existing connection (tests); otherwise one is opened from `temporal`. */
  connection?: NativeConnection;
  tuning?: Pick<WorkerOptions, 'maxConcurrentActivityTaskExecutions' | 'maxConcurrentWorkflowTaskExecutions' | 'maxCachedWorkflows'>;
}

export async function createWorker(options: CreateWorkerOptions): Promise<{ worker: Worker; connection: NativeConnection; ownsConnection: boolean }> {
  const ownsConnection = !options.connection;
  const connection = options.connection ?? (await NativeConnection.connect(connectionOptions(options.temporal)));
  const worker = await Worker.create({
    connection,
    namespace: options.temporal.namespace,
    taskQueue: options.temporal.taskQueue,
    workflowsPath: WORKFLOWS_PATH,
    activities: options.activities,
    // Request ids travel from the API's requests into the activities they set going (see shared/request-id-header.ts).
    interceptors: { workflowModules: [REQUEST_ID_INTERCEPTORS_PATH], activity: [requestIdActivityInterceptor] },
    // The codec runs in this thread, on everything the workflows and activities hand to Temporal and get back.
    ...(options.temporal.payloadKeys ? { dataConverter: recoupDataConverter(options.temporal.payloadKeys) } : {}),
    // Most accounts sleep on timers for days; keeping every one of them cached costs memory for nothing, while
    // an evicted workflow is rebuilt from its short history when its timer fires.
    maxCachedWorkflows: 1_000,
    ...options.tuning,
  });
  return { worker, connection, ownsConnection };
}
