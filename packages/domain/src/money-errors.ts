import { DomainError } from './errors.ts';

export class InvalidCurrencyError extends DomainError {
  readonly currency: string;

  constructor(currency: unknown) {
    const shown = typeof currency === 'string' ? currency : String(currency);
    super('invalid-currency', `"${shown}" is not an active ISO 4217 currency code.`);
    this.currency = shown;
  }
}

export type InvalidAmountReason =
  | 'wrong-type'
  | 'empty'
  | 'not-an-integer'
  | 'fractional'
  | 'exponent'
  | 'not-a-number'
  | 'unsafe-integer'
  | 'negative'
  | 'out-of-range'
  | 'too-many-decimals';

const REASON_TEXT: Record<InvalidAmountReason, string> = {
  'wrong-type': 'must be a decimal string or an integer number',
  empty: 'is empty',
  'not-an-integer': 'must be a whole number of minor units written with digits only',
  fractional: 'must be a whole number of minor units, not a fraction',
  exponent: 'must be written without an exponent',
  'not-a-number': 'is not a number',
  'unsafe-integer': 'is too large to be exact as a JSON number; send it as a decimal string',
  negative: 'must not be negative',
  'out-of-range': 'is outside the range a 64-bit amount can hold',
  'too-many-decimals': 'has more decimals than the currency allows',
};

export class InvalidAmountError extends DomainError {
  readonly field: string;
  readonly reason: InvalidAmountReason;

  constructor(field: string, reason: InvalidAmountReason, detail?: string) {
    super('invalid-amount', `${field} ${REASON_TEXT[reason]}${detail ? ` (${detail})` : ''}.`);
    this.field = field;
    this.reason = reason;
  }
}

export class CurrencyMismatchError extends DomainError {
  readonly expected: string;
  readonly actual: string;

  constructor(expected: string, actual: string) {
    super('currency-mismatch', `Cannot combine amounts in ${expected} and ${actual}.`);
    this.expected = expected;
    this.actual = actual;
  }
}

export class InvalidMoneyOperationError extends DomainError {
  constructor(message: string) {
    super('invalid-money-operation', message);
  }
}
