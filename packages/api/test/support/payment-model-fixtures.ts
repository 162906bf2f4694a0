import type { EntityManager } from '@mikro-orm/postgresql';
import { saveTrainedModel, type JsonObject, type SavedModel, type TrainedModelToSave } from '@recoup/db';

// Stored payment models for the API's tests, as a training run would store them: a description of the shape the
// prediction package writes (PaymentModelDescription), and a few bytes standing in for each forest.

const metrics = (auc: number) => ({ invoices: 400, lateAuc: auc, lateBrier: 0.12, veryLateAuc: auc - 0.03, payDayMae: 4.8, intervalCoverage: 0.83 });

export const IMPORTANCES = [
  { feature: 'lateShare', aucDrop: 0.21 },
  { feature: 'meanOffsetDays', aucDrop: 0.12 },
  { feature: 'paidInvoices', aucDrop: 0.05 },
  { feature: 'amountMinor', aucDrop: 0.03 },
  { feature: 'termDays', aucDrop: 0.02 },
  { feature: 'customerType', aucDrop: 0.015 },
  { feature: 'openInvoices', aucDrop: 0.01 },
  { feature: 'dueMonth', aucDrop: 0.008 },
  { feature: 'issueWeekday', aucDrop: 0.004 },
  { feature: 'dueWeekday', aucDrop: -0.001 },
];

export const modelDescription = (auc: number): JsonObject => ({
  learner: 'gradient-boosted-trees',
  features: IMPORTANCES.map((i) => i.feature),
  populationFeatures: ['amountMinor', 'termDays', 'customerType'],
  minHistory: 3,
  trainingExamples: 1_600,
  validationExamples: 400,
  residuals: { customer: Array.from({ length: 100 }, (_, i) => i - 50), population: Array.from({ length: 100 }, (_, i) => 2 * i - 100) },
  validation: metrics(auc),
  // Stored in no particular order: the API sorts them.
  importance: [...IMPORTANCES].reverse(),
  comparison: {
    invoices: 120,
    candidate: metrics(auc),
    incumbent: metrics(0.8),
    incumbentName: 'the customers’ own late rates',
    activate: true,
    reason: `Better than the customers’ own late rates: AUC ${auc} against 0.8.`,
  },
});

/** Stores a model; by default a scheduled one that becomes active. */
export const storeTestModel = (em: EntityManager, fields: Partial<TrainedModelToSave> = {}): Promise<SavedModel> =>
  saveTrainedModel(em, {
    trigger: 'schedule',
    requestedBy: null,
    learner: 'gradient-boosted-trees',
    // 2024-01-01 to 2025-12-31.
    dataFromDay: 19_723,
    dataToDay: 20_453,
    description: modelDescription(0.91),
    parts: {
      customerLateness: new Uint8Array([1, 2, 3]),
      customerOffset: new Uint8Array([4, 5]),
      populationLateness: new Uint8Array([6]),
      populationOffset: new Uint8Array([7, 8]),
    },
    activate: true,
    reason: 'Better than the customers’ own late rates.',
    ...fields,
  });
