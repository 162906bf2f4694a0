import { Piscina } from 'piscina';
import type { TrainingOutcome, TrainingTask } from './training-run.ts';

/**
 * One worker thread for training, started when a run arrives and stopped a minute after: training is rare, and the
 * thread holds the forest library's memory only while it works.
 */
export function createTrainingPool(): { run(task: TrainingTask): Promise<TrainingOutcome>; close(): Promise<void> } {
  const pool = new Piscina<TrainingTask, TrainingOutcome>({
    filename: new URL('./training.worker.ts', import.meta.url).href,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 60_000,
  });
  return { run: (task) => pool.run(task), close: () => pool.destroy() };
}
