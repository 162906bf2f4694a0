import type { CustomerHistory, HistoryInvoice } from './ledger-history.ts';

// The features of one invoice as of a day t, computed only from what the ledger knew before t: an event dated t or
// later (a payment, a settlement, a new invoice, a promise judged, a reminder) is as good as unknown. The invoice's
// own outcome is never part of its history, only the money it had received before t. A feature without the history
// to compute it is null rather than a made-up 0, so a model can tell "never late" from "never seen".

/** How many of the latest paid invoices make up the recent history (the "4 of the last 5" in an explanation). */
export const RECENT_INVOICES = 5;

/** How far back the volume features look, in days. */
const VOLUME_WINDOW_DAYS = 90;

export interface PaymentFeatures {
  // The customer's paid invoices before t.
  /** Invoices paid in full before t. */
  readonly paidInvoices: number;
  /** Share of them paid after their due date (0–1). */
  readonly lateShare: number | null;
  readonly meanDaysLate: number | null;
  readonly medianDaysLate: number | null;
  readonly p90DaysLate: number | null;
  /** Mean days from issue to payment in full. */
  readonly meanDaysToPay: number | null;
  /** Days late of the latest paid invoice (0 when it was on time). */
  readonly lastDaysLate: number | null;
  /** Of the latest RECENT_INVOICES paid invoices: how many, how many late, and their mean days late. */
  readonly recentPaid: number;
  readonly recentLate: number;
  readonly recentMeanDaysLate: number | null;
  /** Recent mean days late minus the mean of the paid invoices before them: positive when the customer slips. */
  readonly trendDaysLate: number | null;
  /** Share of the paid invoices that took more than one payment. */
  readonly partialShare: number | null;
  // The customer's other invoices still open at t.
  readonly openInvoices: number;
  readonly overdueInvoices: number;
  /** Invoices issued in the VOLUME_WINDOW_DAYS before t. */
  readonly invoicesLast90Days: number;
  // Promises, disputes, reminders and opt-outs before t.
  readonly promisesKept: number;
  readonly promisesBroken: number;
  /** kept / (kept + broken). */
  readonly promiseKeptShare: number | null;
  /** Disputes opened on the customer's other invoices. */
  readonly disputesOpened: number;
  /** Mean days from the last reminder about an invoice to its payment in full, over invoices paid before t. */
  readonly meanReminderToPayDays: number | null;
  readonly optedOut: boolean;
  // The invoice itself, as of t.
  /** Amount over the median amount of the customer's earlier invoices. */
  readonly amountRatio: number | null;
  /** log10 of the amount in major units, plus one. */
  readonly logAmount: number;
  /** Days from issue to due date. */
  readonly termsDays: number;
  /** Days from issue to t. */
  readonly ageDays: number;
  /** Days from t to the due date (negative once it is past due). */
  readonly daysUntilDue: number;
  readonly disputed: boolean;
  /** Share of the amount received before t. */
  readonly paidShare: number;
  /** 1 electronic, 0 paper, null unknown. */
  readonly electronic: number | null;
  // The customer.
  readonly customerType: string | null;
  readonly segment: string | null;
  readonly country: string | null;
}

export type NumericFeatureName = {
  [K in keyof PaymentFeatures]: PaymentFeatures[K] extends number | boolean | null ? K : never;
}[keyof PaymentFeatures];

export type CategoricalFeatureName = 'customerType' | 'segment' | 'country';

/** The numeric features in a fixed order: a model's input vector, and the names its importances are reported by. */
export const NUMERIC_FEATURES = [
  'paidInvoices',
  'lateShare',
  'meanDaysLate',
  'medianDaysLate',
  'p90DaysLate',
  'meanDaysToPay',
  'lastDaysLate',
  'recentPaid',
  'recentLate',
  'recentMeanDaysLate',
  'trendDaysLate',
  'partialShare',
  'openInvoices',
  'overdueInvoices',
  'invoicesLast90Days',
  'promisesKept',
  'promisesBroken',
  'promiseKeptShare',
  'disputesOpened',
  'meanReminderToPayDays',
  'optedOut',
  'amountRatio',
  'logAmount',
  'termsDays',
  'ageDays',
  'daysUntilDue',
  'disputed',
  'paidShare',
  'electronic',
] as const satisfies readonly NumericFeatureName[];

export const CATEGORICAL_FEATURES = ['customerType', 'segment', 'country'] as const satisfies readonly CategoricalFeatureName[];

/** Days late of a paid invoice: 0 when paid on or before its due date. */
export const daysLate = (invoice: { dueOn: number }, settledOn: number): number => Math.max(0, settledOn - invoice.dueOn);

const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

/** The q-quantile of sorted values, by linear interpolation between the closest ranks. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

const majorUnits = (invoice: HistoryInvoice): number => Number(invoice.amountMinor) / 10 ** invoice.currencyExponent;

interface PaidBefore {
  readonly invoice: HistoryInvoice;
  readonly settledOn: number;
  readonly daysLate: number;
}

/** The customer's invoices paid in full before t, oldest payment first. */
function paidBefore(ledger: CustomerHistory, self: HistoryInvoice, t: number): PaidBefore[] {
  const paid: PaidBefore[] = [];
  for (const invoice of ledger.invoices) {
    if (invoice === self || invoice.id === self.id || invoice.settledOn === null || invoice.settledOn >= t) continue;
    paid.push({ invoice, settledOn: invoice.settledOn, daysLate: daysLate(invoice, invoice.settledOn) });
  }
  return paid.sort((a, b) => a.settledOn - b.settledOn || a.invoice.issuedOn - b.invoice.issuedOn);
}

