export { DatasetFormatError, readIbmReceivables } from './datasets/ibm-receivables.ts';
export { NotEnoughHistoryError, PredictionError } from './errors.ts';
export { featureNames, POPULATION_FEATURES, type FeatureSet } from './feature-table.ts';
export { type ForestLearner } from './forest-library.ts';
export {
  INTERVAL_QUANTILES,
  measure,
  MIN_HISTORY,
  PaymentModel,
  trainPaymentModel,
  VALIDATION_SHARE,
  type FeatureImportance,
  type ModelPart,
  type PaymentModelDescription,
  type PaymentPrediction,
  type TrainOptions,
  type ValidationMetrics,
} from './payment-model.ts';
