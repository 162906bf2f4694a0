import type { CategoricalFeatureName, NumericFeatureName, PaymentFeatures } from './payment-features.ts';

// Why a prediction says what it says, in a collector's words. A reason is one feature whose value moved the risk
// score away from what a typical invoice would get (the prediction package measures the move by putting the typical
// value in its place); the customer's last payments are the plain summary the inbox shows beside the priority.

export type ReasonFeature = NumericFeatureName | CategoricalFeatureName;

export interface PredictionReason {
  readonly feature: ReasonFeature;
  /** The invoice's value of the feature when it was scored. */
  readonly value: number | string | boolean | null;
  /** The change in the risk score (0–1000) this value makes against a typical invoice's. */
  readonly effect: number;
}

/** The customer's latest paid invoices at scoring time (RECENT_INVOICES of them at most). */
export interface RecentPayments {
  readonly paid: number;
  readonly late: number;
  /** Mean days late over those invoices, the punctual ones counted as 0. */
  readonly meanDaysLate: number | null;
}

export const recentPayments = (features: PaymentFeatures): RecentPayments | null =>
  features.recentPaid === 0 ? null : { paid: features.recentPaid, late: features.recentLate, meanDaysLate: features.recentMeanDaysLate };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const days = (value: number) => plural(Math.round(value), 'day');
const percent = (share: number) => `${Math.round(100 * share)} %`;

/** "paid 4 of the last 5 invoices late, 12 days on average", or that they were all on time. */
export function describeRecentPayments(recent: RecentPayments): string {
  const last = recent.paid === 1 ? 'the last invoice' : `the last ${recent.paid} invoices`;
  if (recent.late === 0) return `paid ${last} on time`;
  // The average over the late ones is what a collector means by "12 days late on average".
  const lateMean = recent.meanDaysLate === null ? null : (recent.meanDaysLate * recent.paid) / recent.late;
  const count = recent.paid === 1 ? 'the last invoice' : recent.late === recent.paid ? `all of the last ${recent.paid} invoices` : `${recent.late} of the last ${recent.paid} invoices`;
  return lateMean === null ? `paid ${count} late` : `paid ${count} late, ${days(lateMean)} on average`;
}

const numeric = (value: PredictionReason['value']): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** One reason as a phrase; the effect's sign says whether it makes late payment more or less likely. */
export function describeReason(reason: PredictionReason): string {
  const n = numeric(reason.value);
  const phrase = featurePhrase(reason.feature, reason.value, n);
  const direction = reason.effect >= 0 ? 'raises' : 'lowers';
  return `${phrase} (${direction} the risk by ${Math.max(1, Math.round(Math.abs(reason.effect)))})`;
}

function featurePhrase(feature: ReasonFeature, value: PredictionReason['value'], n: number | null): string {
  switch (feature) {
    case 'paidInvoices':
      return n === null ? 'paid invoices unknown' : `${plural(n, 'invoice')} paid before`;
    case 'lateShare':
      return n === null ? 'no paid invoices yet' : `paid ${percent(n)} of earlier invoices late`;
    case 'meanDaysLate':
      return n === null ? 'no payment history' : `paid ${days(n)} late on average`;
    case 'medianDaysLate':
      return n === null ? 'no payment history' : `usually pays ${days(n)} late`;
    case 'p90DaysLate':
      return n === null ? 'no payment history' : `one payment in ten came more than ${days(n)} late`;
    case 'meanDaysToPay':
      return n === null ? 'no payment history' : `takes ${days(n)} to pay on average`;
    case 'lastDaysLate':
      return n === null ? 'no payment history' : n === 0 ? 'paid the last invoice on time' : `paid the last invoice ${days(n)} late`;
    case 'recentPaid':
      return n === null ? 'no recent payments' : `${plural(n, 'recent payment')}`;
    case 'recentLate':
      return n === null ? 'no recent payments' : `${plural(n, 'late payment')} among the last five`;
    case 'recentMeanDaysLate':
      return n === null ? 'no recent payments' : `recent payments ${days(n)} late on average`;
    case 'trendDaysLate':
      return n === null ? 'no trend yet' : n > 0 ? `paying ${days(n)} later than before` : n < 0 ? `paying ${days(-n)} sooner than before` : 'paying as before';
    case 'partialShare':
      return n === null ? 'no payment history' : `paid ${percent(n)} of invoices in parts`;
    case 'openInvoices':
      return `${plural(n ?? 0, 'other invoice')} open`;
    case 'overdueInvoices':
      return `${plural(n ?? 0, 'other invoice')} overdue`;
    case 'invoicesLast90Days':
      return `${plural(n ?? 0, 'invoice')} in the last 90 days`;
    case 'promisesKept':
      return `${plural(n ?? 0, 'promise')} kept`;
    case 'promisesBroken':
      return `${plural(n ?? 0, 'promise')} broken`;
    case 'promiseKeptShare':
      return n === null ? 'no promises to judge by' : `kept ${percent(n)} of promises`;
    case 'disputesOpened':
      return `${plural(n ?? 0, 'dispute')} opened before`;
    case 'meanReminderToPayDays':
      return n === null ? 'no reminder paid yet' : `pays ${days(n)} after a reminder on average`;
    case 'optedOut':
      return value === true || n === 1 ? 'opted out of a channel' : 'no opt-outs';
    case 'amountRatio':
      return n === null ? 'first invoice of this customer' : n >= 1 ? `${n.toFixed(1)} times the usual invoice amount` : `${Math.round(100 * n)} % of the usual invoice amount`;
    case 'logAmount':
      return 'the invoice amount';
    case 'termsDays':
      return `payment terms of ${days(n ?? 0)}`;
    case 'ageDays':
      return `issued ${days(n ?? 0)} ago`;
    case 'daysUntilDue':
      return n === null ? 'due date unknown' : n >= 0 ? `due in ${days(n)}` : `${days(-n)} past due`;
    case 'disputed':
      return value === true || n === 1 ? 'the invoice is disputed' : 'not disputed';
    case 'paidShare':
      return n === null || n === 0 ? 'nothing paid on it yet' : `${percent(n)} of it already paid`;
    case 'electronic':
      return n === null ? 'delivery channel unknown' : n === 1 ? 'sent electronically' : 'sent on paper';
    case 'customerType':
      return value === null ? 'customer type unknown' : `a ${String(value)} customer`;
    case 'segment':
      return value === null ? 'no segment' : `segment ${String(value)}`;
    case 'country':
      return value === null ? 'country unknown' : `based in ${String(value)}`;
  }
}
