import { DomainError, formatMoney, isCurrency, parseMajorAmount, toDecimalString } from '@recoup/domain';

// Amounts on the cash pages: the API sends minor units as decimal strings, people type major units. Every sum
// and remainder here is a bigint; Intl only ever formats the exact decimal string.

export interface MinorAmount {
  amountMinor: string;
  currency: string;
}

/** "€1,234.50"; the raw figure and code when the currency is unknown to the app. */
export function moneyText(amountMinor: string | bigint, currency: string): string {
  const minor = typeof amountMinor === 'bigint' ? amountMinor : BigInt(amountMinor);
  return isCurrency(currency) ? formatMoney({ amountMinor: minor, currency }) : `${minor.toString()} ${currency}`;
}

/** "€1,234.50 · £20.00", or an em dash for nothing. Each currency is shown on its own, never summed. */
export function moneyListText(amounts: readonly MinorAmount[]): string {
  if (amounts.length === 0) return '—';
  return amounts.map((a) => moneyText(a.amountMinor, a.currency)).join(' · ');
}

/** A signed difference as the bank statement shows it: "+€12.00" or "−€12.00"; "a count" when no amount is off. */
export function differenceText(differenceMinor: string | null, currency: string): string {
  if (differenceMinor === null) return 'A count';
  const minor = BigInt(differenceMinor);
  const sign = minor < 0n ? '−' : '+';
  return `${sign}${moneyText(minor < 0n ? -minor : minor, currency)}`;
}

/** What a person typed into an amount field: its minor units, nothing (empty), or why it is not an amount. */
export type TypedAmount = { kind: 'empty' } | { kind: 'amount'; minor: bigint } | { kind: 'invalid'; reason: string };

export function readTypedAmount(text: string, currency: string): TypedAmount {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return { kind: 'empty' };
  try {
    const parsed = parseMajorAmount(trimmed, currency, 'The amount');
    return parsed.amountMinor === 0n ? { kind: 'empty' } : { kind: 'amount', minor: parsed.amountMinor };
  } catch (error) {
    if (error instanceof DomainError) return { kind: 'invalid', reason: error.message };
    throw error;
  }
}

/** The major-unit text an amount field starts with ("120.50"), exact from the minor units. */
export function typedText(amountMinor: string | bigint, currency: string): string {
  const minor = typeof amountMinor === 'bigint' ? amountMinor : BigInt(amountMinor);
  return isCurrency(currency) ? toDecimalString({ amountMinor: minor, currency }) : minor.toString();
}

/** Shares `total` over items in order, each up to its own cap: how a payment fills invoices oldest first. */
export function fillInOrder<T>(items: readonly T[], capOf: (item: T) => bigint, total: bigint): { item: T; amountMinor: bigint }[] {
  let left = total;
  const out: { item: T; amountMinor: bigint }[] = [];
  for (const item of items) {
    if (left <= 0n) break;
    const cap = capOf(item);
    const share = cap < left ? cap : left;
    if (share > 0n) out.push({ item, amountMinor: share });
    left -= share;
  }
  return out;
}
