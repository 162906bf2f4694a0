import { describe, expect, it } from '@jest/globals';
import {
  CURRENCY_CODES,
  CurrencyMismatchError,
  InvalidAmountError,
  InvalidCurrencyError,
  InvalidMoneyOperationError,
  add,
  allocateProRata,
  compare,
  currencyExponent,
  formatMoney,
  isCurrency,
  isNegative,
  isZero,
  min,
  money,
  multiplyRatio,
  parseCurrency,
  parseMajorAmount,
  parseMinorUnits,
  parseMoney,
  subtract,
  sum,
  toDecimalString,
  toMinorString,
  toMoneyJson,
  type InvalidAmountReason,
} from '../src/index.ts';

function reasonOf(fn: () => unknown): InvalidAmountReason | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidAmountError) return error.reason;
    throw error;
  }
  return undefined;
}

describe('currencies', () => {
  it('knows the minor-unit exponents of JPY, KWD, BHD, JOD, OMR, TND and EUR', () => {
    expect(currencyExponent('JPY')).toBe(0);
    for (const code of ['KWD', 'BHD', 'JOD', 'OMR', 'TND'] as const) expect(currencyExponent(code)).toBe(3);
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('CLF')).toBe(4);
  });

  it('lists every code exactly once as three capital letters', () => {
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
    expect(CURRENCY_CODES.length).toBeGreaterThan(150);
    for (const code of CURRENCY_CODES) expect(code).toMatch(/^[A-Z]{3}$/);
  });

  it('recognises active codes and rejects lower case, withdrawn and invented ones', () => {
    expect(isCurrency('USD')).toBe(true);
    expect(isCurrency('usd')).toBe(false);
    expect(isCurrency('HRK')).toBe(false);
    expect(isCurrency('XYZ')).toBe(false);
    expect(isCurrency('toString')).toBe(false);
    expect(isCurrency(42)).toBe(false);
  });

  it('names the bad code when parsing an unknown currency', () => {
    expect(parseCurrency('CHF')).toBe('CHF');
    expect(() => parseCurrency('EURO')).toThrow(InvalidCurrencyError);
    expect(() => parseCurrency('EURO')).toThrow(/"EURO"/);
  });
});

describe('parseMinorUnits', () => {
  it('accepts integer decimal strings, safe integers and bigints', () => {
    expect(parseMinorUnits('12345', 'amountMinor')).toBe(12345n);
    expect(parseMinorUnits(12345, 'amountMinor')).toBe(12345n);
    expect(parseMinorUnits(0, 'amountMinor')).toBe(0n);
    expect(parseMinorUnits(7n, 'amountMinor')).toBe(7n);
    expect(parseMinorUnits('9223372036854775807', 'amountMinor')).toBe(9223372036854775807n);
  });

  it('refuses fractions, exponents, NaN and unsafe numbers with the reason', () => {
    expect(reasonOf(() => parseMinorUnits('12.5', 'x'))).toBe('fractional');
    expect(reasonOf(() => parseMinorUnits(12.5, 'x'))).toBe('fractional');
    expect(reasonOf(() => parseMinorUnits('1e3', 'x'))).toBe('exponent');
    expect(reasonOf(() => parseMinorUnits(Number.NaN, 'x'))).toBe('not-a-number');
    expect(reasonOf(() => parseMinorUnits(Number.POSITIVE_INFINITY, 'x'))).toBe('not-a-number');
    expect(reasonOf(() => parseMinorUnits('NaN', 'x'))).toBe('not-a-number');
    expect(reasonOf(() => parseMinorUnits(2 ** 53, 'x'))).toBe('unsafe-integer');
    expect(reasonOf(() => parseMinorUnits('', 'x'))).toBe('empty');
    expect(reasonOf(() => parseMinorUnits(' 12', 'x'))).toBe('not-an-integer');
    expect(reasonOf(() => parseMinorUnits('+12', 'x'))).toBe('not-an-integer');
    expect(reasonOf(() => parseMinorUnits('9223372036854775808', 'x'))).toBe('out-of-range');
    expect(reasonOf(() => parseMinorUnits('1'.repeat(5000), 'x'))).toBe('out-of-range');
  });

  it('refuses negative amounts unless the caller allows them', () => {
    expect(reasonOf(() => parseMinorUnits('-5', 'x'))).toBe('negative');
    expect(reasonOf(() => parseMinorUnits(-5, 'x'))).toBe('negative');
    expect(parseMinorUnits('-5', 'x', { allowNegative: true })).toBe(-5n);
  });

  it('names the field in the error', () => {
    expect(() => parseMinorUnits('1.5', 'invoices[3].amountMinor')).toThrow(/invoices\[3\]\.amountMinor/);
    try {
      parseMinorUnits('1.5', 'payment.amountMinor');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidAmountError);
      expect((error as InvalidAmountError).field).toBe('payment.amountMinor');
    }
  });
});

