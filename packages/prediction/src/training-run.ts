import { OPEN_SNAPSHOT_DAYS, trainingExamples, type CustomerHistory, type ForecastBacktest } from '@recoup/domain';
import { forecastBacktest } from './backtest.ts';
import { NotEnoughHistoryError } from './errors.ts';
import type { ForestLearner } from './forest-library.ts';
import { PaymentModel, trainPaymentModel, type ModelPart, type PaymentModelDescription } from './payment-model.ts';

// One training run, from the ledger's histories to a measured model and the verdict on whether it should replace
// the active one. It runs in a worker thread (training-pool.ts): fitting forests is minutes of CPU at scale, which
// the worker's other activities and workflow tasks must not wait behind.

/** How far back a run learns from by default: two years of invoices. */
export const DEFAULT_WINDOW_DAYS = 730;

export interface StoredModel {
  readonly description: PaymentModelDescription;
  readonly parts: Record<ModelPart, Uint8Array>;
}

export interface TrainingTask {
  readonly histories: readonly CustomerHistory[];
  /** Outcomes known before this day are learned from; the day the run is for. */
  readonly asOfDay: number;
  /** Learn from invoices issued in this many days before asOfDay; null for all of them. */
  readonly windowDays: number | null;
  readonly learner: ForestLearner;
  /** The active model, and the day its data ended, to be beaten. */
  readonly incumbent: (StoredModel & { readonly dataToDay: number }) | null;
}

export type TrainingOutcome =
  | {
      readonly trained: true;
      readonly model: StoredModel;
      readonly dataFromDay: number;
      readonly dataToDay: number;
      readonly invoices: number;
      /** Its forecast at past dates of its validation period, against what was collected. */
      readonly backtest: ForecastBacktest;
    }
  | { readonly trained: false; readonly reason: string };

export async function runTraining(task: TrainingTask): Promise<TrainingOutcome> {
  const dataFromDay = task.windowDays === null ? null : task.asOfDay - task.windowDays;
  const examples = trainingExamples(task.histories, {
    ...(dataFromDay === null ? {} : { issuedFrom: dataFromDay }),
    settledBefore: task.asOfDay,
    openSnapshots: OPEN_SNAPSHOT_DAYS,
  });
  const incumbent = task.incumbent ? await PaymentModel.load(task.incumbent.description, task.incumbent.parts) : null;
  try {
    const model = await trainPaymentModel(examples, {
      learner: task.learner,
      ...(incumbent ? { incumbent: { model: incumbent, knewOutcomesBefore: task.incumbent!.dataToDay } } : {}),
    });
    try {
      const invoices = new Set(examples.map((e) => e.invoiceId)).size;
      return {
        trained: true,
        model: { description: model.description, parts: await model.save() },
        dataFromDay: dataFromDay ?? examples[0]!.issuedOn,
        dataToDay: task.asOfDay,
        invoices,
        backtest: forecastBacktest(model, task.histories, task.asOfDay),
      };
    } finally {
      model.unload();
    }
  } catch (error) {
    if (error instanceof NotEnoughHistoryError) return { trained: false, reason: error.message };
    throw error;
  } finally {
    incumbent?.unload();
  }
}
