import { describe, expect, it } from '@jest/globals';
import { moneyInputSchema } from '../src/money.dto.ts';

describe('moneyInputSchema', () => {
  it.each([
    [{ amountMinor: '12345', currency: 'EUR' }, '12345'],
    [{ amountMinor: '0042', currency: 'EUR' }, '42'],
    [{ amountMinor: 999, currency: 'USD' }, '999'],
    [{ amountMinor: '1000000000000000', currency: 'EUR' }, '1000000000000000'],
    [{ amountMinor: '0001000000000000000', currency: 'EUR' }, '1000000000000000'],
  ])('accepts %j', (input, expected) => {
    const parsed = moneyInputSchema.parse(input);
    expect(parsed.amountMinor).toBe(expected);
  });

  it.each([
    [{ amountMinor: '-5', currency: 'EUR' }, 'must not be negative'],
    [{ amountMinor: -5, currency: 'EUR' }, 'must not be negative'],
    [{ amountMinor: '12.5', currency: 'EUR' }, 'no fractions'],
    [{ amountMinor: 12.5, currency: 'EUR' }, 'no fractions'],
    [{ amountMinor: '0', currency: 'EUR' }, 'greater than zero'],
    [{ amountMinor: 'abc', currency: 'EUR' }, 'decimal integer string'],
    [{ amountMinor: '1e5', currency: 'EUR' }, 'decimal integer string'],
    [{ amountMinor: 2 ** 60, currency: 'EUR' }, 'as a string'],
    [{ amountMinor: '1000000000000001', currency: 'EUR' }, 'at most 1000000000000000 minor units'],
    [{ amountMinor: 1_000_000_000_000_001, currency: 'EUR' }, 'at most 1000000000000000 minor units'],
    [{ amountMinor: '900719925474099312', currency: 'EUR' }, 'at most 1000000000000000 minor units'],
    [{ amountMinor: '9'.repeat(100_000), currency: 'EUR' }, 'at most 1000000000000000 minor units'],
    [{ amountMinor: '100', currency: 'XXY' }, 'ISO 4217'],
    [{ amountMinor: '100', currency: 'eur' }, 'ISO 4217'],
  ])('refuses %j', (input, reason) => {
    const parsed = moneyInputSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message).join('|')).toContain(reason);
  });
});
