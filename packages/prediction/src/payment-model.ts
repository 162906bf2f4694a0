import {
  areaUnderRoc,
  brierScore,
  intervalCoverage,
  meanAbsoluteError,
  mulberry32,
  VERY_LATE_DAYS,
  quantile,
  splitByTime,
  type PaymentFeatures,
  type TrainingExample,
} from '@recoup/domain';
import { NotEnoughHistoryError } from './errors.ts';
import { featureNames, inputTable, trainingTable, type FeatureSet } from './feature-table.ts';
import { loadForest, saveForest, trainForest, type ForestLearner, type ForestModel } from './forest-library.ts';

// Two questions about an open invoice: will it be paid late, and on which day. Each
// has a customer model, which learns from the customer's history, and a population model, which knows only the
// invoice and the kind of customer and answers for customers with too little history. The payment day comes with an
// interval, and the chance of paying very late, taken from how far the model's days missed on the latest invoices,
// which it was not trained on.

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
  /** A typical training invoice's features: the median of each number, the most common category (absent on older models). */
  readonly typicalValues?: Partial<Record<keyof PaymentFeatures, FeatureValue>>;
  /** The issue day of the first validation invoice: invoices from it on were never learned from (absent on older models). */
  readonly validationFromDay?: number;
  /** Residual quantiles of the payment day (actual minus predicted), for the customer and population models. */
  /**
   * How far the payment day missed (actual minus predicted offset) on the validation invoices, as its percentiles
   * 0.5 %, 1.5 % … 99.5 %, for the customer and population models: the interval, and the chance of paying very late,
   * are read from them.
   */
  readonly residuals: { readonly customer: readonly number[]; readonly population: readonly number[] };
  readonly validation: ValidationMetrics;
  readonly importance: readonly FeatureImportance[];
  /** How it fared against the model that was active when it was trained, and whether it should replace it. */
  readonly comparison: ModelComparison;
}

export interface ModelComparison {
  /** Validation invoices neither model had seen paid: the ones both are judged on. */
  readonly invoices: number;
  readonly candidate: ValidationMetrics | null;
  /** The active model's figures on the same invoices; for a first model, the customers' own late rates'. */
  readonly incumbent: ValidationMetrics | null;
  readonly incumbentName: string;
  readonly activate: boolean;
  readonly reason: string;
}

/** The model that is active while a new one trains, which the new one must beat to replace it. */
export interface IncumbentModel {
  readonly model: PaymentModel;
  /** Outcomes from this day on were unknown when it was trained. */
  readonly knewOutcomesBefore: number;
}

/** Fewer fresh invoices than this, and no comparison is trusted. */
export const MIN_COMPARISON_INVOICES = 30;

interface ModelPair {
  readonly lateness: ForestModel;
  readonly offset: ForestModel;
}

