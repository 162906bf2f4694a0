import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_AGING_BUCKETS,
  InvalidAgingBucketsError,
  InvalidKpiInputError,
  agingBucket,
  agingBucketsFromBounds,
  averageDaysDelinquent,
  bestPossibleDso,
  collectionEffectivenessIndex,
  countbackDso,
  forecastCollections,
  promiseKeptRate,
  ratioToNumber,
  recoveryRate,
  simpleDso,
  tallyPromises,
} from '../src/index.ts';

describe('ratioToNumber', () => {
  it('divides bigints and rounds half to even at two decimals', () => {
    expect(ratioToNumber(1n, 3n)).toBe(0.33);
    expect(ratioToNumber(2n, 3n)).toBe(0.67);
    // 0.125 is an exact half at two decimals: the even neighbour 0.12 wins; 0.375 goes to 0.38.
    expect(ratioToNumber(1n, 8n)).toBe(0.12);
    expect(ratioToNumber(3n, 8n)).toBe(0.38);
    expect(ratioToNumber(-1n, 3n)).toBe(-0.33);
  });

  it('answers null for a zero denominator instead of Infinity', () => {
    expect(ratioToNumber(5n, 0n)).toBeNull();
  });
});

describe('simple DSO', () => {
  it('expresses ending AR in days of the period sales', () => {
    // 45,000.00 AR / 90,000.00 sales × 90 days = 45 days.
    expect(simpleDso(4_500_000n, 9_000_000n, 90)).toBe(45);
    // 1,000.00 / 3,000.00 × 31 = 10.333… → 10.33.
    expect(simpleDso(100_000n, 300_000n, 31)).toBe(10.33);
  });

  it('is undefined without sales', () => {
    expect(simpleDso(100n, 0n, 30)).toBeNull();
  });

  it('refuses negative AR and a period of no days', () => {
    expect(() => simpleDso(-1n, 10n, 30)).toThrow(InvalidKpiInputError);
    expect(() => simpleDso(1n, 10n, 0)).toThrow(/days/);
  });
});

describe('countback DSO', () => {
  it('walks back three months and takes a share of the last, partial one', () => {
    // Ending AR 250,000 (minor units). Latest month first:
    //   March: sales 100,000, 31 days → 250,000 − 100,000 = 150,000 left, 31 days
    //   February: sales 120,000, 28 days → 150,000 − 120,000 = 30,000 left, 31 + 28 = 59 days
    //   January: sales 60,000, 31 days → partial: 30,000 / 60,000 × 31 = 15.5 days
    // DSO = 59 + 15.5 = 74.5 days, over three months.
    const result = countbackDso(250_000n, [
      { salesMinor: 100_000n, days: 31 },
      { salesMinor: 120_000n, days: 28 },
      { salesMinor: 60_000n, days: 31 },
      { salesMinor: 999_999n, days: 31 },
    ]);
    expect(result).toEqual({ days: 74.5, complete: true, monthsUsed: 3 });
  });

  it('rounds the partial month once, at the end', () => {
    // 100 left of 300 sales in a 31-day month after 30 full days: 30 + 100/300 × 31 = 30 + 10.333… = 40.33.
    expect(countbackDso(400n, [{ salesMinor: 300n, days: 30 }, { salesMinor: 300n, days: 31 }]).days).toBe(40.33);
  });

  it('counts a month covered exactly in full', () => {
    // 100 AR, 100 sales in a 30-day month: exactly 30 days.
    expect(countbackDso(100n, [{ salesMinor: 100n, days: 30 }])).toEqual({ days: 30, complete: true, monthsUsed: 1 });
  });

  it('is zero without AR', () => {
    expect(countbackDso(0n, [{ salesMinor: 100n, days: 30 }])).toEqual({ days: 0, complete: true, monthsUsed: 0 });
  });

  it('reports a lower bound when the AR is older than the sales history given', () => {
    // 500 AR against 100 + 0 sales over 31 + 30 days: 400 stays unexplained, so at least 61 days.
    expect(countbackDso(500n, [{ salesMinor: 100n, days: 31 }, { salesMinor: 0n, days: 30 }])).toEqual({
      days: 61,
      complete: false,
      monthsUsed: 2,
    });
  });
});

