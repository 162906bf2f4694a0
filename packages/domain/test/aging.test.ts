import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_AGING_BUCKETS,
  InvalidAgingBucketsError,
  InvalidCurrencyError,
  InvalidDateError,
  InvalidTimeZoneError,
  ageReceivables,
  agingBucket,
  daysPastDue,
  validateAgingBuckets,
  type AgingBucket,
} from '../src/index.ts';

const asOf = new Date('2025-06-15T10:00:00Z');

describe('daysPastDue', () => {
  it('counts calendar days from the due date', () => {
    expect(daysPastDue('2025-06-15', asOf)).toBe(0);
    expect(daysPastDue('2025-06-14', asOf)).toBe(1);
    expect(daysPastDue('2025-05-16', asOf)).toBe(30);
    expect(daysPastDue('2025-06-20', asOf)).toBe(-5);
    expect(daysPastDue('2024-06-15', asOf)).toBe(365);
  });

  it('uses the calendar date of asOf in the given time zone', () => {
    const lateEvening = new Date('2025-06-15T23:30:00Z');
    expect(daysPastDue('2025-06-15', lateEvening, 'UTC')).toBe(0);
    expect(daysPastDue('2025-06-15', lateEvening, 'Europe/Berlin')).toBe(1);
    expect(daysPastDue('2025-06-15', new Date('2025-06-15T02:00:00Z'), 'America/New_York')).toBe(-1);
  });

  it('reads a Date due date as its calendar date in the same zone', () => {
    expect(daysPastDue(new Date('2025-06-10T23:00:00Z'), asOf, 'UTC')).toBe(5);
    expect(daysPastDue(new Date('2025-06-10T23:00:00Z'), asOf, 'Asia/Tokyo')).toBe(4);
  });

  it('counts across a daylight saving change without losing a day', () => {
    expect(daysPastDue('2025-03-29', new Date('2025-03-31T12:00:00Z'), 'Europe/Berlin')).toBe(2);
  });

  it('refuses malformed or impossible dates and unknown zones', () => {
    expect(() => daysPastDue('2025-02-30', asOf)).toThrow(InvalidDateError);
    expect(() => daysPastDue('15.06.2025', asOf)).toThrow(InvalidDateError);
    expect(() => daysPastDue('2025-06-15', new Date('nope'))).toThrow(InvalidDateError);
    expect(() => daysPastDue('2025-06-15', asOf, 'Mars/Olympus')).toThrow(InvalidTimeZoneError);
  });
});

describe('agingBucket', () => {
  it('puts the boundaries in the right default bucket', () => {
    const keyOf = (days: number) => agingBucket(days).key;
    expect(keyOf(-10)).toBe('current');
    expect(keyOf(0)).toBe('current');
    expect(keyOf(1)).toBe('1-30');
    expect(keyOf(30)).toBe('1-30');
    expect(keyOf(31)).toBe('31-60');
    expect(keyOf(60)).toBe('31-60');
    expect(keyOf(61)).toBe('61-90');
    expect(keyOf(90)).toBe('61-90');
    expect(keyOf(91)).toBe('90+');
    expect(keyOf(10_000)).toBe('90+');
  });

  it('uses custom buckets', () => {
    const buckets: AgingBucket[] = [
      { key: 'not-due', label: 'Not due', fromDays: null, toDays: 0 },
      { key: 'late', label: 'Late', fromDays: 1, toDays: 14 },
      { key: 'very-late', label: 'Very late', fromDays: 15, toDays: null },
    ];
    expect(agingBucket(14, buckets).key).toBe('late');
    expect(agingBucket(15, buckets).key).toBe('very-late');
  });
});

describe('validateAgingBuckets', () => {
  const expectProblem = (buckets: AgingBucket[], pattern: RegExp) => {
    try {
      validateAgingBuckets(buckets);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidAgingBucketsError);
      expect((error as InvalidAgingBucketsError).problems.join(' ')).toMatch(pattern);
      return;
    }
    throw new Error('expected the buckets to be refused');
  };

  it('accepts the default buckets', () => {
    expect(() => validateAgingBuckets(DEFAULT_AGING_BUCKETS)).not.toThrow();
  });

  it('refuses a gap between buckets', () => {
    expectProblem(
      [
        { key: 'a', label: 'A', fromDays: null, toDays: 0 },
        { key: 'b', label: 'B', fromDays: 2, toDays: null },
      ],
      /must start at 1/,
    );
  });

  it('refuses overlapping or descending buckets', () => {
    expectProblem(
      [
        { key: 'a', label: 'A', fromDays: null, toDays: 30 },
        { key: 'b', label: 'B', fromDays: 10, toDays: 5 },
        { key: 'c', label: 'C', fromDays: 6, toDays: null },
      ],
      /starts after it ends/,
    );
  });

  it('refuses buckets that are not open at both ends, and duplicate keys', () => {
    expectProblem([{ key: 'a', label: 'A', fromDays: 0, toDays: null }], /open below/);
    expectProblem([{ key: 'a', label: 'A', fromDays: null, toDays: 5 }], /open above/);
    expectProblem(
      [
        { key: 'a', label: 'A', fromDays: null, toDays: 0 },
        { key: 'a', label: 'A', fromDays: 1, toDays: null },
      ],
      /more than once/,
    );
    expectProblem([], /At least one/);
  });
});

describe('ageReceivables', () => {
  it('totals open amounts per bucket per currency', () => {
    const rows = ageReceivables(
      [
        { dueDate: '2025-06-20', openMinor: 100n, currency: 'EUR' },
        { dueDate: '2025-06-15', openMinor: 50n, currency: 'EUR' },
        { dueDate: '2025-06-14', openMinor: 7n, currency: 'EUR' },
        { dueDate: '2025-05-16', openMinor: 3n, currency: 'EUR' },
        { dueDate: '2025-05-15', openMinor: 1000n, currency: 'EUR' },
        { dueDate: '2025-03-17', openMinor: 9n, currency: 'EUR' },
        { dueDate: '2025-03-16', openMinor: 11n, currency: 'EUR' },
        { dueDate: '2025-01-01', openMinor: 5000n, currency: 'JPY' },
        { dueDate: '2025-01-01', openMinor: 0n, currency: 'JPY' },
      ],
      asOf,
    );
    expect(rows.map((r) => r.currency)).toEqual(['EUR', 'JPY']);
    const [eur, jpy] = rows;
    expect(eur?.totalMinor).toBe(1180n);
    expect(eur?.buckets.map((b) => [b.key, b.totalMinor, b.invoiceCount])).toEqual([
      ['current', 150n, 2],
      ['1-30', 10n, 2],
      ['31-60', 1000n, 1],
      ['61-90', 9n, 1],
      ['90+', 11n, 1],
    ]);
    expect(jpy?.buckets.map((b) => b.totalMinor)).toEqual([0n, 0n, 0n, 0n, 5000n]);
    expect(jpy?.buckets.find((b) => b.key === '90+')?.invoiceCount).toBe(1);
  });

  it('returns no rows for no receivables', () => {
    expect(ageReceivables([], asOf)).toEqual([]);
  });

  it('refuses unknown currencies and invalid bucket configurations', () => {
    expect(() => ageReceivables([{ dueDate: '2025-06-01', openMinor: 1n, currency: 'XXX' }], asOf)).toThrow(
      InvalidCurrencyError,
    );
    expect(() => ageReceivables([], asOf, [{ key: 'a', label: 'A', fromDays: 1, toDays: null }])).toThrow(
      InvalidAgingBucketsError,
    );
  });
});
