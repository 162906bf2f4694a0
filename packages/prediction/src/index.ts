export { DatasetFormatError, readIbmReceivables } from './datasets/ibm-receivables.ts';
export { NotEnoughHistoryError, PredictionError } from './errors.ts';
export { featureNames, POPULATION_FEATURES, type FeatureSet } from './feature-table.ts';
export { type ForestLearner } from './forest-library.ts';
export {
  compare,
  INTERVAL_QUANTILES,
  measure,
  MIN_COMPARISON_INVOICES,
  MIN_HISTORY,
  PaymentModel,
  trainPaymentModel,
  VALIDATION_SHARE,
  type FeatureImportance,
  type IncumbentModel,
  type ModelComparison,
  type ModelPart,
  type PaymentModelDescription,
  type PaymentPrediction,
  type TrainOptions,
  type ValidationMetrics,
} from './payment-model.ts';
export { createTrainingPool, type TrainingPool } from './training-pool.ts';
export { forecastBacktest } from './backtest.ts';
export { explain, runScoring, scoreOpenInvoices, type InvoiceScore, type ScoringTask } from './scoring.ts';
export { DEFAULT_WINDOW_DAYS, runTraining, type StoredModel, type TrainingOutcome, type TrainingTask } from './training-run.ts';
