import { formatMoney, isCurrency } from '@recoup/domain';

/** A minor-unit amount from the API ("123456") in the currency's own format; the bigint never passes a float. */
export function money(amountMinor: string, currency: string): string {
  if (!isCurrency(currency)) return `${amountMinor} ${currency}`;
  return formatMoney({ amountMinor: BigInt(amountMinor), currency });
}

export function days(value: number | null): string {
  return value === null ? 'n/a' : `${value.toFixed(1)} days`;
}

export function percent(value: number | null): string {
  return value === null ? 'n/a' : `${value.toFixed(1)} %`;
}

/** Bar lengths only: a share of the largest amount, for drawing. The figures shown are the exact amounts. */
export function share(amountMinor: string, maxMinor: bigint): number {
  if (maxMinor <= 0n) return 0;
  return Number((BigInt(amountMinor) * 1000n) / maxMinor) / 1000;
}
