import type { FactDefinition } from '@recoup/domain';
import { isMinorUnits } from './facts-registry.ts';

/**
 * Whole minor units written in major units, by string arithmetic (money never goes through floating point).
 * The currency's exponent comes from Intl; an unknown code shows the minor units alone.
 */
export function minorToMajor(minor: number, currency: string): string | null {
  if (!Number.isSafeInteger(minor) || !/^[A-Z]{3}$/.test(currency)) return null;
  let exponent: number;
  try {
    exponent = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return null;
  }
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${minor < 0 ? '-' : ''}${whole}${exponent > 0 ? `.${fraction}` : ''} ${currency}`;
}

/** A fact's value as the test box shows it: the raw value, with its unit or its amount in major units. */
export function formatFactValue(value: unknown, fact: FactDefinition | undefined, currency: string | undefined): string {
  if (value === null) return 'null (no value)';
  if (value === undefined) return 'not provided';
  if (Array.isArray(value)) return value.length === 0 ? '(empty list)' : value.map((item) => String(item)).join(', ');
  if (typeof value === 'number' && fact) {
    if (isMinorUnits(fact)) {
      const major = currency ? minorToMajor(value, currency) : null;
      return major ? `${value} minor units (${major})` : `${value} minor units`;
    }
    return fact.unit ? `${value} ${fact.unit}` : String(value);
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
