import { assertMinor, ratioToNumber } from './ratio.ts';

export interface CeiInput {
  beginningArMinor: bigint;
  creditSalesMinor: bigint;
  endingTotalArMinor: bigint;
  /** The part of the ending AR that is not yet past due. */
  endingCurrentArMinor: bigint;
}

/**
 * CEI = (beginning AR + credit sales − ending total AR) / (beginning AR + credit sales − ending current AR) × 100:
 * what was collected out of what could have been collected. Null when nothing was collectible.
 */
export function collectionEffectivenessIndex(input: CeiInput): number | null {
  assertMinor(input.beginningArMinor, 'beginningArMinor');
  assertMinor(input.creditSalesMinor, 'creditSalesMinor');
  assertMinor(input.endingTotalArMinor, 'endingTotalArMinor');
  assertMinor(input.endingCurrentArMinor, 'endingCurrentArMinor');
  const available = input.beginningArMinor + input.creditSalesMinor;
  const collectible = available - input.endingCurrentArMinor;
  if (collectible <= 0n) return null;
  return ratioToNumber((available - input.endingTotalArMinor) * 100n, collectible);
}
