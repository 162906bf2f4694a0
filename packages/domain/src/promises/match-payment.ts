/** An open promise as the matching needs it. */
export interface MatchablePromise {
  id: string;
  amountMinor: bigint;
  paidMinor: bigint;
  /** The promised date, YYYY-MM-DD. */
  dueDate: string;
  createdAt: Date | string;
}

export interface PromiseMatch {
  promiseId: string;
  amountMinor: bigint;
  /** This share pays the promise in full. */
  keptNow: boolean;
}

const instant = (value: Date | string): number => (value instanceof Date ? value.getTime() : Date.parse(value));

/** Oldest promised date first, then the promise recorded first (then id, so the order is total and repeatable). */
export const byPromiseAge = (a: MatchablePromise, b: MatchablePromise): number =>
  a.dueDate.localeCompare(b.dueDate) || instant(a.createdAt) - instant(b.createdAt) || a.id.localeCompare(b.id);

/**
 * Matches a payment to open promises first in, first out: the oldest promise takes what it still lacks, the next
 * one takes what is left, and so on. A payment larger than every promise leaves the rest unmatched.
 */
export function matchPaymentToPromises(openPromises: readonly MatchablePromise[], amountMinor: bigint): PromiseMatch[] {
  const matches: PromiseMatch[] = [];
  let left = amountMinor;
  for (const promise of [...openPromises].sort(byPromiseAge)) {
    if (left <= 0n) break;
    const lacking = promise.amountMinor - promise.paidMinor;
    if (lacking <= 0n) continue;
    const share = lacking < left ? lacking : left;
    matches.push({ promiseId: promise.id, amountMinor: share, keptNow: share === lacking });
    left -= share;
  }
  return matches;
}
