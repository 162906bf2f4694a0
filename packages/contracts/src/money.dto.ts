import { z } from 'zod';
import { isKnownCurrency } from './currency.ts';
import { AMOUNT_BOUND_REASON, MAX_AMOUNT_MINOR, amountBoundProblem } from './input-bounds.ts';

export const currencyCodeSchema = z
  .string()
  .refine((code) => isKnownCurrency(code), { message: 'must be an ISO 4217 currency code such as EUR' });

/** Why a minor-unit amount is unacceptable, or null when it is a positive whole number within the bound. */
export const minorAmountProblem = (value: unknown, allowZero = false): string | null => {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'must be a whole number of minor units';
    if (!Number.isInteger(value)) return 'must be a whole number of minor units (no fractions)';
    if (!Number.isSafeInteger(value)) return 'must be given as a string when above 2^53';
    if (value < 0) return 'must not be negative';
    if (value === 0 && !allowZero) return 'must be greater than zero';
    return amountBoundProblem(BigInt(value));
  }
  if (typeof value !== 'string') return 'must be a decimal integer string';
  const text = value.trim();
  if (/^-\d+(\.\d+)?$/.test(text)) return 'must not be negative';
  if (/^\d*\.\d+$/.test(text) || /^\d+\.$/.test(text)) return 'must be a whole number of minor units (no fractions)';
  if (!/^\d+$/.test(text)) return 'must be a decimal integer string';
  // Bounded by length first, so a megabyte of digits never reaches BigInt.
  const digits = text.replace(/^0+(?=\d)/, '');
  if (digits.length > String(MAX_AMOUNT_MINOR).length) return AMOUNT_BOUND_REASON;
  if (BigInt(digits) === 0n && !allowZero) return 'must be greater than zero';
  return amountBoundProblem(BigInt(digits));
};

/**
 * A positive amount in minor units. JSON carries it as a decimal string because bigint does not survive JSON;
 * a safe-integer number is accepted as well. The output is always the canonical string ("0042" -> "42").
 */
export const positiveMinorSchema = z
  .union([z.string(), z.number()])
  .superRefine((value, ctx) => {
    const problem = minorAmountProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((value) => BigInt(typeof value === 'number' ? value : value.trim()).toString());

export const moneyInputSchema = z.object({ amountMinor: positiveMinorSchema, currency: currencyCodeSchema });
export type MoneyInput = z.input<typeof moneyInputSchema>;

/** Money as the API answers it (zero and negative balances included). */
export const moneySchema = z.object({ amountMinor: z.string().regex(/^-?\d+$/), currency: z.string().length(3) });
export type Money = z.infer<typeof moneySchema>;
