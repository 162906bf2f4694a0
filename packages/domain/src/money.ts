import { currencyExponent, isCurrency, type CurrencyCode } from './currencies.ts';
import {
  CurrencyMismatchError,
  InvalidAmountError,
  InvalidCurrencyError,
  InvalidMoneyOperationError,
} from './money-errors.ts';

export interface Money {
  readonly amountMinor: bigint;
  readonly currency: CurrencyCode;
}

/** The JSON/API shape: amountMinor travels as a decimal string because bigint does not survive JSON. */
export interface MoneyJson {
  amountMinor: string;
  currency: string;
}

export interface AmountParseOptions {
  /** Amounts coming from outside are positive or zero unless a caller says otherwise (e.g. adjustments). */
  allowNegative?: boolean;
}

// Amounts end up in PostgreSQL bigint columns; refusing anything wider here gives a clear error at the edge
// instead of a database overflow deep inside a transaction.
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export function parseCurrency(value: unknown): CurrencyCode {
  if (typeof value === 'string' && isCurrency(value)) return value;
  throw new InvalidCurrencyError(value);
}

export function money(amountMinor: bigint, currency: CurrencyCode | string): Money {
  return { amountMinor, currency: parseCurrency(currency) };
}

function checkRange(value: bigint, field: string, options: AmountParseOptions): bigint {
  if (value < INT64_MIN || value > INT64_MAX) throw new InvalidAmountError(field, 'out-of-range');
  if (value < 0n && !options.allowNegative) throw new InvalidAmountError(field, 'negative');
  return value;
}

/** Parses an amount already in minor units: an integer decimal string, a safe integer number, or a bigint. */
export function parseMinorUnits(
  input: string | number | bigint,
  field: string,
  options: AmountParseOptions = {},
): bigint {
  if (typeof input === 'bigint') return checkRange(input, field, options);
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new InvalidAmountError(field, 'not-a-number');
    if (!Number.isInteger(input)) throw new InvalidAmountError(field, 'fractional');
    if (!Number.isSafeInteger(input)) throw new InvalidAmountError(field, 'unsafe-integer');
    return checkRange(BigInt(input), field, options);
  }
  if (typeof input !== 'string') throw new InvalidAmountError(field, 'wrong-type');
  if (input.length === 0) throw new InvalidAmountError(field, 'empty');
  if (/^-?\d+$/.test(input)) {
    // Bound the length before BigInt so a megabyte of digits cannot cost real work.
    if (input.replace(/^-?0*/, '').length > 19) throw new InvalidAmountError(field, 'out-of-range');
    return checkRange(BigInt(input), field, options);
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/.test(input)) throw new InvalidAmountError(field, 'exponent');
  if (/^-?\d*\.\d+$/.test(input) || /^-?\d+\.$/.test(input)) throw new InvalidAmountError(field, 'fractional');
  if (/^[+-]?(NaN|Infinity)$/i.test(input)) throw new InvalidAmountError(field, 'not-a-number');
  throw new InvalidAmountError(field, 'not-an-integer', `got "${input.slice(0, 40)}"`);
}

/**
 * Parses a major-unit decimal ('12.34') into minor units by the currency's exponent, exactly. More decimals than
 * the currency has are refused (no silent rounding) unless the extra digits are zeros, as in '1200.00' JPY,
 * which many ERPs print for every currency.
 */
export function parseMajorAmount(
  input: string,
  currency: CurrencyCode | string,
  field = 'amount',
  options: AmountParseOptions = {},
): Money {
  const code = parseCurrency(currency);
  if (typeof input !== 'string') throw new InvalidAmountError(field, 'wrong-type');
  if (input.length === 0) throw new InvalidAmountError(field, 'empty');
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(input);
  if (!match) {
    if (/[eE]/.test(input) && /\d/.test(input)) throw new InvalidAmountError(field, 'exponent');
    throw new InvalidAmountError(field, 'not-a-number', `got "${input.slice(0, 40)}"`);
  }
  const [, sign = '', whole = '', fraction = ''] = match;
  const exponent = currencyExponent(code);
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exponent) {
    throw new InvalidAmountError(field, 'too-many-decimals', `${code} has ${exponent} decimal places`);
  }
  const digits = whole.replace(/^0+(?=\d)/, '') + significant.padEnd(exponent, '0');
  if (digits.replace(/^0+/, '').length > 19) throw new InvalidAmountError(field, 'out-of-range');
  return { amountMinor: parseMinorUnits(`${sign}${digits}`, field, options), currency: code };
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { amountMinor: a.amountMinor + b.amountMinor, currency: a.currency };
}

