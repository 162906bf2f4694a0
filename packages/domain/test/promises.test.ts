import { describe, expect, it } from '@jest/globals';
import {
  InvalidPaymentPlanError,
  InvalidPromiseError,
  PROMISE_MAX_DAYS_AHEAD,
  addCalendarDays,
  assertValidPromise,
  judgePromise,
  matchPaymentToPromises,
  planInstallments,
  promiseDeadline,
  promiseProblems,
  type MatchablePromise,
} from '../src/index.ts';

const promise = (id: string, amountMinor: bigint, dueDate: string, createdAt: string, paidMinor = 0n): MatchablePromise => ({
  id,
  amountMinor,
  paidMinor,
  dueDate,
  createdAt,
});

describe('matchPaymentToPromises', () => {
  it('pays the oldest promise in full first and gives the rest to the next one', () => {
    const first = promise('p1', 5_000n, '2026-12-01', '2026-11-20T10:00:00Z');
    const second = promise('p2', 3_000n, '2026-12-15', '2026-11-20T09:00:00Z');
    expect(matchPaymentToPromises([second, first], 6_000n)).toEqual([
      { promiseId: 'p1', amountMinor: 5_000n, keptNow: true },
      { promiseId: 'p2', amountMinor: 1_000n, keptNow: false },
    ]);
  });

  it('orders promises with the same date by when they were recorded', () => {
    const later = promise('a-later', 1_000n, '2026-12-01', '2026-11-21T00:00:00Z');
    const earlier = promise('z-earlier', 1_000n, '2026-12-01', '2026-11-20T00:00:00Z');
    expect(matchPaymentToPromises([later, earlier], 1_500n)).toEqual([
      { promiseId: 'z-earlier', amountMinor: 1_000n, keptNow: true },
      { promiseId: 'a-later', amountMinor: 500n, keptNow: false },
    ]);
  });

  it('counts what a promise was paid already and leaves a surplus unmatched', () => {
    const partly = promise('p1', 5_000n, '2026-12-01', '2026-11-20T00:00:00Z', 4_000n);
    const paid = promise('p0', 2_000n, '2026-11-30', '2026-11-20T00:00:00Z', 2_000n);
    expect(matchPaymentToPromises([partly, paid], 9_000n)).toEqual([{ promiseId: 'p1', amountMinor: 1_000n, keptNow: true }]);
  });

  it('matches nothing when there is no open promise or no money', () => {
    expect(matchPaymentToPromises([], 1_000n)).toEqual([]);
    expect(matchPaymentToPromises([promise('p1', 100n, '2026-12-01', '2026-11-20T00:00:00Z')], 0n)).toEqual([]);
  });
});

describe('promiseDeadline and judgePromise', () => {
  it('ends the grace period at midnight after its last day on the debtor wall clock', () => {
    // 2026-12-01 plus 3 days is 2026-12-04; Berlin is UTC+1 in winter, so that day ends at 23:00 UTC.
    expect(promiseDeadline('2026-12-01', 3, 'Europe/Berlin').toISOString()).toBe('2026-12-04T23:00:00.000Z');
    expect(promiseDeadline('2026-07-01', 0, 'America/New_York').toISOString()).toBe('2026-07-02T04:00:00.000Z');
  });

  const until = '2026-12-04T23:00:00.000Z';

  it('keeps a promise open before its deadline and breaks it from the deadline on when unpaid', () => {
    const p = { status: 'open' as const, amountMinor: 5_000n, paidMinor: 4_999n, until };
    expect(judgePromise(p, new Date('2026-12-04T22:59:59.999Z'))).toBe('open');
    expect(judgePromise(p, new Date('2026-12-04T23:00:00.000Z'))).toBe('broken');
  });

  it('judges a promise paid in full kept, even when asked after its deadline', () => {
    const p = { status: 'open' as const, amountMinor: 5_000n, paidMinor: 5_000n, until };
    expect(judgePromise(p, new Date('2027-01-01T00:00:00Z'))).toBe('kept');
  });

  it('keeps an earlier judgement and treats a cancelled promise as not kept', () => {
    expect(judgePromise({ status: 'kept', amountMinor: 1n, paidMinor: 1n, until }, new Date('2030-01-01T00:00:00Z'))).toBe('kept');
    expect(judgePromise({ status: 'broken', amountMinor: 1n, paidMinor: 1n, until }, new Date('2020-01-01T00:00:00Z'))).toBe('broken');
    expect(judgePromise({ status: 'cancelled', amountMinor: 1n, paidMinor: 0n, until }, new Date('2020-01-01T00:00:00Z'))).toBe('broken');
  });
});