describe('parseMajorAmount', () => {
  it('converts by the exponent of the currency', () => {
    expect(parseMajorAmount('12.34', 'EUR').amountMinor).toBe(1234n);
    expect(parseMajorAmount('12', 'EUR').amountMinor).toBe(1200n);
    expect(parseMajorAmount('12.3', 'EUR').amountMinor).toBe(1230n);
    expect(parseMajorAmount('1500', 'JPY').amountMinor).toBe(1500n);
    expect(parseMajorAmount('1.234', 'KWD').amountMinor).toBe(1234n);
    expect(parseMajorAmount('0.005', 'KWD').amountMinor).toBe(5n);
  });

  it('refuses more decimals than the currency has instead of rounding', () => {
    expect(reasonOf(() => parseMajorAmount('12.345', 'EUR'))).toBe('too-many-decimals');
    expect(reasonOf(() => parseMajorAmount('1500.5', 'JPY'))).toBe('too-many-decimals');
    expect(reasonOf(() => parseMajorAmount('1.2345', 'KWD'))).toBe('too-many-decimals');
  });

  it('accepts trailing zeros beyond the exponent because they change nothing', () => {
    expect(parseMajorAmount('1500.00', 'JPY').amountMinor).toBe(1500n);
    expect(parseMajorAmount('12.3400', 'EUR').amountMinor).toBe(1234n);
  });

  it('refuses negative, exponent and non-numeric input and unknown currencies', () => {
    expect(reasonOf(() => parseMajorAmount('-1.00', 'EUR'))).toBe('negative');
    expect(parseMajorAmount('-1.05', 'EUR', 'adjustment', { allowNegative: true }).amountMinor).toBe(-105n);
    expect(reasonOf(() => parseMajorAmount('1e2', 'EUR'))).toBe('exponent');
    expect(reasonOf(() => parseMajorAmount('1,5', 'EUR'))).toBe('not-a-number');
    expect(reasonOf(() => parseMajorAmount('', 'EUR'))).toBe('empty');
    expect(() => parseMajorAmount('1.00', 'ABC')).toThrow(InvalidCurrencyError);
  });
});

describe('arithmetic', () => {
  const eur = (n: bigint) => money(n, 'EUR');

  it('adds, subtracts and compares amounts in one currency', () => {
    expect(add(eur(150n), eur(275n))).toEqual(eur(425n));
    expect(subtract(eur(150n), eur(275n))).toEqual(eur(-125n));
    expect(compare(eur(1n), eur(2n))).toBe(-1);
    expect(compare(eur(2n), eur(2n))).toBe(0);
    expect(compare(eur(3n), eur(2n))).toBe(1);
    expect(isZero(eur(0n))).toBe(true);
    expect(isZero(eur(1n))).toBe(false);
    expect(isNegative(eur(-1n))).toBe(true);
    expect(isNegative(eur(0n))).toBe(false);
    expect(min(eur(5n), eur(-2n), eur(3n))).toEqual(eur(-2n));
  });

  it('stays exact far beyond the float range', () => {
    const big = eur(9_007_199_254_740_993n);
    expect(add(big, eur(1n)).amountMinor).toBe(9_007_199_254_740_994n);
  });

  it('throws CurrencyMismatchError when currencies differ', () => {
    expect(() => add(eur(1n), money(1n, 'USD'))).toThrow(CurrencyMismatchError);
    expect(() => subtract(eur(1n), money(1n, 'USD'))).toThrow(CurrencyMismatchError);
    expect(() => compare(eur(1n), money(1n, 'USD'))).toThrow(CurrencyMismatchError);
    expect(() => min(eur(1n), money(1n, 'USD'))).toThrow(CurrencyMismatchError);
    expect(() => sum([eur(1n), money(1n, 'USD')], 'EUR')).toThrow(CurrencyMismatchError);
  });

  it('sums a list, and an empty list to zero in the given currency', () => {
    expect(sum([eur(1n), eur(2n), eur(3n)], 'EUR')).toEqual(eur(6n));
    expect(sum([], 'JPY')).toEqual(money(0n, 'JPY'));
  });

  it('refuses to build money in an unknown currency', () => {
    expect(() => money(1n, 'EURO')).toThrow(InvalidCurrencyError);
  });
});

describe('multiplyRatio', () => {
  const eur = (n: bigint) => money(n, 'EUR');

  it('rounds exact halves to the even neighbour (banker’s rounding)', () => {
    expect(multiplyRatio(eur(5n), 1n, 2n).amountMinor).toBe(2n); // 2.5 -> 2
    expect(multiplyRatio(eur(15n), 1n, 2n).amountMinor).toBe(8n); // 7.5 -> 8
    expect(multiplyRatio(eur(25n), 1n, 10n).amountMinor).toBe(2n); // 2.5 -> 2
    expect(multiplyRatio(eur(35n), 1n, 10n).amountMinor).toBe(4n); // 3.5 -> 4
  });

  it('rounds other fractions to the nearest unit', () => {
    expect(multiplyRatio(eur(10n), 1n, 3n).amountMinor).toBe(3n); // 3.33
    expect(multiplyRatio(eur(20n), 1n, 3n).amountMinor).toBe(7n); // 6.67
    expect(multiplyRatio(eur(1000n), 19n, 100n).amountMinor).toBe(190n);
  });

  it('rounds negative amounts symmetrically', () => {
    expect(multiplyRatio(eur(-5n), 1n, 2n).amountMinor).toBe(-2n);
    expect(multiplyRatio(eur(-15n), 1n, 2n).amountMinor).toBe(-8n);
    expect(multiplyRatio(eur(15n), 1n, -2n).amountMinor).toBe(-8n);
    expect(multiplyRatio(eur(-20n), 1n, 3n).amountMinor).toBe(-7n);
  });

  it('refuses a zero denominator', () => {
    expect(() => multiplyRatio(eur(5n), 1n, 0n)).toThrow(InvalidMoneyOperationError);
  });
});

