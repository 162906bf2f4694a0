import { formatMoney, parseMoney } from '@recoup/domain';

/** "€1,234.50 · £20.00", or an em dash for nothing open. Each currency is shown on its own, never summed. */
export function moneyList(amounts: readonly { amountMinor: string; currency: string }[]): string {
  if (amounts.length === 0) return '—';
  return amounts.map((amount) => formatMoney(parseMoney(amount))).join(' · ');
}
