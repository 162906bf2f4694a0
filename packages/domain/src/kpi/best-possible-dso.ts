import { assertDays, assertMinor, ratioToNumber } from './ratio.ts';

/**
 * Best Possible DSO = current (not yet past due) AR / credit sales × days: the DSO the portfolio would have if
 * every customer paid exactly on the due date.
 */
export function bestPossibleDso(currentArMinor: bigint, creditSalesMinor: bigint, days: number): number | null {
  assertMinor(currentArMinor, 'currentArMinor');
  assertMinor(creditSalesMinor, 'creditSalesMinor');
  assertDays(days, 'days');
  return ratioToNumber(currentArMinor * BigInt(days), creditSalesMinor);
}
