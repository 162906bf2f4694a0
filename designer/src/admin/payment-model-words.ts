import type { ModelTrainingResultView, PaymentModelMetrics, PaymentModelView } from '@recoup/contracts';

// The payment models' figures in words an admin reads without a statistics course: what each measures, and what a
// good and a useless value are.

const LEARNERS: Record<string, string> = {
  'gradient-boosted-trees': 'Gradient-boosted trees',
  'random-forest': 'Random forest',
};

export const learnerLabel = (learner: string): string => LEARNERS[learner] ?? learner;

/** What the features mean, by the names the models report their importances under. */
const FEATURES: Record<string, string> = {
  paidInvoices: 'Invoices paid before',
  lateShare: 'Share paid late',
  meanDaysLate: 'Mean days late',
  medianDaysLate: 'Median days late',
  p90DaysLate: 'Days late, worst 10 %',
  meanDaysToPay: 'Mean days to pay',
  lastDaysLate: 'Days late, last invoice',
  recentPaid: 'Recent invoices paid',
  recentLate: 'Recent invoices late',
  recentMeanDaysLate: 'Recent mean days late',
  trendDaysLate: 'Trend in days late',
  partialShare: 'Share paid in parts',
  openInvoices: 'Other open invoices',
  overdueInvoices: 'Other overdue invoices',
  invoicesLast90Days: 'Invoices in 90 days',
  promisesKept: 'Promises kept',
  promisesBroken: 'Promises broken',
  promiseKeptShare: 'Share of promises kept',
  disputesOpened: 'Disputes opened',
  meanReminderToPayDays: 'Days from reminder to payment',
  optedOut: 'Opted out of reminders',
  amountRatio: 'Amount against usual',
  logAmount: 'Amount',
  termsDays: 'Payment terms',
  ageDays: 'Invoice age',
  daysUntilDue: 'Days until due',
  disputed: 'Disputed',
  paidShare: 'Share already paid',
  electronic: 'Paid electronically',
  customerType: 'Customer type',
  segment: 'Segment',
  country: 'Country',
};

/** A feature's name in words; one the page does not know is spelled out from its camelCase. */
export const featureLabel = (feature: string): string => {
  const known = FEATURES[feature];
  if (known) return known;
  const words = feature.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export const aucText = (auc: number): string => auc.toFixed(2);
export const percentText = (share: number): string => `${Math.round(share * 100)} %`;
export const daysText = (days: number): string => `${days.toFixed(1)} days`;

export interface MetricLine {
  key: string;
  text: string;
}

/** Each validation figure as a sentence; a figure that could not be measured says so. */
export function metricLines(metrics: PaymentModelMetrics): MetricLine[] {
  const unmeasured = 'not measured (too few invoices)';
  return [
    {
      key: 'late',
      text: metrics.lateAuc === null ? `Ranks late payers: ${unmeasured}` : `Ranks late payers: AUC ${aucText(metrics.lateAuc)} (1.0 is perfect, 0.5 is chance)`,
    },
    {
      key: 'very-late',
      text:
        metrics.veryLateAuc === null
          ? `Ranks very late payers (over 30 days): ${unmeasured}`
          : `Ranks very late payers (over 30 days): AUC ${aucText(metrics.veryLateAuc)}`,
    },
    {
      key: 'brier',
      text:
        metrics.lateBrier === null
          ? `Chance of paying late: ${unmeasured}`
          : `Chance of paying late off by a Brier score of ${metrics.lateBrier.toFixed(3)} (0 is perfect, 0.25 is a coin toss)`,
    },
    { key: 'day', text: metrics.payDayMae === null ? `Payment day: ${unmeasured}` : `Payment day off by ${daysText(metrics.payDayMae)} on average` },
    {
      key: 'range',
      text:
        metrics.intervalCoverage === null
          ? `Predicted range: ${unmeasured}`
          : `${percentText(metrics.intervalCoverage)} of payments fell inside the predicted range (80 % is the aim)`,
    },
  ];
}

/** How many invoices a model learned from and was checked on. */
export function trainedOnText(model: Pick<PaymentModelView, 'trainingExamples' | 'validationExamples'>): string {
  if (model.trainingExamples === null) return 'How many invoices it learned from was not recorded.';
  const checked = model.validationExamples === null ? '' : `, and checked on the ${plural(model.validationExamples, 'later one')} it had not seen`;
  return `Learned from ${plural(model.trainingExamples, 'paid invoice')}${checked}.`;
}

/** The comparison with the model it was to replace, on the invoices neither had seen paid. */
export function comparisonText(comparison: NonNullable<PaymentModelView['comparison']>): string | null {
  const { candidate, incumbent, incumbentName, invoices } = comparison;
  if (!candidate || !incumbent) return null;
  const parts: string[] = [];
  if (candidate.lateAuc !== null && incumbent.lateAuc !== null) parts.push(`AUC ${aucText(candidate.lateAuc)} against ${aucText(incumbent.lateAuc)}`);
  if (candidate.payDayMae !== null && incumbent.payDayMae !== null) {
    parts.push(`payment day off by ${daysText(candidate.payDayMae)} against ${daysText(incumbent.payDayMae)}`);
  }
  if (parts.length === 0) return null;
  return `Against ${incumbentName || 'the model before'} on ${plural(invoices, 'invoice')} neither had seen paid: ${parts.join('; ')}.`;
}

/** What a finished training run did, in one sentence. */
export function outcomeText(result: ModelTrainingResultView): string {
  const scored = result.scored === null ? '' : ` ${plural(result.scored, 'open invoice')} scored again with the active model.`;
  switch (result.status) {
    case 'active':
      return `Trained on ${plural(result.invoices, 'paid invoice')}: the new model is now the active one. ${result.reason}${scored}`;
    case 'inactive':
      return `Trained on ${plural(result.invoices, 'paid invoice')}; the new model is stored but not active. ${result.reason}${scored}`;
    case 'skipped':
      return `No model was trained. ${result.reason}${scored}`;
  }
}
