import { addCalendarDays, parseCalendarDate } from '../calendar.ts';
import { allocateProRata, money, multiplyRatio } from '../money.ts';
import { InvalidKpiInputError } from './kpi-errors.ts';
import { assertMinor } from './ratio.ts';

export const FORECAST_WEEKS = 13;

/** An open promise to pay or payment-plan instalment: the debtor named the date, so it is expected in full. */
export interface ScheduledReceipt {
  kind: 'promise' | 'plan';
  dueDate: string;
  expectedMinor: bigint;
}

/** Open invoice amounts that fall due on a date inside the horizon (summed per date). */
export interface FallingDue {
  dueDate: string;
  openMinor: bigint;
}

/** Open invoice amounts already past due at the start, per aging bucket. */
export interface OverdueInBucket {
  bucketKey: string;
  openMinor: bigint;
}

/**
 * An open invoice the payment model scored: expected in full (its open amount) on the date the model predicts it is
 * paid, instead of being weighted by a bucket's rate.
 */
export interface PredictedReceipt {
  payDate: string;
  openMinor: bigint;
}

/**
 * What the portfolio historically collected of what sat in a bucket: collectedMinor / baseMinor. A bucket with no
 * history (base 0) is expected to bring nothing, rather than a guess.
 */
export interface BucketCollectionRate {
  collectedMinor: bigint;
  baseMinor: bigint;
}

export interface CashForecastInput {
  currency: string;
  /** The first day of week 1 (YYYY-MM-DD). */
  startDate: string;
  weeks?: number;
  scheduled: readonly ScheduledReceipt[];
  /** Invoices placed by their predicted payment date; they must not be in `fallingDue` or `overdue` as well. */
  predicted: readonly PredictedReceipt[];
  fallingDue: readonly FallingDue[];
  overdue: readonly OverdueInBucket[];
  /** By bucket key; the key of the bucket that holds invoices not yet due weights `fallingDue`. */
  rates: Readonly<Record<string, BucketCollectionRate>>;
  currentBucketKey: string;
}

export interface ForecastWeek {
  week: number;
  startDate: string;
  endDate: string;
  promisesMinor: bigint;
  plansMinor: bigint;
  /** Invoices expected on their predicted payment date, in full. */
  predictedMinor: bigint;
  /** Invoices without a prediction, weighted by their bucket's historical rate. */
  invoicesMinor: bigint;
  totalMinor: bigint;
}

/**
 * Expected collections per week, in integer minor units:
 * - open promises and plan instalments in full in the week of their date (ones already due but still open, in
 *   their grace days, in week 1);
 * - invoices with a predicted payment date: their open amount in full in the week of that date (a date already
 *   passed while the invoice is still open, in week 1; one beyond the horizon, nowhere);
 * - invoices falling due in a week: their open amount × the historical rate of the current bucket, in that week;
 * - invoices already overdue: open × their bucket's historical rate, spread evenly over the horizon (largest
 *   remainder, so the weeks add up to the bucket's figure exactly).
 * Weighting happens on each week's or bucket's sum with half-even rounding, never on floats.
 */
export function forecastCollections(input: CashForecastInput): ForecastWeek[] {
  const weeks = input.weeks ?? FORECAST_WEEKS;
  if (!Number.isSafeInteger(weeks) || weeks < 1 || weeks > 104) throw new InvalidKpiInputError('weeks', 'must be from 1 to 104');
  const start = parseCalendarDate(input.startDate);
  const rows: ForecastWeek[] = Array.from({ length: weeks }, (_, i) => ({
    week: i + 1,
    startDate: addCalendarDays(input.startDate, i * 7),
    endDate: addCalendarDays(input.startDate, i * 7 + 6),
    promisesMinor: 0n,
    plansMinor: 0n,
    predictedMinor: 0n,
    invoicesMinor: 0n,
    totalMinor: 0n,
  }));
  const weekOf = (date: string): number | null => {
    const index = Math.floor((parseCalendarDate(date) - start) / 7);
    if (index >= weeks) return null;
    return Math.max(index, 0);
  };

  input.scheduled.forEach((receipt, i) => {
    assertMinor(receipt.expectedMinor, `scheduled[${i}].expectedMinor`);
    const index = weekOf(receipt.dueDate);
    const row = index === null ? undefined : rows[index];
    if (!row) return;
    if (receipt.kind === 'plan') row.plansMinor += receipt.expectedMinor;
    else row.promisesMinor += receipt.expectedMinor;
  });

  input.predicted.forEach((receipt, i) => {
    assertMinor(receipt.openMinor, `predicted[${i}].openMinor`);
    const index = weekOf(receipt.payDate);
    const row = index === null ? undefined : rows[index];
    if (row) row.predictedMinor += receipt.openMinor;
  });

  const dueByWeek = new Array<bigint>(weeks).fill(0n);
  input.fallingDue.forEach((due, i) => {
    assertMinor(due.openMinor, `fallingDue[${i}].openMinor`);
    const index = weekOf(due.dueDate);
    if (index !== null) dueByWeek[index] = (dueByWeek[index] ?? 0n) + due.openMinor;
  });
  const currentRate = input.rates[input.currentBucketKey];
  dueByWeek.forEach((open, index) => {
    const row = rows[index];
    if (row) row.invoicesMinor += weighted(open, currentRate, input.currency);
  });

  input.overdue.forEach((bucket, i) => {
    assertMinor(bucket.openMinor, `overdue[${i}].openMinor`);
    const expected = weighted(bucket.openMinor, input.rates[bucket.bucketKey], input.currency);
    if (expected === 0n) return;
    const shares = allocateProRata(money(expected, input.currency), new Array<bigint>(weeks).fill(1n));
    shares.forEach((share, index) => {
      const row = rows[index];
      if (row) row.invoicesMinor += share.amountMinor;
    });
  });

  for (const row of rows) row.totalMinor = row.promisesMinor + row.plansMinor + row.predictedMinor + row.invoicesMinor;
  return rows;
}

function weighted(openMinor: bigint, rate: BucketCollectionRate | undefined, currency: string): bigint {
  if (!rate || rate.baseMinor <= 0n || openMinor === 0n) return 0n;
  // A rate above 100 % (payments on invoices issued after the base date leaking in) is capped at what is open.
  const collected = rate.collectedMinor > rate.baseMinor ? rate.baseMinor : rate.collectedMinor < 0n ? 0n : rate.collectedMinor;
  return multiplyRatio(money(openMinor, currency), collected, rate.baseMinor).amountMinor;
}