// One classifier, late or not: a tree per round, where three classes would take three. How late comes from the
// payment-day model and its misses.
const LATENESS = 'paidLate';
const LATE = 'late';
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
    const low = rows.map((row) => row.paidInvoices < this.description.minHistory);
    // Each model answers only for the rows it speaks for.
    const customer = answers(this.#customer, rows, 'customer', low.map((isLow) => !isLow));
    const population = answers(this.#population, rows, 'population', low);
    return rows.map((row, i) => {
      const pick = low[i] ? population[i]! : customer[i]!;
      const residuals = low[i] ? this.description.residuals.population : this.description.residuals.customer;
      // An invoice still open past its due date is late whatever the forests say, and at least as late as it is now.
      const pastDue = Math.max(0, -row.daysUntilDue);
      return {
        lateProbability: pastDue > 0 ? 1 : pick.lateProbability,
        // Very late: the share of past misses that would carry this prediction past 30 days.
        veryLateProbability: residuals.filter((r) => Math.max(pastDue, pick.offsetDays + r) > VERY_LATE_DAYS).length / residuals.length,
        offsetDays: pick.offsetDays,
        offsetLow: pick.offsetDays + quantile(residuals, INTERVAL_QUANTILES[0])!,
        offsetHigh: pick.offsetDays + quantile(residuals, INTERVAL_QUANTILES[1])!,
        confidence: low[i] ? 'low' : 'normal',
      };
    });
  }

  /**
   * A typical invoice's value of each feature: what the model learned from, or, for a model stored before it kept
   * them, the median of `rows`.
   */
  typicalValues(rows: readonly PaymentFeatures[]): Partial<Record<keyof PaymentFeatures, FeatureValue>> {
    return this.description.typicalValues ?? typicalValues(rows);
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

type RawPrediction = Pick<PaymentPrediction, 'lateProbability' | 'offsetDays'>;

function raw(pair: ModelPair, rows: readonly PaymentFeatures[], set: FeatureSet): RawPrediction[] {
  const input = inputTable(rows, set);
  // For two classes the library answers the probability of the second of its classes.
  const lateIsSecond = pair.lateness.getLabelClasses()[1] === LATE;
  const lateness = pair.lateness.predict(input);
  const offsets = pair.offset.predict(input);
  return rows.map((_, i) => ({ lateProbability: lateIsSecond ? lateness[i]! : 1 - lateness[i]!, offsetDays: offsets[i]! }));
}

/** The pair's predictions for the rows picked, at their own positions (undefined elsewhere). */
function answers(pair: ModelPair, rows: readonly PaymentFeatures[], set: FeatureSet, picked: readonly boolean[]): (RawPrediction | undefined)[] {
  const positions = picked.flatMap((yes, i) => (yes ? [i] : []));
  const predicted = positions.length === 0 ? [] : raw(pair, positions.map((i) => rows[i]!), set);
  const out: (RawPrediction | undefined)[] = new Array(rows.length);
  positions.forEach((position, k) => (out[position] = predicted[k]));
  return out;
}

async function trainPair(learner: ForestLearner, examples: readonly TrainingExample[], set: FeatureSet): Promise<ModelPair> {
  const features = examples.map((e) => e.features);
  const labels = examples.map((e) => (e.outcome.late ? LATE : 'on-time'));
  const lateness = await trainForest(learner, 'CLASSIFICATION', LATENESS, { ...trainingTable(features, set), [LATENESS]: labels });
  const offset = await trainForest(learner, 'REGRESSION', OFFSET, { ...trainingTable(features, set), [OFFSET]: examples.map((e) => e.outcome.offsetDays) });
  return { lateness, offset };
}

export type FeatureValue = PaymentFeatures[keyof PaymentFeatures];

/** Of each feature, the median of the numbers, the more common of true and false, or the most common category. */
export function typicalValues(rows: readonly PaymentFeatures[]): Partial<Record<keyof PaymentFeatures, FeatureValue>> {
  const typical: Partial<Record<keyof PaymentFeatures, FeatureValue>> = {};
  for (const feature of featureNames('customer') as (keyof PaymentFeatures)[]) {
    const values = rows.map((row) => row[feature]).filter((v) => v !== null);
    if (values.length === 0) continue;
    if (typeof values[0] === 'string') {
      const counts = new Map<FeatureValue, number>();
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
      typical[feature] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    } else if (typeof values[0] === 'boolean') {
      typical[feature] = values.filter(Boolean).length * 2 > values.length;
    } else {
      typical[feature] = quantile(values.map(Number).sort((a, b) => a - b), 0.5)!;
    }
  }
  return typical;
}

/** The percentiles 0.5 %, 1.5 % … 99.5 % of how far the payment day missed (actual minus predicted). */
function residualPercentiles(predicted: readonly RawPrediction[], examples: readonly TrainingExample[]): number[] {
  const residuals = examples.map((e, i) => e.outcome.offsetDays - predicted[i]!.offsetDays).sort((a, b) => a - b);
  return Array.from({ length: 100 }, (_, k) => quantile(residuals, (k + 0.5) / 100)!);
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
  /** The active model, to compare with; without one, the new model must beat the customers' own late rates. */
  readonly incumbent?: IncumbentModel;
  readonly validationShare?: number;
}

/**
 * Fits the models on the earlier examples by invoice date and validates them on the latest `validationShare`:
 * the figures and the payment-day interval come from invoices the models never saw.
 */
export async function trainPaymentModel(examples: readonly TrainingExample[], options: TrainOptions = {}): Promise<PaymentModel> {
  const learner = options.learner ?? 'gradient-boosted-trees';
  const { earlier, later } = splitByTime(examples, 1 - (options.validationShare ?? VALIDATION_SHARE));
  if (earlier.length < 50 || later.length < 10) throw new NotEnoughHistoryError(`${examples.length} paid invoices are too few to learn from.`);
  if (new Set(earlier.map((e) => e.outcome.late)).size < 2) throw new NotEnoughHistoryError('Every paid invoice has the same outcome, so there is nothing to learn.');
  const customer = await trainPair(learner, earlier, 'customer');
  const population = await trainPair(learner, earlier, 'population');
  const validationFeatures = later.map((e) => e.features);
  const residuals = {
    customer: residualPercentiles(raw(customer, validationFeatures, 'customer'), later),
    population: residualPercentiles(raw(population, validationFeatures, 'population'), later),
  };
  const draft: PaymentModelDescription = {
    learner,
    features: featureNames('customer'),
    populationFeatures: featureNames('population'),
    minHistory: MIN_HISTORY,
    trainingExamples: earlier.length,
    validationExamples: later.length,
    validationFromDay: later[0]!.issuedOn,
    typicalValues: typicalValues(earlier.map((e) => e.features)),
    residuals,
    validation: measure([], []),
    importance: [],
    comparison: { invoices: 0, candidate: null, incumbent: null, incumbentName: '', activate: false, reason: '' },
  };
  // The models are used as they were measured: the figures stored with them are theirs, not a relative's.
  const measured = new PaymentModel(draft, customer, population);
  const atIssue = later.filter((e) => e.asOf === e.issuedOn);
  const validation = measure(measured.predict(atIssue.map((e) => e.features)), atIssue);
  return new PaymentModel(
    { ...draft, validation, importance: importance(measured, atIssue, validation.lateAuc), comparison: compare(measured, atIssue, options.incumbent) },
    customer,
    population,
  );
}

const auc = (m: ValidationMetrics) => m.lateAuc?.toFixed(3) ?? 'n/a';
const mae = (m: ValidationMetrics) => (m.payDayMae === null ? 'n/a' : `${m.payDayMae.toFixed(1)} days`);

/** The customers' own late rates and median days late as a predictor: what a first model must beat. */
function lateRates(examples: readonly TrainingExample[]): PaymentPrediction[] {
  const known = examples.filter((e) => e.features.lateShare !== null);
  const overall = known.length === 0 ? 0.5 : known.reduce((sum, e) => sum + e.features.lateShare!, 0) / known.length;
  return examples.map((e): PaymentPrediction => {
    const offsetDays = e.features.medianDaysLate ?? 0;
    return { lateProbability: e.features.lateShare ?? overall, veryLateProbability: 0, offsetDays, offsetLow: offsetDays, offsetHigh: offsetDays, confidence: 'normal' };
  });
}

/**
 * Whether the new model should replace the active one, judged on the validation invoices paid after the active
 * model was trained, so that neither has seen their outcome: better at ranking late payers (AUC) and no worse at
 * the payment day (mean absolute error), or better at the day and no worse at ranking.
 */
export function compare(candidate: PaymentModel, validation: readonly TrainingExample[], incumbent: IncumbentModel | undefined): ModelComparison {
  const fresh = incumbent ? validation.filter((e) => e.outcome.settledOn >= incumbent.knewOutcomesBefore) : validation;
  const incumbentName = incumbent ? 'the active model' : "the customers' own late rates";
  const late = fresh.filter((e) => e.outcome.late).length;
  if (fresh.length < MIN_COMPARISON_INVOICES || late === 0 || late === fresh.length) {
    const same = fresh.length > 0 && (late === 0 || late === fresh.length) ? ', all with the same outcome' : '';
    const reason = `Kept inactive: only ${fresh.length} invoices were paid since ${incumbentName} was trained${same}, too few to compare.`;
    return { invoices: fresh.length, candidate: null, incumbent: null, incumbentName, activate: false, reason };
  }
  const features = fresh.map((e) => e.features);
  const mine = measure(candidate.predict(features), fresh);
  const theirs = measure(incumbent ? incumbent.model.predict(features) : lateRates(fresh), fresh);
  const [rank, theirRank] = [mine.lateAuc!, theirs.lateAuc!];
  const [day, theirDay] = [mine.payDayMae!, theirs.payDayMae!];
  const activate = (rank > theirRank && day <= theirDay) || (day < theirDay && rank >= theirRank);
  const figures = `AUC ${auc(mine)} against ${auc(theirs)}, payment day off by ${mae(mine)} against ${mae(theirs)}, on ${fresh.length} invoices`;
  const reason = activate ? `Activated: it beats ${incumbentName} (${figures}).` : `Kept inactive: it does not beat ${incumbentName} (${figures}).`;
  return { invoices: fresh.length, candidate: mine, incumbent: theirs, incumbentName, activate, reason };
}
