import { assertMinor, ratioToNumber } from './ratio.ts';

/**
 * Recovery rate = collected / total that was overdue at the start of the period, as a percentage. `collectedMinor`
 * is what was collected on that overdue amount during the period, so the rate stays within 0–100.
 */
export function recoveryRate(collectedMinor: bigint, overdueAtStartMinor: bigint): number | null {
  assertMinor(collectedMinor, 'collectedMinor');
  assertMinor(overdueAtStartMinor, 'overdueAtStartMinor');
  return ratioToNumber(collectedMinor * 100n, overdueAtStartMinor);
}