describe('allocateProRata', () => {
  const amounts = (list: { amountMinor: bigint }[]) => list.map((m) => m.amountMinor);

  it('splits by weight and hands leftover units to the largest remainders', () => {
    expect(amounts(allocateProRata(money(100n, 'EUR'), [1n, 1n, 1n]))).toEqual([34n, 33n, 33n]);
    expect(amounts(allocateProRata(money(100n, 'EUR'), [1n, 2n]))).toEqual([33n, 67n]);
    expect(amounts(allocateProRata(money(10n, 'EUR'), [3n, 3n, 4n]))).toEqual([3n, 3n, 4n]);
    expect(amounts(allocateProRata(money(5n, 'EUR'), [1n, 1n, 1n, 1n, 1n, 1n]))).toEqual([1n, 1n, 1n, 1n, 1n, 0n]);
  });

  it('always sums exactly to the total', () => {
    const weights = [7n, 13n, 0n, 1n, 999n, 42n];
    for (const total of [0n, 1n, 7n, 1001n, 123_456_789_012_345_678n]) {
      const shares = allocateProRata(money(total, 'KWD'), weights);
      expect(shares.reduce((acc, m) => acc + m.amountMinor, 0n)).toBe(total);
      expect(shares[2]?.amountMinor).toBe(0n);
      for (const share of shares) expect(share.currency).toBe('KWD');
    }
  });

  it('allocates negative totals as the mirror of positive ones', () => {
    expect(amounts(allocateProRata(money(-100n, 'EUR'), [1n, 1n, 1n]))).toEqual([-34n, -33n, -33n]);
  });

  it('refuses empty, negative or all-zero weights', () => {
    expect(() => allocateProRata(money(1n, 'EUR'), [])).toThrow(InvalidMoneyOperationError);
    expect(() => allocateProRata(money(1n, 'EUR'), [1n, -1n])).toThrow(InvalidMoneyOperationError);
    expect(() => allocateProRata(money(1n, 'EUR'), [0n, 0n])).toThrow(InvalidMoneyOperationError);
  });
});

describe('formatting', () => {
  it('writes the exact decimal with the currency exponent', () => {
    expect(toDecimalString(money(123456n, 'EUR'))).toBe('1234.56');
    expect(toDecimalString(money(5n, 'EUR'))).toBe('0.05');
    expect(toDecimalString(money(-5n, 'EUR'))).toBe('-0.05');
    expect(toDecimalString(money(1500n, 'JPY'))).toBe('1500');
    expect(toDecimalString(money(1234n, 'KWD'))).toBe('1.234');
    expect(toMinorString(money(-1234n, 'KWD'))).toBe('-1234');
  });

  // ICU separates symbol and number with a no-break space; compare with plain spaces.
  const plain = (text: string) => text.replace(/\s/g, ' ');

  it('formats for people with the currency exponent', () => {
    expect(formatMoney(money(123456n, 'USD'))).toBe('$1,234.56');
    expect(formatMoney(money(1500n, 'JPY'))).toBe('¥1,500');
    expect(plain(formatMoney(money(1234n, 'KWD'), 'en-US'))).toBe('KWD 1.234');
    expect(plain(formatMoney(money(123456n, 'EUR'), 'de-DE'))).toBe('1.234,56 €');
    expect(formatMoney(money(-5n, 'USD'))).toBe('-$0.05');
  });

  it('formats amounts too large for a float without losing a digit', () => {
    expect(formatMoney(money(123_456_789_012_345_678_901n, 'USD'))).toBe('$1,234,567,890,123,456,789.01');
  });

  it('round-trips through the JSON shape', () => {
    const m = money(9_007_199_254_740_993n, 'EUR');
    expect(toMoneyJson(m)).toEqual({ amountMinor: '9007199254740993', currency: 'EUR' });
    expect(parseMoney(toMoneyJson(m))).toEqual(m);
    expect(parseMoney({ amountMinor: 250, currency: 'JPY' })).toEqual(money(250n, 'JPY'));
    expect(() => parseMoney({ amountMinor: 2.5, currency: 'JPY' }, 'payment')).toThrow(/payment\.amountMinor/);
  });
});
