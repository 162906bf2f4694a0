import { CATEGORICAL_FEATURES, NUMERIC_FEATURES, type NumericFeatureName, type PaymentFeatures } from '@recoup/domain';
import type { ForestInput, ForestTable } from './forest-library.ts';

// Payment features as the columns the forest library takes. Two feature sets: the customer model sees everything,
// the population model only what does not depend on the customer's own history, so that it can speak for a customer
// the ledger has barely seen.

/** Features that describe the invoice and the kind of customer, not what this customer did before. */
export const POPULATION_FEATURES = ['logAmount', 'termsDays', 'ageDays', 'daysUntilDue', 'disputed', 'paidShare', 'electronic'] as const satisfies readonly NumericFeatureName[];

export type FeatureSet = 'customer' | 'population';

export const featureNames = (set: FeatureSet): readonly string[] =>
  set === 'customer' ? [...NUMERIC_FEATURES, ...CATEGORICAL_FEATURES] : [...POPULATION_FEATURES, ...CATEGORICAL_FEATURES];

const numeric = (features: PaymentFeatures, name: NumericFeatureName): number | null => {
  const value = features[name];
  return typeof value === 'boolean' ? Number(value) : value;
};

// An unknown category is its own value, so that "no country recorded" can carry its own weight.
const UNKNOWN = '(unknown)';

const numericNames = (set: FeatureSet): readonly NumericFeatureName[] => (set === 'customer' ? NUMERIC_FEATURES : POPULATION_FEATURES);

/** Training columns: NaN for a missing number. */
export function trainingTable(rows: readonly PaymentFeatures[], set: FeatureSet): ForestTable {
  const table: ForestTable = {};
  for (const name of numericNames(set)) table[name] = rows.map((row) => numeric(row, name) ?? Number.NaN);
  for (const name of CATEGORICAL_FEATURES) table[name] = rows.map((row) => row[name] ?? UNKNOWN);
  return table;
}

/** Prediction columns: null for a missing number. */
export function inputTable(rows: readonly PaymentFeatures[], set: FeatureSet): ForestInput {
  const table: ForestInput = {};
  for (const name of numericNames(set)) table[name] = rows.map((row) => numeric(row, name));
  for (const name of CATEGORICAL_FEATURES) table[name] = rows.map((row) => row[name] ?? UNKNOWN);
  return table;
}
