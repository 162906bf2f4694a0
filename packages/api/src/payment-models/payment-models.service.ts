import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { activateModel, AppUser, listModels, PaymentModelRow, pinModel, type StoredPaymentModelSummary } from '@recoup/db';
import {
  PAYMENT_MODEL_IMPORTANCES_SHOWN,
  type PaymentModelComparison,
  type PaymentModelImportance,
  type PaymentModelMetrics,
  type PaymentModelView,
  type StartModelTrainingRequest,
  type StartModelTrainingResponse,
  type TrainingRunStatus,
} from '@recoup/contracts';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { NotFoundError } from '../errors.ts';
import type { TrainingRuns } from './training-runs.ts';

const DAY_MS = 86_400_000;

/** An epoch day (days since 1970-01-01) as YYYY-MM-DD. */
const isoDay = (epochDay: number): string => new Date(epochDay * DAY_MS).toISOString().slice(0, 10);

// The store keeps a model's description as opaque JSON (PaymentModelDescription of @recoup/prediction). It is read
// here field by field, each falling back on its own: a model stored by an older release, or with a figure that
// could not be measured, still lists, with what it has.
const finite = z.number().refine(Number.isFinite);
const metricSchema = finite.nullable().catch(null);
const storedMetricsSchema = z.object({
  invoices: finite.catch(0),
  lateAuc: metricSchema,
  lateBrier: metricSchema,
  veryLateAuc: metricSchema,
  payDayMae: metricSchema,
  intervalCoverage: metricSchema,
});
const storedDescriptionSchema = z.object({
  trainingExamples: finite.nullable().catch(null),
  validationExamples: finite.nullable().catch(null),
  validation: storedMetricsSchema.nullable().catch(null),
  importance: z.array(z.object({ feature: z.string(), aucDrop: finite }).catch({ feature: '', aucDrop: Number.NaN })).catch([]),
  comparison: z
    .object({
      invoices: finite.catch(0),
      candidate: storedMetricsSchema.nullable().catch(null),
      incumbent: storedMetricsSchema.nullable().catch(null),
      incumbentName: z.string().catch(''),
      activate: z.boolean().catch(false),
      reason: z.string().catch(''),
    })
    .nullable()
    .catch(null),
});

interface ReadDescription {
  trainingExamples: number | null;
  validationExamples: number | null;
  validation: PaymentModelMetrics | null;
  importance: PaymentModelImportance[];
  comparison: PaymentModelComparison | null;
}

const EMPTY_DESCRIPTION: ReadDescription = { trainingExamples: null, validationExamples: null, validation: null, importance: [], comparison: null };

export const readDescription = (json: unknown): ReadDescription => {
  const parsed = storedDescriptionSchema.safeParse(json);
  if (!parsed.success) return EMPTY_DESCRIPTION;
  const { importance, ...rest } = parsed.data;
  const top = importance
    .filter((entry) => entry.feature !== '' && Number.isFinite(entry.aucDrop))
    .sort((a, b) => b.aucDrop - a.aucDrop)
    .slice(0, PAYMENT_MODEL_IMPORTANCES_SHOWN);
  return { ...rest, importance: top };
};

const toView = (model: StoredPaymentModelSummary, names: ReadonlyMap<string, string>): PaymentModelView => ({
  id: model.id,
  createdAt: model.createdAt.toISOString(),
  trigger: model.trigger,
  requestedBy: model.requestedBy,
  requestedByName: model.requestedBy === null ? null : (names.get(model.requestedBy) ?? null),
  learner: model.learner,
  dataFromDay: isoDay(model.dataFromDay),
  dataToDay: isoDay(model.dataToDay),
  status: model.status,
  reason: model.reason,
  pinned: model.pinned,
  activatedAt: model.activatedAt?.toISOString() ?? null,
  ...readDescription(model.description),
});

/** The stored payment models, and what an admin decides about them. Every decision is audited. */
export class PaymentModelsService {
  readonly #orm: MikroORM;
  readonly #runs: TrainingRuns;

  constructor(orm: MikroORM, runs: TrainingRuns) {
    this.#orm = orm;
    this.#runs = runs;
  }

  /** Every stored model, newest first, without its forests or residuals. */
  async list(): Promise<PaymentModelView[]> {
    const em = this.#orm.em.fork();
    const models = await listModels(em);
    const ids = [...new Set(models.flatMap((m) => (m.requestedBy === null ? [] : [m.requestedBy])))];
    const users = ids.length === 0 ? [] : await em.find(AppUser, { id: { $in: ids } }, { fields: ['id', 'name'] });
    const names = new Map(users.map((u) => [u.id, u.name]));
    return models.map((m) => toView(m, names));
  }

  async #one(id: string): Promise<PaymentModelView> {
    const model = (await this.list()).find((m) => m.id === id);
    if (!model) throw new NotFoundError('payment model');
    return model;
  }

  /** Starts a training run now, for the admin; the page follows it by the workflow id. */
  async startRun(input: StartModelTrainingRequest, actor: AuthUser): Promise<StartModelTrainingResponse> {
    const started = await this.#runs.start({ ...input, requestedBy: actor.id });
    await this.#orm.em.fork().transactional(async (tx) => {
      await audit(tx, {
        actorId: actor.id,
        action: 'payment-model.training-started',
        entity: 'payment_model_training',
        entityId: started.workflowId,
        details: { windowDays: input.windowDays === undefined ? 'default' : input.windowDays, learner: input.learner ?? 'gradient-boosted-trees' },
      });
    });
    return started;
  }

  runStatus(workflowId: string): Promise<TrainingRunStatus> {
    return this.#runs.status(workflowId);
  }

  /**
   * Pinning makes the model the active one and keeps training from replacing it; unpinning only lifts that. The
   * change and its audit entry are one transaction.
   */
  async pin(id: string, pinned: boolean, actor: AuthUser): Promise<PaymentModelView> {
    await this.#orm.em.fork().transactional(async (tx) => {
      const before = await activeId(tx);
      await pinModel(tx, id, pinned);
      const after = await tx.findOne(PaymentModelRow, { id }, { fields: ['reason'], refresh: true });
      await audit(tx, {
        actorId: actor.id,
        action: pinned ? 'payment-model.pinned' : 'payment-model.unpinned',
        entity: 'payment_model',
        entityId: id,
        details: { pinned, previousActiveId: before, reason: after?.reason ?? null },
      });
    });
    return this.#one(id);
  }

  /** Rolls back (or forward) to a stored model for the admin's reason; the model active before is retired. */
  async activate(id: string, reason: string, actor: AuthUser): Promise<PaymentModelView> {
    await this.#orm.em.fork().transactional(async (tx) => {
      const before = await activeId(tx);
      await activateModel(tx, id, reason);
      await audit(tx, {
        actorId: actor.id,
        action: 'payment-model.activated',
        entity: 'payment_model',
        entityId: id,
        details: { reason, previousActiveId: before },
      });
    });
    return this.#one(id);
  }
}

/** The active model's id, for the audit entry of a change that may replace it. */
const activeId = async (em: EntityManager): Promise<string | null> =>
  (await em.findOne(PaymentModelRow, { status: 'active' }, { fields: ['id'] }))?.id ?? null;
