import { Piscina } from 'piscina';
import type { InvoiceScore, ScoringTask } from './scoring.ts';
import type { TrainingOutcome, TrainingTask } from './training-run.ts';

export interface TrainingPool {
  run(task: TrainingTask): Promise<TrainingOutcome>;
  score(task: ScoringTask): Promise<InvoiceScore[]>;
  close(): Promise<void>;
}

/**
 * One worker thread for training and scoring, started when work arrives and stopped a minute after: both are rare,
 * and the thread holds the forest library's memory only while it works.
 */
export function createTrainingPool(): TrainingPool {
  const pool = new Piscina({ filename: new URL('./training.worker.ts', import.meta.url).href, minThreads: 0, maxThreads: 1, idleTimeout: 60_000 });
  return {
    run: (task) => pool.run(task) as Promise<TrainingOutcome>,
    score: (task) => pool.run(task, { name: 'runScoring' }) as Promise<InvoiceScore[]>,
    close: () => pool.destroy(),
  };
}
