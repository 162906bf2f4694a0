import { DEFAULT_AGING_BUCKETS, InvalidAgingBucketsError, validateAgingBuckets, type AgingBucket } from '../aging.ts';

/** The upper bounds of the default buckets: current, 1–30, 31–60, 61–90, over 90. */
export const DEFAULT_AGING_BOUNDS: readonly number[] = Object.freeze([30, 60, 90]);

/**
 * Buckets from the last day of each overdue bucket, e.g. [30, 60, 90] gives current (not yet due, or due today),
 * 1–30, 31–60, 61–90 and over 90 days past due. Bounds must be ascending whole days of at least 1.
 */
export function agingBucketsFromBounds(bounds: readonly number[]): AgingBucket[] {
  const problems: string[] = [];
  bounds.forEach((bound, i) => {
    if (!Number.isSafeInteger(bound) || bound < 1) problems.push(`Bound ${i + 1} (${bound}) must be a whole number of days, at least 1.`);
    const previous = bounds[i - 1];
    if (previous !== undefined && bound <= previous) problems.push(`Bound ${i + 1} (${bound}) must be greater than ${previous}.`);
  });
  if (problems.length > 0) throw new InvalidAgingBucketsError(problems);
  const current = DEFAULT_AGING_BUCKETS[0];
  const buckets: AgingBucket[] = [{ key: current?.key ?? 'current', label: current?.label ?? 'Current', fromDays: null, toDays: 0 }];
  let from = 1;
  for (const bound of bounds) {
    buckets.push({ key: `${from}-${bound}`, label: `${from}–${bound} days`, fromDays: from, toDays: bound });
    from = bound + 1;
  }
  const last = from - 1;
  buckets.push({ key: `${last}+`, label: last === 0 ? 'Past due' : `Over ${last} days`, fromDays: from, toDays: null });
  validateAgingBuckets(buckets);
  return buckets;
}