function historyFeatures(paid: readonly PaidBefore[]) {
  const lateness = paid.map((p) => p.daysLate);
  const sorted = [...lateness].sort((a, b) => a - b);
  const recent = paid.slice(-RECENT_INVOICES);
  const earlier = paid.slice(0, -RECENT_INVOICES);
  const recentMean = mean(recent.map((p) => p.daysLate));
  const earlierMean = mean(earlier.map((p) => p.daysLate));
  return {
    paidInvoices: paid.length,
    lateShare: share(lateness.filter((d) => d > 0).length, paid.length),
    meanDaysLate: mean(lateness),
    medianDaysLate: quantile(sorted, 0.5),
    p90DaysLate: quantile(sorted, 0.9),
    meanDaysToPay: mean(paid.map((p) => p.settledOn - p.invoice.issuedOn)),
    lastDaysLate: paid.length === 0 ? null : paid[paid.length - 1]!.daysLate,
    recentPaid: recent.length,
    recentLate: recent.filter((p) => p.daysLate > 0).length,
    recentMeanDaysLate: recentMean,
    trendDaysLate: recentMean === null || earlierMean === null ? null : recentMean - earlierMean,
    partialShare: share(paid.filter((p) => p.invoice.payments.filter((payment) => payment.on <= p.settledOn).length > 1).length, paid.length),
  };
}

function reminderToPay(ledger: CustomerHistory, paid: readonly PaidBefore[]): number | null {
  const settledOn = new Map(paid.map((p) => [p.invoice.id, p.settledOn]));
  const lastReminder = new Map<string, number>();
  for (const reminder of ledger.reminders) {
    const settled = reminder.invoiceId === null ? undefined : settledOn.get(reminder.invoiceId);
    if (settled === undefined || reminder.sentOn > settled) continue;
    lastReminder.set(reminder.invoiceId!, Math.max(lastReminder.get(reminder.invoiceId!) ?? -Infinity, reminder.sentOn));
  }
  return mean([...lastReminder].map(([invoiceId, sentOn]) => settledOn.get(invoiceId)! - sentOn));
}

function otherInvoiceFeatures(ledger: CustomerHistory, self: HistoryInvoice, t: number) {
  let openInvoices = 0;
  let overdueInvoices = 0;
  let invoicesLast90Days = 0;
  let disputesOpened = 0;
  const earlierAmounts: number[] = [];
  for (const invoice of ledger.invoices) {
    if (invoice === self || invoice.id === self.id || invoice.issuedOn >= t) continue;
    earlierAmounts.push(majorUnits(invoice));
    if (invoice.issuedOn >= t - VOLUME_WINDOW_DAYS) invoicesLast90Days += 1;
    disputesOpened += invoice.disputesOpenedOn.filter((day) => day < t).length;
    if (invoice.settledOn !== null && invoice.settledOn < t) continue;
    openInvoices += 1;
    if (invoice.dueOn < t) overdueInvoices += 1;
  }
  const typical = quantile(
    earlierAmounts.sort((a, b) => a - b),
    0.5,
  );
  return { openInvoices, overdueInvoices, invoicesLast90Days, disputesOpened, typicalAmount: typical };
}

/**
 * The features of `invoice` (one of `ledger.invoices`, or an invoice not yet in it) as of day `t`, from the events
 * of the ledger dated strictly before t.
 */
export function paymentFeatures(ledger: CustomerHistory, invoice: HistoryInvoice, t: number): PaymentFeatures {
  const paid = paidBefore(ledger, invoice, t);
  const others = otherInvoiceFeatures(ledger, invoice, t);
  const resolved = ledger.promises.filter((promise) => promise.madeOn < t && promise.resolvedOn !== null && promise.resolvedOn < t);
  const promisesKept = resolved.filter((promise) => promise.kept).length;
  const promisesBroken = resolved.length - promisesKept;
  const amount = majorUnits(invoice);
  const received = invoice.payments.filter((payment) => payment.on < t).reduce((sum, payment) => sum + payment.amountMinor, 0n);
  return {
    ...historyFeatures(paid),
    openInvoices: others.openInvoices,
    overdueInvoices: others.overdueInvoices,
    invoicesLast90Days: others.invoicesLast90Days,
    promisesKept,
    promisesBroken,
    promiseKeptShare: share(promisesKept, resolved.length),
    disputesOpened: others.disputesOpened,
    meanReminderToPayDays: reminderToPay(ledger, paid),
    optedOut: ledger.optOutsOn.some((day) => day < t),
    amountRatio: others.typicalAmount === null || others.typicalAmount === 0 ? null : amount / others.typicalAmount,
    logAmount: Math.log10(Math.max(0, amount) + 1),
    termsDays: invoice.dueOn - invoice.issuedOn,
    ageDays: t - invoice.issuedOn,
    daysUntilDue: invoice.dueOn - t,
    disputed: invoice.disputesOpenedOn.some((day) => day < t),
    paidShare: invoice.amountMinor > 0n ? Math.min(1, Number(received) / Number(invoice.amountMinor)) : 0,
    electronic: invoice.channel === null ? null : invoice.channel === 'electronic' ? 1 : 0,
    customerType: ledger.customer.customerType,
    segment: ledger.customer.segment,
    country: ledger.customer.country,
  };
}

/** The numeric features as a vector in NUMERIC_FEATURES order, with NaN for a missing value. */
export function numericVector(features: PaymentFeatures): number[] {
  return NUMERIC_FEATURES.map((name) => {
    const value = features[name];
    if (value === null) return Number.NaN;
    return typeof value === 'boolean' ? Number(value) : value;
  });
}
