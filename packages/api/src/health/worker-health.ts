import type { Client } from '@temporalio/client';
import type { WorkerHealth } from '@recoup/contracts';
import { errorMessage } from '@recoup/domain';

/** A poller counts as present when it asked for work this recently: long polls last about a minute. */
const POLLER_FRESH_MS = 90_000;
/** Health is asked often (load balancers, the launcher); Temporal is asked at most this often. */
const CACHE_MS = 5_000;

const TASK_QUEUE_KIND_WORKFLOW = 1;

/**
 * Whether a worker is polling the task queue, from Temporal's own view of it: a worker that crashed, hung or was
 * never started stops polling, and health says so within about a minute and a half.
 */
export function createWorkerHealth(temporal: () => Client, namespace: string, taskQueue: string, now = () => Date.now()): () => Promise<WorkerHealth> {
  let cached: { at: number; value: WorkerHealth } | null = null;
  return async () => {
    if (cached && now() - cached.at < CACHE_MS) return cached.value;
    let value: WorkerHealth;
    try {
      const response = await temporal().workflowService.describeTaskQueue({
        namespace,
        taskQueue: { name: taskQueue },
        taskQueueType: TASK_QUEUE_KIND_WORKFLOW,
      });
      const fresh = (response.pollers ?? []).filter((p) => {
        const seconds = Number(p.lastAccessTime?.seconds ?? 0);
        return now() - seconds * 1000 < POLLER_FRESH_MS;
      });
      value = {
        status: fresh.length > 0 ? 'polling' : 'absent',
        taskQueue,
        pollers: fresh.length,
        detail: fresh.length > 0 ? null : `No worker has polled the task queue "${taskQueue}" in the last ${POLLER_FRESH_MS / 1000} s: reminders are not sent and workflows do not move.`,
      };
    } catch (error) {
      value = { status: 'unknown', taskQueue, pollers: 0, detail: `Temporal could not be asked about the workers: ${errorMessage(error)}` };
    }
    cached = { at: now(), value };
    return value;
  };
}