describe('Best Possible DSO and Average Days Delinquent', () => {
  // A 90-day period with 90,000.00 of sales; of the 45,000.00 ending AR, 30,000.00 is not yet due.
  const sales = 9_000_000n;
  const ending = 4_500_000n;
  const current = 3_000_000n;

  it('expresses the current AR in days of sales', () => {
    // 30,000.00 / 90,000.00 × 90 = 30 days.
    expect(bestPossibleDso(current, sales, 90)).toBe(30);
  });

  it('is DSO minus Best Possible DSO', () => {
    // DSO 45 − BPDSO 30 = 15 days; directly (45,000.00 − 30,000.00) / 90,000.00 × 90 = 15.
    expect(averageDaysDelinquent(ending, current, sales, 90)).toBe(15);
    expect(averageDaysDelinquent(ending, current, sales, 90)).toBe((simpleDso(ending, sales, 90) ?? 0) - (bestPossibleDso(current, sales, 90) ?? 0));
  });

  it('keeps full precision where the two rounded figures would not', () => {
    // DSO = 1000/3000 × 31 = 10.333…, BPDSO = 500/3000 × 31 = 5.1666…: ADD = 500/3000 × 31 = 5.1666… → 5.17
    // (subtracting the rounded 10.33 − 5.17 would give 5.16).
    expect(averageDaysDelinquent(1000n, 500n, 3000n, 31)).toBe(5.17);
  });
});

describe('CEI', () => {
  it('compares what was collected with what could have been', () => {
    // Beginning AR 50,000 + sales 100,000 = 150,000 available.
    // Collected = 150,000 − ending total 60,000 = 90,000.
    // Collectible = 150,000 − ending current 40,000 = 110,000.
    // CEI = 90,000 / 110,000 × 100 = 81.8181… → 81.82.
    expect(
      collectionEffectivenessIndex({
        beginningArMinor: 50_000n,
        creditSalesMinor: 100_000n,
        endingTotalArMinor: 60_000n,
        endingCurrentArMinor: 40_000n,
      }),
    ).toBe(81.82);
  });

  it('is 100 when everything that fell due was collected', () => {
    // 1,000 + 500 − 300 (all current) = 1,200 collected of 1,500 − 300 = 1,200 collectible.
    expect(collectionEffectivenessIndex({ beginningArMinor: 1000n, creditSalesMinor: 500n, endingTotalArMinor: 300n, endingCurrentArMinor: 300n })).toBe(100);
  });

  it('is undefined when nothing was collectible', () => {
    expect(collectionEffectivenessIndex({ beginningArMinor: 0n, creditSalesMinor: 500n, endingTotalArMinor: 500n, endingCurrentArMinor: 500n })).toBeNull();
  });
});

describe('recovery rate', () => {
  it('is collected over what was overdue at the start', () => {
    // 2,500 collected of 8,000 overdue = 31.25 %.
    expect(recoveryRate(2_500n, 8_000n)).toBe(31.25);
    expect(recoveryRate(0n, 0n)).toBeNull();
  });
});

describe('promise kept rate', () => {
  const promises = [
    { status: 'kept', dueDate: '2025-03-01', amountMinor: 10_000n },
    { status: 'kept', dueDate: '2025-03-10', amountMinor: 30_000n },
    { status: 'broken', dueDate: '2025-03-05', amountMinor: 60_000n },
    { status: 'kept', dueDate: '2025-03-20', amountMinor: 5_000n }, // date not passed on 2025-03-20: left out
    { status: 'open', dueDate: '2025-03-18', amountMinor: 7_000n }, // in its grace days: neither kept nor broken
    { status: 'cancelled', dueDate: '2025-03-02', amountMinor: 9_000n },
  ] as const;

  it('counts kept and broken promises whose date has passed, by count and by amount', () => {
    const tally = tallyPromises(promises, '2025-03-20');
    expect(tally).toEqual({ keptCount: 2, brokenCount: 1, keptMinor: 40_000n, brokenMinor: 60_000n });
    // By count 2 / (2 + 1) = 66.666… → 66.67 %; by amount 40,000 / (40,000 + 60,000) = 40 %.
    expect(promiseKeptRate(tally)).toEqual({ byCount: 66.67, byAmount: 40 });
  });

  it('is undefined with no judged promise', () => {
    expect(promiseKeptRate(tallyPromises([], '2025-03-20'))).toEqual({ byCount: null, byAmount: null });
  });
});

