import { heartbeat } from '@temporalio/activity';
import { calendarDayOf, type CustomerHistory } from '@recoup/domain';
import { activeModel, loadCustomerHistories, saveTrainedModel, type JsonObject, type RecoupOrm } from '@recoup/db';
import { DEFAULT_WINDOW_DAYS, type TrainingOutcome, type TrainingTask } from '@recoup/prediction';
import type { ModelTrainingActivities } from './activity-types.ts';

// A training run reads the ledger, trains in the training thread, and stores the model with the verdict on whether
// it replaces the active one. The store refuses to replace a pinned model, whatever the verdict.

export interface ModelTrainingDeps {
  orm: RecoupOrm;
  /** The training thread (createTrainingPool from @recoup/prediction). */
  training: { run(task: TrainingTask): Promise<TrainingOutcome> };
  /** The day a run is for; today unless a test says otherwise. */
  now?: () => Date;
  /** Where the histories come from: the ledger in the database unless a test brings its own. */
  histories?: (asOfDay: number) => Promise<CustomerHistory[]>;
}

/** Training is one long call into the thread: the heartbeat only says the worker still lives. */
const HEARTBEAT_MS = 10_000;

export function createModelTrainingActivities(deps: ModelTrainingDeps): ModelTrainingActivities {
  return {
    async trainPaymentModel(input) {
      const asOfDay = calendarDayOf(deps.now?.() ?? new Date());
      const em = deps.orm.em.fork();
      const histories = await (deps.histories ? deps.histories(asOfDay) : loadCustomerHistories(em, { asOfDay }));
      const active = await activeModel(em);
      const learner = input.learner ?? 'gradient-boosted-trees';
      const task: TrainingTask = {
        histories,
        asOfDay,
        windowDays: input.windowDays === undefined ? DEFAULT_WINDOW_DAYS : input.windowDays,
        learner,
        incumbent: active ? { description: active.description as never, parts: active.parts, dataToDay: active.dataToDay } : null,
      };
      const beat = setInterval(() => heartbeat(), HEARTBEAT_MS);
      let outcome: TrainingOutcome;
      try {
        outcome = await deps.training.run(task);
      } finally {
        clearInterval(beat);
      }
      if (!outcome.trained) return { modelId: null, status: 'skipped', reason: outcome.reason, invoices: 0 };
      const { comparison } = outcome.model.description;
      const saved = await saveTrainedModel(deps.orm.em.fork(), {
        trigger: input.trigger,
        requestedBy: input.requestedBy,
        learner,
        dataFromDay: outcome.dataFromDay,
        dataToDay: outcome.dataToDay,
        description: outcome.model.description as unknown as JsonObject,
        parts: outcome.model.parts,
        activate: comparison.activate,
        reason: comparison.reason,
      });
      const pinned = comparison.activate && saved.status !== 'active';
      return { modelId: saved.id, status: saved.status, reason: pinned ? `Not activated: the active model is pinned. ${comparison.reason}` : comparison.reason, invoices: outcome.invoices };
    },
  };
}
