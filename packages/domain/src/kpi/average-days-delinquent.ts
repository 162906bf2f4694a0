import { assertDays, assertMinor, ratioToNumber } from './ratio.ts';

/**
 * Average Days Delinquent = DSO − Best Possible DSO. Both share the sales and the days, so the difference is
 * (ending AR − current AR) / sales × days, i.e. the overdue AR in days of sales, computed in one exact division
 * instead of subtracting two rounded figures.
 */
export function averageDaysDelinquent(
  endingArMinor: bigint,
  currentArMinor: bigint,
  creditSalesMinor: bigint,
  days: number,
): number | null {
  assertMinor(endingArMinor, 'endingArMinor');
  assertMinor(currentArMinor, 'currentArMinor');
  assertMinor(creditSalesMinor, 'creditSalesMinor');
  assertDays(days, 'days');
  return ratioToNumber((endingArMinor - currentArMinor) * BigInt(days), creditSalesMinor);
}
