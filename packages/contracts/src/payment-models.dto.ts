import { z } from 'zod';

// The admin page of the payment prediction models: the models stored, the runs that train them, and the pin and
// roll-back an admin decides on. What a model is made of (its forests, the residuals its intervals are read from)
// stays on the server.

export const PAYMENT_MODEL_LEARNERS = ['gradient-boosted-trees', 'random-forest'] as const;
export const paymentModelLearnerSchema = z.enum(PAYMENT_MODEL_LEARNERS, { message: `must be one of ${PAYMENT_MODEL_LEARNERS.join(', ')}` });
export type PaymentModelLearner = z.infer<typeof paymentModelLearnerSchema>;

/** How far back a run may learn from, in days: a month at least, ten years at most. */
export const MIN_TRAINING_WINDOW_DAYS = 30;
export const MAX_TRAINING_WINDOW_DAYS = 3650;

/** How many of a model's feature importances the list carries, most important first. */
export const PAYMENT_MODEL_IMPORTANCES_SHOWN = 8;

/** The figures a model was measured by on invoices it was not trained on; null where there was nothing to measure. */
export const paymentModelMetricsSchema = z.object({
  invoices: z.number(),
  /** Area under the ROC curve for "paid late": 1 is perfect, 0.5 is chance. */
  lateAuc: z.number().nullable(),
  /** Brier score of the late probability: 0 is perfect, 0.25 is a coin toss. */
  lateBrier: z.number().nullable(),
  veryLateAuc: z.number().nullable(),
  /** Mean absolute error of the predicted payment day, in days. */
  payDayMae: z.number().nullable(),
  /** Share (0–1) of actual payment days inside the predicted interval. */
  intervalCoverage: z.number().nullable(),
});
export type PaymentModelMetrics = z.infer<typeof paymentModelMetricsSchema>;

export const paymentModelImportanceSchema = z.object({
  feature: z.string(),
  /** How much the AUC for "paid late" falls when the feature's values are shuffled. */
  aucDrop: z.number(),
});
export type PaymentModelImportance = z.infer<typeof paymentModelImportanceSchema>;

/** How the model fared against the one active when it was trained, on invoices neither had seen paid. */
export const paymentModelComparisonSchema = z.object({
  invoices: z.number(),
  candidate: paymentModelMetricsSchema.nullable(),
  incumbent: paymentModelMetricsSchema.nullable(),
  incumbentName: z.string(),
  activate: z.boolean(),
  reason: z.string(),
});
export type PaymentModelComparison = z.infer<typeof paymentModelComparisonSchema>;

export const paymentModelViewSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  trigger: z.enum(['schedule', 'admin']),
  /** The admin who started the run; null for the nightly schedule. */
  requestedBy: z.string().nullable(),
  requestedByName: z.string().nullable(),
  learner: z.string(),
  /** The first and last day of the data it learned from (YYYY-MM-DD). */
  dataFromDay: z.string(),
  dataToDay: z.string(),
  status: z.enum(['active', 'inactive']),
  /** Why it is, or is not, the active model. */
  reason: z.string(),
  pinned: z.boolean(),
  activatedAt: z.string().nullable(),
  /** Paid invoices it was fitted on, and the later ones it was validated on. */
  trainingExamples: z.number().nullable(),
  validationExamples: z.number().nullable(),
  validation: paymentModelMetricsSchema.nullable(),
  /** The most important features, most important first (at most PAYMENT_MODEL_IMPORTANCES_SHOWN). */
  importance: z.array(paymentModelImportanceSchema),
  comparison: paymentModelComparisonSchema.nullable(),
});
export type PaymentModelView = z.infer<typeof paymentModelViewSchema>;

export const paymentModelListSchema = z.array(paymentModelViewSchema);

export const startModelTrainingRequestSchema = z
  .object({
    /** Learn from invoices issued this many days back; null for all of them; left out for the default (two years). */
    windowDays: z
      .number({ message: 'must be a whole number of days' })
      .int({ message: 'must be a whole number of days' })
      .min(MIN_TRAINING_WINDOW_DAYS, { message: `must be at least ${MIN_TRAINING_WINDOW_DAYS} days` })
      .max(MAX_TRAINING_WINDOW_DAYS, { message: `must be at most ${MAX_TRAINING_WINDOW_DAYS} days` })
      .nullable()
      .optional(),
    learner: paymentModelLearnerSchema.optional(),
  })
  .strict();
export type StartModelTrainingRequest = z.infer<typeof startModelTrainingRequestSchema>;

export const startModelTrainingResponseSchema = z.object({ workflowId: z.string() });
export type StartModelTrainingResponse = z.infer<typeof startModelTrainingResponseSchema>;

/** A training run's workflow id as it appears in a path: what Temporal ids of the training look like. */
export const trainingRunParamsSchema = z.object({
  workflowId: z
    .string()
    .max(200, { message: 'must have at most 200 characters' })
    .regex(/^[A-Za-z0-9._:-]+$/, { message: 'must be the workflow id of a training run' }),
});

/** What a run ended with: the model it stored, whether it is active, and why. */
export const modelTrainingResultSchema = z.object({
  /** null when there was too little history to train a model. */
  modelId: z.string().nullable(),
  status: z.enum(['active', 'inactive', 'skipped']),
  reason: z.string(),
  /** Paid invoices it learned from. */
  invoices: z.number(),
  /** Open invoices scored after the training with the model then active; null when the run did not say. */
  scored: z.number().nullable(),
});
export type ModelTrainingResultView = z.infer<typeof modelTrainingResultSchema>;

const runBase = { workflowId: z.string(), startedAt: z.string().nullable(), closedAt: z.string().nullable() };

export const trainingRunStatusSchema = z.discriminatedUnion('status', [
  z.object({ ...runBase, status: z.literal('running') }),
  z.object({ ...runBase, status: z.literal('completed'), result: modelTrainingResultSchema }),
  z.object({ ...runBase, status: z.literal('failed'), message: z.string() }),
]);
export type TrainingRunStatus = z.infer<typeof trainingRunStatusSchema>;

export const pinPaymentModelRequestSchema = z.object({ pinned: z.boolean({ message: 'must be true or false' }) }).strict();
export type PinPaymentModelRequest = z.infer<typeof pinPaymentModelRequestSchema>;

export const activatePaymentModelRequestSchema = z
  .object({
    /** Why the admin rolls back (or forward) to this model: it goes to the audit log and onto the model. */
    reason: z
      .string({ message: 'is required' })
      .trim()
      .min(3, { message: 'must have at least 3 characters' })
      .max(500, { message: 'must have at most 500 characters' }),
  })
  .strict();
export type ActivatePaymentModelRequest = z.infer<typeof activatePaymentModelRequestSchema>;
