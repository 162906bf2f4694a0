import { describe, expect, it } from '@jest/globals';
import { backtestForecast, describeReason, describeRecentPayments, parseCalendarDate } from '../src/index.ts';

describe('the words a prediction is explained in', () => {
  it('says "paid 4 of the last 5 invoices late, 12 days on average" from the mean over all five', () => {
    expect(describeRecentPayments({ paid: 5, late: 4, meanDaysLate: 9.6 })).toBe('paid 4 of the last 5 invoices late, 12 days on average');
  });

  it('says a customer paid every recent invoice on time, or every one late', () => {
    expect(describeRecentPayments({ paid: 5, late: 0, meanDaysLate: 0 })).toBe('paid the last 5 invoices on time');
    expect(describeRecentPayments({ paid: 3, late: 3, meanDaysLate: 20 })).toBe('paid all of the last 3 invoices late, 20 days on average');
    expect(describeRecentPayments({ paid: 1, late: 1, meanDaysLate: 1 })).toBe('paid the last invoice late, 1 day on average');
  });

  it('names the feature, its value and which way and how far it moved the risk score', () => {
    expect(describeReason({ feature: 'lateShare', value: 0.8, effect: 314 })).toBe('paid 80 % of earlier invoices late (raises the risk by 314)');
    expect(describeReason({ feature: 'trendDaysLate', value: 9, effect: 120 })).toBe('paying 9 days later than before (raises the risk by 120)');
    expect(describeReason({ feature: 'daysUntilDue', value: -4, effect: -32 })).toBe('4 days past due (lowers the risk by 32)');
    expect(describeReason({ feature: 'segment', value: 'key-account', effect: -20 })).toBe('segment key-account (lowers the risk by 20)');
  });
});

describe('the backtest of one past forecast', () => {
  const origin = parseCalendarDate('2026-03-02');
  it('counts an invoice towards a forecast when its predicted or due day falls in the window, and what was applied in it', () => {
    const rows = backtestForecast(
      origin,
      [
        // Predicted inside the four weeks, due inside, paid inside.
        { currency: 'EUR', openMinor: 100_00n, predictedPayDay: origin + 10, dueDay: origin + 5, payments: [{ on: origin + 12, amountMinor: 100_00n }] },
        // Due inside but predicted after the window, and indeed paid after it.
        { currency: 'EUR', openMinor: 50_00n, predictedPayDay: origin + 40, dueDay: origin + 3, payments: [{ on: origin + 45, amountMinor: 50_00n }] },
        // Overdue at the origin counts as due at once; part of it was paid before the origin, which is not collected.
        { currency: 'EUR', openMinor: 30_00n, predictedPayDay: origin + 2, dueDay: origin - 20, payments: [{ on: origin - 3, amountMinor: 10_00n }, { on: origin + 1, amountMinor: 30_00n }] },
        { currency: 'USD', openMinor: 70_00n, predictedPayDay: origin + 27, dueDay: origin + 28, payments: [] },
        // Nothing open: not part of the book.
        { currency: 'USD', openMinor: 0n, predictedPayDay: origin, dueDay: origin, payments: [] },
      ],
      4,
    );
    expect(rows).toEqual([
      { originDate: '2026-03-02', currency: 'EUR', forecastMinor: '13000', dueDateForecastMinor: '18000', collectedMinor: '13000', invoices: 3 },
      { originDate: '2026-03-02', currency: 'USD', forecastMinor: '7000', dueDateForecastMinor: '0', collectedMinor: '0', invoices: 1 },
    ]);
  });

  it('never counts more collected on an invoice than was open on it', () => {
    const [row] = backtestForecast(origin, [{ currency: 'EUR', openMinor: 10_00n, predictedPayDay: origin, dueDay: origin, payments: [{ on: origin, amountMinor: 25_00n }] }]);
    expect(row?.collectedMinor).toBe('1000');
  });
});
