import { DomainError } from './errors.ts';
import type { CurrencyCode } from './currencies.ts';
import { InvalidAmountError } from './money-errors.ts';
import { parseCurrency } from './money.ts';
import { calendarDayOf, parseCalendarDate } from './calendar.ts';

/**
 * An aging bucket covers whole days past due from fromDays to toDays inclusive. null means unbounded: the first
 * bucket is open below (everything not yet overdue, however far ahead), the last one open above.
 */
export interface AgingBucket {
  key: string;
  label: string;
  fromDays: number | null;
  toDays: number | null;
}

export const DEFAULT_AGING_BUCKETS: readonly AgingBucket[] = Object.freeze([
  { key: 'current', label: 'Current', fromDays: null, toDays: 0 },
  { key: '1-30', label: '1–30 days', fromDays: 1, toDays: 30 },
  { key: '31-60', label: '31–60 days', fromDays: 31, toDays: 60 },
  { key: '61-90', label: '61–90 days', fromDays: 61, toDays: 90 },
  { key: '90+', label: 'Over 90 days', fromDays: 91, toDays: null },
]);

export class InvalidAgingBucketsError extends DomainError {
  readonly problems: string[];

  constructor(problems: string[]) {
    super('invalid-aging-buckets', `The aging buckets are invalid: ${problems.join(' ')}`);
    this.problems = problems;
  }
}

/** Buckets must tile every possible day count exactly once: ascending, contiguous, open at both ends. */
export function validateAgingBuckets(buckets: readonly AgingBucket[]): void {
  const problems: string[] = [];
  if (buckets.length === 0) problems.push('At least one bucket is needed.');
  const keys = new Set<string>();
  buckets.forEach((bucket, i) => {
    const name = `Bucket "${bucket.key}"`;
    if (keys.has(bucket.key)) problems.push(`${name} appears more than once.`);
    keys.add(bucket.key);
    for (const bound of [bucket.fromDays, bucket.toDays]) {
      if (bound !== null && !Number.isSafeInteger(bound)) problems.push(`${name} has a bound that is not a whole number.`);
    }
    if (i === 0 && bucket.fromDays !== null) problems.push(`${name} is the first bucket, so it must be open below.`);
    if (i > 0 && bucket.fromDays === null) problems.push(`${name} is not the first bucket, so it needs a start.`);
    if (i === buckets.length - 1 && bucket.toDays !== null) problems.push(`${name} is the last bucket, so it must be open above.`);
    if (i < buckets.length - 1 && bucket.toDays === null) problems.push(`${name} is not the last bucket, so it needs an end.`);
    if (bucket.fromDays !== null && bucket.toDays !== null && bucket.fromDays > bucket.toDays) {
      problems.push(`${name} starts after it ends.`);
    }
    const previous = buckets[i - 1];
    if (previous && previous.toDays !== null && bucket.fromDays !== null && bucket.fromDays !== previous.toDays + 1) {
      problems.push(`${name} must start at ${previous.toDays + 1}, the day after "${previous.key}" ends.`);
    }
  });
  if (problems.length > 0) throw new InvalidAgingBucketsError(problems);
}

/**
 * Whole calendar days between the due date and asOf's calendar date in timeZone: 0 on the due date, 1 the day
 * after, negative before. A Date due date is read as its calendar date in the same zone.
 */
export function daysPastDue(dueDate: string | Date, asOf: Date, timeZone = 'UTC'): number {
  const due = typeof dueDate === 'string' ? parseCalendarDate(dueDate) : calendarDayOf(dueDate, timeZone);
  return calendarDayOf(asOf, timeZone) - due;
}

export function agingBucket(days: number, buckets: readonly AgingBucket[] = DEFAULT_AGING_BUCKETS): AgingBucket {
  validateAgingBuckets(buckets);
  return findBucket(days, buckets);
}

function findBucket(days: number, buckets: readonly AgingBucket[]): AgingBucket {
  const found = buckets.find(
    (b) => (b.fromDays === null || days >= b.fromDays) && (b.toDays === null || days <= b.toDays),
  );
  // Validated buckets cover every integer, so only a non-integer day count can miss.
  if (!found) throw new InvalidAgingBucketsError([`No bucket holds ${days} days.`]);
  return found;
}

export interface AgingInput {
  dueDate: string | Date;
  openMinor: bigint;
  currency: string;
}

export interface AgingBucketTotal {
  key: string;
  label: string;
  totalMinor: bigint;
  invoiceCount: number;
}

export interface AgingRow {
  currency: CurrencyCode;
  totalMinor: bigint;
  buckets: AgingBucketTotal[];
}

/**
 * Totals open amounts per bucket, one row per currency (sorted by code), every bucket present even when zero.
 * Invoices with nothing open are not receivables and are left out.
 */
export function ageReceivables(
  invoices: readonly AgingInput[],
  asOf: Date,
  buckets: readonly AgingBucket[] = DEFAULT_AGING_BUCKETS,
  timeZone = 'UTC',
): AgingRow[] {
  validateAgingBuckets(buckets);
  const rows = new Map<CurrencyCode, AgingRow>();
  invoices.forEach((invoice, i) => {
    if (invoice.openMinor < 0n) throw new InvalidAmountError(`invoices[${i}].openMinor`, 'negative');
    if (invoice.openMinor === 0n) return;
    const currency = parseCurrency(invoice.currency);
    let row = rows.get(currency);
    if (!row) {
      row = {
        currency,
        totalMinor: 0n,
        buckets: buckets.map((b) => ({ key: b.key, label: b.label, totalMinor: 0n, invoiceCount: 0 })),
      };
      rows.set(currency, row);
    }
    const bucket = findBucket(daysPastDue(invoice.dueDate, asOf, timeZone), buckets);
    const total = row.buckets.find((b) => b.key === bucket.key);
    if (!total) throw new InvalidAgingBucketsError([`Bucket "${bucket.key}" vanished.`]);
    total.totalMinor += invoice.openMinor;
    total.invoiceCount += 1;
    row.totalMinor += invoice.openMinor;
  });
  return [...rows.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}
