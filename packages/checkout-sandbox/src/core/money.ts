const SUPPORTED = new Set(Intl.supportedValuesOf('currency').map((code) => code.toLowerCase()));

/** ISO 4217 codes the runtime knows, lower-case as Stripe writes them. */
export const isKnownCurrency = (currency: string): boolean => SUPPORTED.has(currency.toLowerCase());

/**
 * How many decimals the currency's minor unit has. Stripe's amounts are integers in the minor unit, so 1250 is
 * 12.50 EUR but 1250 JPY. Intl's ISO data agrees with Stripe's zero- and three-decimal lists for the currencies a
 * collections system meets.
 */
export const minorUnitDigits = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** An amount in minor units, written for the locale: `12,50 €` in de, `€12.50` in en. */
export const formatMinor = (amount: number, currency: string, locale: string): string =>
  new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount / 10 ** minorUnitDigits(currency));
