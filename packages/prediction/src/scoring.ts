import {
  paymentFeatures,
  recentPayments,
  type CustomerHistory,
  type HistoryInvoice,
  type InvoicePredictionValues,
  type PaymentFeatures,
  type PredictionReason,
  type ReasonFeature,
  type RecentPayments,
} from '@recoup/domain';
import { PaymentModel, type PaymentPrediction } from './payment-model.ts';
import type { StoredModel } from './training-run.ts';

// The active model's predictions for every open invoice, as of one day: what the facts, the inbox and the cash
// forecast read until the next run. An open invoice is not paid yet, so no predicted day lies before that day.

export interface InvoiceScore extends InvoicePredictionValues {
  readonly accountId: string;
  /** The features that moved the risk score most, strongest first. */
  readonly reasons: readonly PredictionReason[];
  readonly recent: RecentPayments | null;
}

/** The model's most important features are tried as reasons; the strongest few that move the risk are kept. */
const REASON_CANDIDATES = 8;
const REASONS_KEPT = 3;
/** A move of the risk score (0–1000) smaller than this is no reason. */
const MIN_EFFECT = 20;

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
    predicted.map((p) => p.prediction),
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

/**
 * For each invoice, the features whose value moved its risk most: the risk score's share of it, 0–1000, half the
 * chance of paying late and half the chance of paying very late, as the account's risk is made (account-risk.ts).
 * The model's most important features are set to a typical invoice's values (the median of what it learned from)
 * one after the other, most important first, and each step's change in the risk is that feature's effect. The
 * effects add up to the distance from a typical invoice, and of features that say the same thing (days late on
 * average and share paid late) the more important one gets the credit, rather than neither, as when each alone is
 * changed and the others still tell the model the same story.
 */
export function explain(
  model: PaymentModel,
  rows: readonly PaymentFeatures[],
  predictions: readonly PaymentPrediction[] = model.predict(rows),
): PredictionReason[][] {
  const typical = model.typicalValues(rows);
  const candidates = model.description.importance
    .filter((entry) => entry.aucDrop > 0)
    .slice(0, REASON_CANDIDATES)
    .map((entry) => entry.feature as ReasonFeature)
    .filter((feature) => typical[feature] !== undefined);
  const found: PredictionReason[][] = rows.map(() => []);
  const current = rows.map((row) => ({ ...row }));
  const start = riskOf(predictions);
  const risk = [...start];
  for (const feature of candidates) {
    const changed = current.flatMap((row, i) => (row[feature] === typical[feature] ? [] : [i]));
    const next = changed.map((i) => ({ ...current[i]!, [feature]: typical[feature] }) as PaymentFeatures);
    const moved = riskOf(model.predict(next));
    changed.forEach((i, k) => {
      const effect = risk[i]! - moved[k]!;
      if (Math.abs(effect) >= MIN_EFFECT) found[i]!.push({ feature, value: rows[i]![feature], effect: Math.round(effect) });
      current[i] = next[k]!;
      risk[i] = moved[k]!;
    });
  }
  // The reasons say why the risk is above or below a typical invoice's: a step against that direction (the forests
  // answering for a mix of values no invoice has) explains nothing a collector could act on.
  return found.map((reasons, i) =>
    reasons
      .filter((reason) => Math.sign(reason.effect) === Math.sign(start[i]! - risk[i]!))
      .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect))
      .slice(0, REASONS_KEPT),
  );
}

const riskOf = (predictions: readonly PaymentPrediction[]) => predictions.map((p) => (1000 * (p.lateProbability + p.veryLateProbability)) / 2);

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
