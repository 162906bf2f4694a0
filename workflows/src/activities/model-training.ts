import { Context, heartbeat } from '@temporalio/activity';
import { calendarDayOf, type CustomerHistory } from '@recoup/domain';
import { activeModel, loadCustomerHistories, replaceInvoicePredictions, saveTrainedModel, type JsonObject, type RecoupOrm } from '@recoup/db';
import { DEFAULT_WINDOW_DAYS, type TrainingPool, type TrainingTask } from '@recoup/prediction';
import type { ModelTrainingActivities } from './activity-types.ts';

// A training run reads the ledger, trains in the training thread, and stores the model with the verdict on whether
// it replaces the active one. The store refuses to replace a pinned model, whatever the verdict.

export interface ModelTrainingDeps {
  orm: RecoupOrm;
  /** The training thread (createTrainingPool from @recoup/prediction). */
  training: Pick<TrainingPool, 'run' | 'score'>;
  /** The day a run is for; today unless a test says otherwise. */
  now?: () => Date;
  /** Where the histories come from: the ledger in the database unless a test brings its own. */
  histories?: (asOfDay: number) => Promise<CustomerHistory[]>;
}

/** Training is one long call into the thread: the heartbeat only says the worker still lives. */
const HEARTBEAT_MS = 10_000;

/** Waits for the training thread, heartbeating meanwhile. */
async function beating<T>(work: Promise<T>): Promise<T> {
  const beat = setInterval(() => heartbeat(), HEARTBEAT_MS);
  try {
    return await work;
  } finally {
    clearInterval(beat);
  }
}

export function createModelTrainingActivities(deps: ModelTrainingDeps): ModelTrainingActivities {
  const today = () => calendarDayOf(deps.now?.() ?? new Date());
  const read = (asOfDay: number) => (deps.histories ? deps.histories(asOfDay) : loadCustomerHistories(deps.orm.em.fork(), { asOfDay }));
  return {
    async trainPaymentModel(input) {
      const asOfDay = today();
      const histories = await read(asOfDay);
      const active = await activeModel(deps.orm.em.fork());
      const learner = input.learner ?? 'gradient-boosted-trees';
      const task: TrainingTask = {
        histories,
        asOfDay,
        windowDays: input.windowDays === undefined ? DEFAULT_WINDOW_DAYS : input.windowDays,
        learner,
        incumbent: active ? { description: active.description as never, parts: active.parts, dataToDay: active.dataToDay } : null,
      };
      const outcome = await beating(deps.training.run(task));
      if (!outcome.trained) return { modelId: null, status: 'skipped', reason: outcome.reason, invoices: 0 };
      const { comparison } = outcome.model.description;
      const run = Context.current().info.workflowExecution;
      const saved = await saveTrainedModel(deps.orm.em.fork(), {
        // A retry after the model was stored (the worker died before reporting) finds it rather than storing another.
        ...(run ? { runKey: `${run.workflowId}/${run.runId}` } : {}),
        trigger: input.trigger,
        requestedBy: input.requestedBy,
        learner,
        dataFromDay: outcome.dataFromDay,
        dataToDay: outcome.dataToDay,
        description: outcome.model.description as unknown as JsonObject,
        parts: outcome.model.parts,
        backtest: outcome.backtest,
        activate: comparison.activate,
        reason: comparison.reason,
      });
      const pinned = comparison.activate && saved.status !== 'active';
      return { modelId: saved.id, status: saved.status, reason: pinned ? `Not activated: the active model is pinned. ${comparison.reason}` : comparison.reason, invoices: outcome.invoices };
    },

    async scoreOpenInvoices() {
      const active = await activeModel(deps.orm.em.fork());
      if (!active) return { modelId: null, invoices: 0 };
      const asOfDay = today();
      const model = { description: active.description as never, parts: active.parts };
      const scores = await beating(deps.training.score({ histories: await read(asOfDay), asOfDay, model }));
      return { modelId: active.id, invoices: await replaceInvoicePredictions(deps.orm.em.fork(), active.id, asOfDay, scores) };
    },
  };
}
