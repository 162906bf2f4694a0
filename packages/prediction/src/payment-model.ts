import {
  areaUnderRoc,
  brierScore,
  intervalCoverage,
  meanAbsoluteError,
  mulberry32,
  paymentClass,
  quantile,
  splitByTime,
  type PaymentFeatures,
  type TrainingExample,
} from '@recoup/domain';
import { NotEnoughHistoryError } from './errors.ts';
import { featureNames, inputTable, trainingTable, type FeatureSet } from './feature-table.ts';
import { loadForest, saveForest, trainForest, type ForestLearner, type ForestModel } from './forest-library.ts';

// Two questions about an open invoice: how late will it be paid (on time, late, very late), and on which day. Each
// has a customer model, which learns from the customer's history, and a population model, which knows only the
// invoice and the kind of customer and answers for customers with too little history. The payment day comes with an
// interval taken from how far the model's days missed on the latest invoices, which it was not trained on.

/** Customers with fewer paid invoices than this are predicted by the population model, with low confidence. */
export const MIN_HISTORY = 3;

/** The interval's quantiles of the payment day: 80 % of payments should fall inside it. */
export const INTERVAL_QUANTILES = [0.1, 0.9] as const;

/** The latest share of the examples, by invoice date, kept out of training to validate the model on. */
export const VALIDATION_SHARE = 0.2;

export interface PaymentPrediction {
  /** Probability that the invoice is paid after its due date (0–1). */
  readonly lateProbability: number;
  /** Probability that it is paid more than 30 days after its due date. */
  readonly veryLateProbability: number;
  /** Predicted payment day minus due day, in days (negative: early). */
  readonly offsetDays: number;
  /** The interval around it: INTERVAL_QUANTILES of where the payment day falls. */
  readonly offsetLow: number;
  readonly offsetHigh: number;
  /** 'low' when the customer has too little history and the population model answered. */
  readonly confidence: 'normal' | 'low';
}

export interface ValidationMetrics {
  /** Invoices the figures were measured on (as of their issue day). */
  readonly invoices: number;
  readonly lateAuc: number | null;
  readonly lateBrier: number | null;
  readonly veryLateAuc: number | null;
  /** Mean absolute error of the predicted payment day, in days. */
  readonly payDayMae: number | null;
  /** Share of actual payment days inside the predicted interval. */
  readonly intervalCoverage: number | null;
}

export interface FeatureImportance {
  readonly feature: string;
  /** How much the AUC for "paid late" falls when this feature's values are shuffled among the invoices. */
  readonly aucDrop: number;
}

export interface PaymentModelDescription {
  readonly learner: ForestLearner;
  readonly features: readonly string[];
  readonly populationFeatures: readonly string[];
  readonly minHistory: number;
  /** Examples the models were fitted on and validated on. */
  readonly trainingExamples: number;
  readonly validationExamples: number;
  /** Residual quantiles of the payment day (actual minus predicted), for the customer and population models. */
  readonly interval: { readonly customer: readonly [number, number]; readonly population: readonly [number, number] };
  readonly validation: ValidationMetrics;
  readonly importance: readonly FeatureImportance[];
}

interface ModelPair {
  readonly lateness: ForestModel;
  readonly offset: ForestModel;
}

const LATENESS = 'paymentClass';
const OFFSET = 'offsetDays';

/** A trained pair of models (customer and population) with what was measured about them. */
export class PaymentModel {
  readonly description: PaymentModelDescription;
  readonly #customer: ModelPair;
  readonly #population: ModelPair;

  constructor(description: PaymentModelDescription, customer: ModelPair, population: ModelPair) {
    this.description = description;
    this.#customer = customer;
    this.#population = population;
  }

