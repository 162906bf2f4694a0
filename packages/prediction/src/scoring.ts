import {
  paymentFeatures,
  quantile,
  recentPayments,
  type CustomerHistory,
  type HistoryInvoice,
  type InvoicePredictionValues,
  type PaymentFeatures,
  type PredictionReason,
  type ReasonFeature,
  type RecentPayments,
} from '@recoup/domain';
import { PaymentModel } from './payment-model.ts';
import type { StoredModel } from './training-run.ts';

// The active model's predictions for every open invoice, as of one day: what the facts, the inbox and the cash
// forecast read until the next run. An open invoice is not paid yet, so no predicted day lies before that day.

export interface InvoiceScore extends InvoicePredictionValues {
  readonly accountId: string;
  /** The features that moved the chance of late payment most, strongest first. */
  readonly reasons: readonly PredictionReason[];
  readonly recent: RecentPayments | null;
}

/** The model's most important features are tried as reasons; the strongest few that move the chance are kept. */
const REASON_CANDIDATES = 6;
const REASONS_KEPT = 3;
/** A move smaller than this, in percentage points, is no reason. */
const MIN_EFFECT_POINTS = 2;

/** An invoice open on `day`: issued by then and not yet paid in full before it. */
export const openOn = (invoice: HistoryInvoice, day: number): boolean =>
  invoice.issuedOn <= day && (invoice.settledOn === null || invoice.settledOn >= day);

export interface PredictedPayDays {
  readonly payDay: number;
  readonly payDayLow: number;
  readonly payDayHigh: number;
}

/** The predicted payment day and interval of invoices open on `asOfDay`, none before it. */
export function predictPayDays(model: PaymentModel, open: readonly { history: CustomerHistory; invoice: HistoryInvoice }[], asOfDay: number) {
  const features = open.map(({ history, invoice }) => paymentFeatures(history, invoice, asOfDay));
  const predictions = model.predict(features);
  return open.map(({ invoice }, i) => {
    const p = predictions[i]!;
    const day = (offset: number) => Math.max(asOfDay, invoice.dueOn + Math.round(offset));
    const payDay = day(p.offsetDays);
    const days: PredictedPayDays = { payDay, payDayLow: Math.min(payDay, day(p.offsetLow)), payDayHigh: Math.max(payDay, day(p.offsetHigh)) };
    return { prediction: p, features: features[i]!, ...days };
  });
}

export function scoreOpenInvoices(model: PaymentModel, histories: readonly CustomerHistory[], asOfDay: number): InvoiceScore[] {
  const open = histories.flatMap((history) => history.invoices.filter((invoice) => openOn(invoice, asOfDay)).map((invoice) => ({ history, invoice })));
  const predicted = predictPayDays(model, open, asOfDay);
  const reasons = explain(
    model,
    predicted.map((p) => p.features),
    predicted.map((p) => p.prediction.lateProbability),
  );
  return open.map(({ history, invoice }, i) => {
    const { prediction: p, features, payDay, payDayLow, payDayHigh } = predicted[i]!;
    return {
      accountId: history.customer.customerId,
      invoiceId: invoice.id,
      lateProbability: p.lateProbability,
      veryLateProbability: p.veryLateProbability,
      payDay,
      payDayLow,
      payDayHigh,
      daysLate: Math.max(0, payDay - invoice.dueOn),
      confidence: p.confidence,
      reasons: reasons[i]!,
      recent: recentPayments(features),
    };
  });
}

type FeatureValue = PaymentFeatures[keyof PaymentFeatures];

/** The portfolio's typical value of a feature: the median of the numbers, or the most common category. */
function typicalValue(rows: readonly PaymentFeatures[], feature: ReasonFeature): FeatureValue | undefined {
  const values = rows.map((row) => row[feature]).filter((v) => v !== null);
  if (values.length === 0) return undefined;
  if (typeof values[0] === 'string') {
    const counts = new Map<FeatureValue, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  }
  if (typeof values[0] === 'boolean') return values.filter(Boolean).length * 2 > values.length;
  return quantile(values.map(Number).sort((a, b) => a - b), 0.5) ?? undefined;
}

/**
 * For each invoice, the features whose value moved its chance of late payment most: each of the model's most
 * important features in turn is set to the portfolio's typical value, and the change in the chance is the reason's
 * effect. A feature already at the typical value is no reason.
 */
export function explain(model: PaymentModel, rows: readonly PaymentFeatures[], base: readonly number[]): PredictionReason[][] {
  const candidates = model.description.importance
    .filter((entry) => entry.aucDrop > 0)
    .slice(0, REASON_CANDIDATES)
    .map((entry) => entry.feature as ReasonFeature);
  const found: PredictionReason[][] = rows.map(() => []);
  for (const feature of candidates) {
    const typical = typicalValue(rows, feature);
    if (typical === undefined) continue;
    const changed = rows.map((row, i) => ({ row, i })).filter(({ row }) => row[feature] !== typical);
    const moved = model.lateProbabilities(changed.map(({ row }) => ({ ...row, [feature]: typical })));
    changed.forEach(({ row, i }, k) => {
      const effect = 100 * (base[i]! - moved[k]!);
      if (Math.abs(effect) >= MIN_EFFECT_POINTS) found[i]!.push({ feature, value: row[feature], effect: Math.round(effect * 10) / 10 });
    });
  }
  return found.map((reasons) => reasons.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect)).slice(0, REASONS_KEPT));
}

export interface ScoringTask {
  readonly histories: readonly CustomerHistory[];
  readonly asOfDay: number;
  readonly model: StoredModel;
}

/** Loads the stored model and scores the open invoices (in the training thread). */
export async function runScoring(task: ScoringTask): Promise<InvoiceScore[]> {
  const model = await PaymentModel.load(task.model.description, task.model.parts);
  try {
    return scoreOpenInvoices(model, task.histories, task.asOfDay);
  } finally {
    model.unload();
  }
}
