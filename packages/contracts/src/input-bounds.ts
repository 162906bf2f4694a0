// The outer limits of what any request may carry: one place for the API's schemas, its CSV reader and the web
// app's forms. They are far beyond any real receivable and refuse only what is certainly a mistake (a date typed
// as 0001-01-01 or 2999-12-31, an amount pasted twice), before it can distort balances, KPIs or schedules.

/** 10^15 minor units: ten trillion in a currency with cents. No invoice, payment or promise comes near it. */
export const MAX_AMOUNT_MINOR = 10n ** 15n;

/** Calendar dates and timestamps lie in this range, both ends included. */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2100-12-31';

/**
 * How far ahead of the server's clock the time of something that has already happened (a payment received, a
 * call placed) may be: enough for clocks and time zones that disagree, not enough for a typo in the year.
 */
export const EVENT_FUTURE_TOLERANCE_DAYS = 2;

const DAY_MS = 86_400_000;
const EARLIEST_MS = Date.parse(`${EARLIEST_DATE}T00:00:00Z`);
const LATEST_MS = Date.parse(`${LATEST_DATE}T23:59:59.999Z`);

export const AMOUNT_BOUND_REASON = `must be at most ${MAX_AMOUNT_MINOR} minor units`;
export const DATE_RANGE_REASON = `must be between ${EARLIEST_DATE} and ${LATEST_DATE}`;
export const EVENT_FUTURE_REASON = `must not be more than ${EVENT_FUTURE_TOLERANCE_DAYS} days in the future`;

/** Why a minor-unit amount is beyond the bound, or null. */
export const amountBoundProblem = (minor: bigint): string | null => (minor > MAX_AMOUNT_MINOR ? AMOUNT_BOUND_REASON : null);

/** Why a YYYY-MM-DD date is outside the range, or null. The fixed-width form compares as text. */
export const dateRangeProblem = (date: string): string | null => (date < EARLIEST_DATE || date > LATEST_DATE ? DATE_RANGE_REASON : null);

/** Why a moment (epoch milliseconds) is outside the range, or null. */
export const instantRangeProblem = (ms: number): string | null => (!(ms >= EARLIEST_MS && ms <= LATEST_MS) ? DATE_RANGE_REASON : null);

/** Why the moment of a past event is implausible: outside the range, or too far ahead of `now`. */
export const eventInstantProblem = (ms: number, now: number): string | null =>
  instantRangeProblem(ms) ?? (ms > now + EVENT_FUTURE_TOLERANCE_DAYS * DAY_MS ? EVENT_FUTURE_REASON : null);
