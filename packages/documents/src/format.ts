import { formatMoney as formatDomainMoney, parseCurrency } from '@recoup/domain';

/** Money as a debtor reads it in their locale ("1.234,56 €" in German), from minor units, never through a float. */
export const formatMoney = (amount: { amountMinor: bigint | string; currency: string }, locale: string): string =>
  formatDomainMoney({ amountMinor: BigInt(amount.amountMinor), currency: parseCurrency(amount.currency.trim()) }, locale);

/** A calendar date ("YYYY-MM-DD") in the locale's medium style ("04.12.2026", "Dec 4, 2026"); the day never shifts by zone. */
export const formatDate = (isoDate: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));

/** An IBAN in groups of four, as it is printed for people to copy ("DE89 3704 0044 0532 0130 00"). */
export const formatIban = (iban: string): string =>
  iban
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, '$1 ');
