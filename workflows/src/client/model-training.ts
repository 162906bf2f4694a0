import { randomUUID } from 'node:crypto';
import {
  ScheduleAlreadyRunning,
  ScheduleOverlapPolicy,
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdReusePolicy,
  type Client,
  type WorkflowHandle,
} from '@temporalio/client';
import type { ModelTrainingInput, ModelTrainingRunResult } from '../activities/activity-types.ts';

// The payment models retrain every night from a Temporal Schedule, and an admin can start a run at any time. Both
// start the same workflow; a run still going when the next night comes makes the schedule skip that night.

export const TRAINING_SCHEDULE_ID = 'payment-model-training';
const WORKFLOW_TYPE = 'paymentModelTrainingWorkflow';

export interface TrainingScheduleOptions {
  taskQueue: string;
  /** Hour of the night to train, on the clock of `timeZone`. */
  hour?: number;
  timeZone?: string;
}

/** Creates the nightly schedule unless it exists; an existing one is left as an operator may have changed it. */
export async function ensureTrainingSchedule(client: Client, options: TrainingScheduleOptions): Promise<void> {
  const input: ModelTrainingInput = { trigger: 'schedule', requestedBy: null };
  try {
    await client.schedule.create({
      scheduleId: TRAINING_SCHEDULE_ID,
      spec: { calendars: [{ hour: options.hour ?? 2, minute: 0 }], timezone: options.timeZone ?? 'UTC' },
      action: { type: 'startWorkflow', workflowType: WORKFLOW_TYPE, workflowId: `${TRAINING_SCHEDULE_ID}-nightly`, taskQueue: options.taskQueue, args: [input] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '6 hours' },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
}

/** Starts a training run now, for an admin. */
export function startTrainingRun(client: Client, taskQueue: string, input: Omit<ModelTrainingInput, 'trigger'>): Promise<WorkflowHandle<(input: ModelTrainingInput) => Promise<ModelTrainingRunResult>>> {
  return client.workflow.start<(input: ModelTrainingInput) => Promise<ModelTrainingRunResult>>(WORKFLOW_TYPE, {
    taskQueue,
    workflowId: `${TRAINING_SCHEDULE_ID}-admin-${randomUUID()}`,
    args: [{ ...input, trigger: 'admin' }],
  });
}

/** The id of the run that trains the first model when a system starts with none. */
export const FIRST_TRAINING_RUN_ID = `${TRAINING_SCHEDULE_ID}-first`;

/**
 * Starts the first training run of a system that has no model yet, so that a fresh installation shows predictions
 * within minutes rather than after the first night. The fixed id, never reused, makes it one run however many workers
 * start; false when it had been started before.
 */
export async function startFirstTrainingRun(client: Client, taskQueue: string): Promise<boolean> {
  try {
    await client.workflow.start<(input: ModelTrainingInput) => Promise<ModelTrainingRunResult>>(WORKFLOW_TYPE, {
      taskQueue,
      workflowId: FIRST_TRAINING_RUN_ID,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args: [{ trigger: 'schedule', requestedBy: null }],
    });
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw error;
  }
}