describe('aging buckets', () => {
  // The default buckets' edge days are tested with agingBucket itself (aging.test.ts).
  it('builds the default buckets from the bounds 30, 60, 90', () => {
    expect(agingBucketsFromBounds([30, 60, 90]).map((b) => [b.key, b.fromDays, b.toDays])).toEqual(
      DEFAULT_AGING_BUCKETS.map((b) => [b.key, b.fromDays, b.toDays]),
    );
  });

  it('builds other bounds and keeps the edges on the right side', () => {
    const buckets = agingBucketsFromBounds([15, 45]);
    expect(buckets.map((b) => b.key)).toEqual(['current', '1-15', '16-45', '45+']);
    expect(agingBucket(15, buckets).key).toBe('1-15');
    expect(agingBucket(16, buckets).key).toBe('16-45');
    expect(agingBucket(46, buckets).key).toBe('45+');
    expect(agingBucketsFromBounds([]).map((b) => b.key)).toEqual(['current', '0+']);
  });

  it('refuses bounds that are not ascending whole days', () => {
    expect(() => agingBucketsFromBounds([30, 30])).toThrow(InvalidAgingBucketsError);
    expect(() => agingBucketsFromBounds([0])).toThrow(/at least 1/);
    expect(() => agingBucketsFromBounds([1.5])).toThrow(/whole number/);
  });
});

describe('13-week cash forecast', () => {
  it('places promises, instalments and weighted invoices in their weeks with integer arithmetic', () => {
    const weeks = forecastCollections({
      currency: 'EUR',
      startDate: '2025-06-02',
      weeks: 3,
      scheduled: [
        { kind: 'promise', dueDate: '2025-05-30', expectedMinor: 1_000n }, // in grace: week 1
        { kind: 'promise', dueDate: '2025-06-09', expectedMinor: 2_000n }, // week 2
        { kind: 'plan', dueDate: '2025-06-22', expectedMinor: 3_000n }, // week 3 ends 2025-06-22
        { kind: 'plan', dueDate: '2025-06-23', expectedMinor: 9_999n }, // beyond the horizon
      ],
      predicted: [],
      // 10,000 falls due in week 1 and is weighted by the current bucket's 75 %: 7,500.
      fallingDue: [{ dueDate: '2025-06-04', openMinor: 10_000n }],
      // 1,000 overdue 1–30 days × 50 % = 500, spread over 3 weeks: 167, 167, 166.
      overdue: [{ bucketKey: '1-30', openMinor: 1_000n }, { bucketKey: '90+', openMinor: 5_000n }],
      rates: { current: { collectedMinor: 3n, baseMinor: 4n }, '1-30': { collectedMinor: 1n, baseMinor: 2n }, '90+': { collectedMinor: 0n, baseMinor: 0n } },
      currentBucketKey: 'current',
    });
    expect(weeks.map((w) => [w.startDate, w.endDate, w.promisesMinor, w.plansMinor, w.invoicesMinor, w.totalMinor])).toEqual([
      ['2025-06-02', '2025-06-08', 1_000n, 0n, 7_667n, 8_667n],
      ['2025-06-09', '2025-06-15', 2_000n, 0n, 167n, 2_167n],
      ['2025-06-16', '2025-06-22', 0n, 3_000n, 166n, 3_166n],
    ]);
  });

  it('places predicted invoices in full in the week of their predicted payment date, beside the weighted ones', () => {
    const weeks = forecastCollections({
      currency: 'EUR',
      startDate: '2025-06-02',
      weeks: 3,
      scheduled: [],
      predicted: [
        { payDate: '2025-05-28', openMinor: 1_001n }, // predicted before the start but still open: week 1
        { payDate: '2025-06-10', openMinor: 2_503n }, // week 2, not weighted
        { payDate: '2025-06-11', openMinor: 97n }, // week 2 as well
        { payDate: '2025-06-22', openMinor: 4_000n }, // the last day of week 3
        { payDate: '2025-06-23', openMinor: 50_000n }, // beyond the horizon: not in the forecast
      ],
      // An invoice without a prediction keeps the due-date method: 10,000 due in week 3 × 75 % = 7,500.
      fallingDue: [{ dueDate: '2025-06-20', openMinor: 10_000n }],
      overdue: [],
      rates: { current: { collectedMinor: 3n, baseMinor: 4n } },
      currentBucketKey: 'current',
    });
    expect(weeks.map((w) => [w.week, w.predictedMinor, w.invoicesMinor, w.totalMinor])).toEqual([
      [1, 1_001n, 0n, 1_001n],
      [2, 2_600n, 0n, 2_600n],
      [3, 4_000n, 7_500n, 11_500n],
    ]);
  });

  it('refuses a negative predicted amount', () => {
    expect(() =>
      forecastCollections({
        currency: 'EUR',
        startDate: '2025-06-02',
        scheduled: [],
        predicted: [{ payDate: '2025-06-03', openMinor: -1n }],
        fallingDue: [],
        overdue: [],
        rates: {},
        currentBucketKey: 'current',
      }),
    ).toThrow(InvalidKpiInputError);
  });
});
