import { assertDays, assertMinor, ratioToNumber } from './ratio.ts';

export interface MonthOfSales {
  /** Credit sales invoiced in the month (or the part of it inside the period). */
  salesMinor: bigint;
  /** Days the month counts for: a full calendar month, or the days up to the period end for the latest one. */
  days: number;
}

export interface CountbackDso {
  /** Days of sales the ending AR represents; rounded to two decimals. */
  days: number;
  /**
   * False when the months given were used up before the AR was: the AR is older than the sales history, so `days`
   * is a lower bound.
   */
  complete: boolean;
  /** How many months the walk used, the partial last one included. */
  monthsUsed: number;
}

/**
 * Countback DSO: start from the ending AR and walk back month by month (latest first), subtracting each month's
 * sales and adding its days while the AR covers the month's sales in full. The month that covers the rest adds
 * (remaining AR / that month's sales) × its days. The result is kept as one fraction over that month's sales and
 * rounded once at the end, so no intermediate float creeps in.
 */
export function countbackDso(endingArMinor: bigint, monthsLatestFirst: readonly MonthOfSales[]): CountbackDso {
  assertMinor(endingArMinor, 'endingArMinor');
  let remaining = endingArMinor;
  let wholeDays = 0n;
  let monthsUsed = 0;
  for (const [i, month] of monthsLatestFirst.entries()) {
    assertMinor(month.salesMinor, `months[${i}].salesMinor`);
    assertDays(month.days, `months[${i}].days`);
    if (remaining === 0n) break;
    monthsUsed += 1;
    if (remaining <= month.salesMinor) {
      // days = wholeDays + remaining × monthDays / sales, as a single fraction over sales.
      const numerator = wholeDays * month.salesMinor + remaining * BigInt(month.days);
      // remaining > 0 and remaining <= sales, so sales is positive and the ratio defined.
      return { days: ratioToNumber(numerator, month.salesMinor) ?? 0, complete: true, monthsUsed };
    }
    remaining -= month.salesMinor;
    wholeDays += BigInt(month.days);
  }
  return { days: Number(wholeDays), complete: remaining === 0n, monthsUsed };
}