export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { amountMinor: a.amountMinor - b.amountMinor, currency: a.currency };
}

/** -1, 0 or 1, usable as a sort comparator. */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  if (a.amountMinor < b.amountMinor) return -1;
  return a.amountMinor > b.amountMinor ? 1 : 0;
}

export function isZero(m: Money): boolean {
  return m.amountMinor === 0n;
}

export function isNegative(m: Money): boolean {
  return m.amountMinor < 0n;
}

export function min(first: Money, ...rest: Money[]): Money {
  let smallest = first;
  for (const m of rest) if (compare(m, smallest) < 0) smallest = m;
  return smallest;
}

/** The currency is explicit so that an empty list has a well-defined total. */
export function sum(items: readonly Money[], currency: CurrencyCode | string): Money {
  const code = parseCurrency(currency);
  let total = 0n;
  for (const m of items) {
    if (m.currency !== code) throw new CurrencyMismatchError(code, m.currency);
    total += m.amountMinor;
  }
  return { amountMinor: total, currency: code };
}

/**
 * m × numerator / denominator rounded half-to-even (banker's rounding): exact halves go to the even neighbour,
 * so rounding many amounts has no upward bias. Rounding is symmetric around zero.
 */
export function multiplyRatio(m: Money, numerator: bigint, denominator: bigint): Money {
  if (denominator === 0n) throw new InvalidMoneyOperationError('Cannot multiply by a ratio with a zero denominator.');
  const product = m.amountMinor * numerator;
  const negative = product < 0n !== denominator < 0n;
  const p = product < 0n ? -product : product;
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = p / d;
  const twiceRemainder = (p % d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n)) quotient += 1n;
  return { amountMinor: negative ? -quotient : quotient, currency: m.currency };
}

/**
 * Splits total in proportion to weights by the largest-remainder method: every share is floored, then the units
 * left over go one each to the largest remainders (ties to the earlier position), so the shares always add up to
 * the total exactly and a zero weight always gets zero.
 */
export function allocateProRata(total: Money, weights: readonly bigint[]): Money[] {
  if (weights.length === 0) throw new InvalidMoneyOperationError('Cannot allocate over an empty list of weights.');
  let weightSum = 0n;
  for (const w of weights) {
    if (w < 0n) throw new InvalidMoneyOperationError('Allocation weights must not be negative.');
    weightSum += w;
  }
  if (weightSum === 0n) throw new InvalidMoneyOperationError('At least one allocation weight must be positive.');
  const negative = total.amountMinor < 0n;
  const amount = negative ? -total.amountMinor : total.amountMinor;
  const shares = weights.map((w, index) => ({ index, share: (amount * w) / weightSum, rest: (amount * w) % weightSum }));
  let left = amount - shares.reduce((acc, s) => acc + s.share, 0n);
  const byRemainder = [...shares].sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const s of byRemainder) {
    if (left === 0n) break;
    s.share += 1n;
    left -= 1n;
  }
  return shares.map((s) => ({ amountMinor: negative ? -s.share : s.share, currency: total.currency }));
}

export function toMinorString(m: Money): string {
  return m.amountMinor.toString();
}

/** The exact major-unit decimal ('-1234.50'), built from the bigint so large amounts never pass through a float. */
export function toDecimalString(m: Money): string {
  const exponent = currencyExponent(m.currency);
  const negative = m.amountMinor < 0n;
  const digits = (negative ? -m.amountMinor : m.amountMinor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${negative ? '-' : ''}${whole}${exponent > 0 ? `.${fraction}` : ''}`;
}

/** Formats for people, e.g. '€1,234.50'. Intl gets the exact decimal string, never a float. */
export function formatMoney(m: Money, locale = 'en-US'): string {
  const exponent = currencyExponent(m.currency);
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: m.currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  return formatter.format(toDecimalString(m) as `${number}`);
}

export function toMoneyJson(m: Money): MoneyJson {
  return { amountMinor: m.amountMinor.toString(), currency: m.currency };
}

/** Reads the API shape; amountMinor may be a decimal string or a safe-integer number. */
export function parseMoney(
  input: { amountMinor: string | number | bigint; currency: string },
  field = 'amount',
  options: AmountParseOptions = {},
): Money {
  return {
    amountMinor: parseMinorUnits(input.amountMinor, `${field}.amountMinor`, options),
    currency: parseCurrency(input.currency),
  };
}