describe('planInstallments', () => {
  it('splits 100.00 into three installments a month apart that add up exactly, extra cent first', () => {
    expect(planInstallments(10_000n, 'EUR', 3, '2026-12-01', 30)).toEqual([
      { dueDate: '2026-12-01', amountMinor: 3_334n },
      { dueDate: '2026-12-31', amountMinor: 3_333n },
      { dueDate: '2027-01-30', amountMinor: 3_333n },
    ]);
  });

  it('spreads a remainder of several units over the first installments', () => {
    const plan = planInstallments(1_003n, 'JPY', 4, '2026-02-26', 7);
    expect(plan).toEqual([
      { dueDate: '2026-02-26', amountMinor: 251n },
      { dueDate: '2026-03-05', amountMinor: 251n },
      { dueDate: '2026-03-12', amountMinor: 251n },
      { dueDate: '2026-03-19', amountMinor: 250n },
    ]);
    expect(plan.reduce((sum, i) => sum + i.amountMinor, 0n)).toBe(1_003n);
  });

  it('refuses a balance too small to give every installment a unit, and a bad count or interval, naming the field', () => {
    expect(() => planInstallments(2n, 'EUR', 3, '2026-12-01', 30)).toThrow(/balanceMinor 2 cannot be split into 3/);
    const fieldOf = (fn: () => unknown): string | undefined => {
      try {
        fn();
      } catch (error) {
        if (error instanceof InvalidPaymentPlanError) return error.field;
        throw error;
      }
      return undefined;
    };
    expect(fieldOf(() => planInstallments(100n, 'EUR', 0, '2026-12-01', 30))).toBe('installments');
    expect(fieldOf(() => planInstallments(100n, 'EUR', 2, '2026-12-01', 0))).toBe('intervalDays');
  });
});

describe('promise validation', () => {
  const context = { collectibleMinor: 20_000n, accountCurrency: 'EUR', today: '2026-11-24' };
  const valid = { amountMinor: 5_000n, currency: 'EUR', dueDate: '2026-12-01', graceDays: 3 };
  const fields = (input: Partial<typeof valid>): string[] => promiseProblems({ ...valid, ...input }, context).map((p) => p.field);

  it('accepts a promise within the balance, dated today up to 90 days ahead, with 0 to 30 days grace', () => {
    expect(promiseProblems(valid, context)).toEqual([]);
    expect(fields({ dueDate: '2026-11-24', graceDays: 0 })).toEqual([]);
    expect(fields({ dueDate: addCalendarDays('2026-11-24', PROMISE_MAX_DAYS_AHEAD), graceDays: 30, amountMinor: 20_000n })).toEqual([]);
  });

  it('refuses a promise dated in the past or beyond 90 days, naming dueDate', () => {
    const past = promiseProblems({ ...valid, dueDate: '2026-11-23' }, context);
    expect(past).toEqual([{ field: 'dueDate', code: 'in-the-past', message: expect.stringContaining('2026-11-24') }]);
    expect(promiseProblems({ ...valid, dueDate: '2027-02-23' }, context)).toEqual([
      { field: 'dueDate', code: 'too-far-ahead', message: expect.stringContaining('latest is 2027-02-22') },
    ]);
    expect(fields({ dueDate: '2026-02-30' })).toEqual(['dueDate']);
  });

  it('refuses a zero amount, an amount above the collectible balance and another currency, naming the field', () => {
    expect(fields({ amountMinor: 0n })).toEqual(['amount.amountMinor']);
    expect(promiseProblems({ ...valid, amountMinor: 20_001n }, context)[0]).toMatchObject({
      field: 'amount.amountMinor',
      code: 'above-collectible',
    });
    expect(fields({ currency: 'USD' })).toEqual(['amount.currency']);
  });

  it('refuses grace periods outside 0 to 30 days', () => {
    expect(fields({ graceDays: 31 })).toEqual(['graceDays']);
    expect(fields({ graceDays: -1 })).toEqual(['graceDays']);
    expect(fields({ graceDays: 1.5 })).toEqual(['graceDays']);
  });

  it('throws one error listing every problem', () => {
    let caught: unknown;
    try {
      assertValidPromise({ amountMinor: 0n, currency: 'USD', dueDate: '2020-01-01', graceDays: 99 }, context);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidPromiseError);
    expect((caught as InvalidPromiseError).problems.map((p) => p.field)).toEqual(['amount.amountMinor', 'amount.currency', 'dueDate', 'graceDays']);
  });
});
