import { z } from 'zod';

export const workerHealthSchema = z.object({
  /** polling: a worker asked the task queue for work lately; absent: none did; unknown: Temporal could not be asked. */
  status: z.enum(['polling', 'absent', 'unknown']),
  taskQueue: z.string(),
  /** Workers seen polling the task queue for workflow tasks in the last 90 seconds. */
  pollers: z.number().int().nonnegative(),
  detail: z.string().nullable(),
});
export type WorkerHealth = z.infer<typeof workerHealthSchema>;

export const healthResponseSchema = z.object({
  /** degraded: the API answers, but no worker is taking work, so no reminder goes out and no workflow moves. */
  status: z.enum(['ok', 'degraded']),
  demo: z.boolean(),
  temporalUiUrl: z.string().nullable(),
  version: z.string(),
  worker: workerHealthSchema,
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
