import { assertDays, assertMinor, ratioToNumber } from './ratio.ts';

/**
 * Simple DSO = ending AR / credit sales in the period × days in the period. Null without sales: the receivables
 * cannot be expressed in days of sales that did not happen.
 */
export function simpleDso(endingArMinor: bigint, creditSalesMinor: bigint, days: number): number | null {
  assertMinor(endingArMinor, 'endingArMinor');
  assertMinor(creditSalesMinor, 'creditSalesMinor');
  assertDays(days, 'days');
  return ratioToNumber(endingArMinor * BigInt(days), creditSalesMinor);
}
