/** The furthest ahead a promise may be dated: beyond that it is a payment plan, not a promise. */
export const PROMISE_MAX_DAYS_AHEAD = 90;
/** The longest grace period after a promised date before an unpaid promise counts as broken. */
export const PROMISE_MAX_GRACE_DAYS = 30;
/** The grace period when the person recording a promise gives none. */
export const PROMISE_DEFAULT_GRACE_DAYS = 3;

export const PROMISE_STATUSES = ['open', 'kept', 'broken', 'cancelled'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

/** How a promise stands once judged; 'open' means it still runs. */
export type PromiseJudgement = 'open' | 'kept' | 'broken';