  /** Predicts each invoice from its features as of the day it is scored. */
  predict(rows: readonly PaymentFeatures[]): PaymentPrediction[] {
    if (rows.length === 0) return [];
    const customer = raw(this.#customer, rows, 'customer');
    const population = raw(this.#population, rows, 'population');
    return rows.map((row, i) => {
      const low = row.paidInvoices < this.description.minHistory;
      const pick = low ? population[i]! : customer[i]!;
      const [below, above] = low ? this.description.interval.population : this.description.interval.customer;
      return { ...pick, offsetLow: pick.offsetDays + below, offsetHigh: pick.offsetDays + above, confidence: low ? 'low' : 'normal' };
    });
  }

  /** The models as bytes, to store beside the description. */
  async save(): Promise<Record<ModelPart, Uint8Array>> {
    return {
      customerLateness: await saveForest(this.#customer.lateness),
      customerOffset: await saveForest(this.#customer.offset),
      populationLateness: await saveForest(this.#population.lateness),
      populationOffset: await saveForest(this.#population.offset),
    };
  }

  static async load(description: PaymentModelDescription, parts: Record<ModelPart, Uint8Array>): Promise<PaymentModel> {
    return new PaymentModel(
      description,
      { lateness: await loadForest(parts.customerLateness), offset: await loadForest(parts.customerOffset) },
      { lateness: await loadForest(parts.populationLateness), offset: await loadForest(parts.populationOffset) },
    );
  }

  /** Frees the memory the library holds for the models. */
  unload(): void {
    for (const model of [this.#customer.lateness, this.#customer.offset, this.#population.lateness, this.#population.offset]) model.unload();
  }
}

export type ModelPart = 'customerLateness' | 'customerOffset' | 'populationLateness' | 'populationOffset';

type RawPrediction = Pick<PaymentPrediction, 'lateProbability' | 'veryLateProbability' | 'offsetDays'>;

function raw(pair: ModelPair, rows: readonly PaymentFeatures[], set: FeatureSet): RawPrediction[] {
  const input = inputTable(rows, set);
  const classes = pair.lateness.getLabelClasses();
  const lateness = pair.lateness.predict(input);
  const offsets = pair.offset.predict(input);
  return rows.map((_, i) => {
    const probabilities = classProbabilities(classes, lateness, i);
    return {
      lateProbability: (probabilities.late ?? 0) + (probabilities['very-late'] ?? 0),
      veryLateProbability: probabilities['very-late'] ?? 0,
      offsetDays: offsets[i]!,
    };
  });
}

/**
 * Row i's probability of each class. The library answers one number per row for two classes (the second class's
 * probability), and for more classes one flat list with each row's probabilities in turn.
 */
function classProbabilities(classes: readonly string[], predictions: readonly number[], i: number): Record<string, number> {
  if (classes.length === 2) return { [classes[0]!]: 1 - predictions[i]!, [classes[1]!]: predictions[i]! };
  return Object.fromEntries(classes.map((name, k) => [name, predictions[i * classes.length + k]!]));
}

async function trainPair(learner: ForestLearner, examples: readonly TrainingExample[], set: FeatureSet): Promise<ModelPair> {
  const features = examples.map((e) => e.features);
  const lateness = await trainForest(learner, 'CLASSIFICATION', LATENESS, { ...trainingTable(features, set), [LATENESS]: examples.map((e) => paymentClass(e.outcome)) });
  const offset = await trainForest(learner, 'REGRESSION', OFFSET, { ...trainingTable(features, set), [OFFSET]: examples.map((e) => e.outcome.offsetDays) });
  return { lateness, offset };
}

/** Residual quantiles (actual minus predicted) of the payment day on the given examples. */
function residualQuantiles(predicted: readonly RawPrediction[], examples: readonly TrainingExample[]): [number, number] {
  const residuals = examples.map((e, i) => e.outcome.offsetDays - predicted[i]!.offsetDays).sort((a, b) => a - b);
  return [quantile(residuals, INTERVAL_QUANTILES[0]) ?? 0, quantile(residuals, INTERVAL_QUANTILES[1]) ?? 0];
}

/** The figures of a predictor on invoices as of their issue day, against what happened. */
export function measure(predictions: readonly PaymentPrediction[], examples: readonly TrainingExample[]): ValidationMetrics {
  const late = examples.map((e) => e.outcome.late);
  return {
    invoices: examples.length,
    lateAuc: areaUnderRoc(
      predictions.map((p) => p.lateProbability),
      late,
    ),
    lateBrier: brierScore(
      predictions.map((p) => p.lateProbability),
      late,
    ),
    veryLateAuc: areaUnderRoc(
      predictions.map((p) => p.veryLateProbability),
      examples.map((e) => e.outcome.veryLate),
    ),
    payDayMae: meanAbsoluteError(
      predictions.map((p) => Math.round(p.offsetDays)),
      examples.map((e) => e.outcome.offsetDays),
    ),
    intervalCoverage: intervalCoverage(
      predictions.map((p) => ({ low: Math.floor(p.offsetLow), high: Math.ceil(p.offsetHigh) })),
      examples.map((e) => e.outcome.offsetDays),
    ),
  };
}

/** Permutation importance: the AUC lost when one feature is shuffled, the others kept. */
function importance(model: PaymentModel, examples: readonly TrainingExample[], base: number | null): FeatureImportance[] {
  if (base === null) return [];
  const random = mulberry32(20_261_203);
  return featureNames('customer')
    .map((feature) => {
      const values = examples.map((e) => e.features[feature as keyof PaymentFeatures]);
      for (let i = values.length - 1; i > 0; i -= 1) {
        const j = Math.floor(random() * (i + 1));
        [values[i], values[j]] = [values[j]!, values[i]!];
      }
      const shuffled = examples.map((e, i) => ({ ...e.features, [feature]: values[i] }) as PaymentFeatures);
      const auc = areaUnderRoc(
        model.predict(shuffled).map((p) => p.lateProbability),
        examples.map((e) => e.outcome.late),
      );
      return { feature, aucDrop: auc === null ? 0 : base - auc };
    })
    .sort((a, b) => b.aucDrop - a.aucDrop);
}

export interface TrainOptions {
  readonly learner?: ForestLearner;
  readonly validationShare?: number;
  /** Fit the models again on all examples once they are measured (the default), rather than keep the measured ones. */
  readonly refit?: boolean;
}

/**
 * Fits the models on the earlier examples by invoice date and validates them on the latest `validationShare`:
 * the figures and the payment-day interval come from invoices the models never saw.
 */
export async function trainPaymentModel(examples: readonly TrainingExample[], options: TrainOptions = {}): Promise<PaymentModel> {
  const learner = options.learner ?? 'gradient-boosted-trees';
  const { earlier, later } = splitByTime(examples, 1 - (options.validationShare ?? VALIDATION_SHARE));
  if (earlier.length < 50 || later.length < 10) throw new NotEnoughHistoryError(`${examples.length} paid invoices are too few to learn from.`);
  if (new Set(earlier.map((e) => paymentClass(e.outcome))).size < 2) throw new NotEnoughHistoryError('Every paid invoice has the same outcome, so there is nothing to learn.');
  const customer = await trainPair(learner, earlier, 'customer');
  const population = await trainPair(learner, earlier, 'population');
  const validationFeatures = later.map((e) => e.features);
  const interval = {
    customer: residualQuantiles(raw(customer, validationFeatures, 'customer'), later),
    population: residualQuantiles(raw(population, validationFeatures, 'population'), later),
  };
  const draft: PaymentModelDescription = {
    learner,
    features: featureNames('customer'),
    populationFeatures: featureNames('population'),
    minHistory: MIN_HISTORY,
    trainingExamples: earlier.length,
    validationExamples: later.length,
    interval,
    validation: measure([], []),
    importance: [],
  };
  const validated = new PaymentModel(draft, customer, population);
  const atIssue = later.filter((e) => e.asOf === e.issuedOn);
  const validation = measure(validated.predict(atIssue.map((e) => e.features)), atIssue);
  const description = { ...draft, validation, importance: importance(validated, atIssue, validation.lateAuc) };
  if (options.refit === false) return new PaymentModel(description, customer, population);
  // Measured, the models are fitted again on every example, so that the latest invoices teach them too. The
  // figures are those of the same learner on less data, so if anything they understate the refitted models.
  validated.unload();
  return new PaymentModel(description, await trainPair(learner, examples, 'customer'), await trainPair(learner, examples, 'population'));
}
