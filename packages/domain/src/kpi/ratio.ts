import { InvalidKpiInputError } from './kpi-errors.ts';

/** How many decimals every KPI figure keeps: enough for a dashboard, few enough that no float noise shows. */
export const KPI_DECIMALS = 2;

/**
 * numerator / denominator as a number rounded half-to-even to `decimals` places, or null when the denominator is
 * zero (the KPI is undefined, e.g. no sales in the period). The division happens on bigints, so the only float is
 * the final, already rounded figure.
 */
export function ratioToNumber(numerator: bigint, denominator: bigint, decimals = KPI_DECIMALS): number | null {
  if (denominator === 0n) return null;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 12) {
    throw new InvalidKpiInputError('decimals', 'must be a whole number from 0 to 12');
  }
  const scale = 10n ** BigInt(decimals);
  const negative = numerator < 0n !== denominator < 0n;
  const n = (numerator < 0n ? -numerator : numerator) * scale;
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = n / d;
  const twiceRemainder = (n % d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n)) quotient += 1n;
  const scaled = negative ? -quotient : quotient;
  return Number(scaled) / Number(scale);
}

export function assertMinor(value: bigint, field: string): void {
  if (value < 0n) throw new InvalidKpiInputError(field, 'must not be negative');
}

export function assertDays(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 1) throw new InvalidKpiInputError(field, 'must be a whole number of days, at least 1');
}
