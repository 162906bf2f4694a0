import { describe, expect, it } from '@jest/globals';
import { FACTS } from '@recoup/domain';
import { formatFactValue, minorToMajor } from '../../src/strategies/rules/fact-value-format.ts';
import { describeMatched } from '../../src/strategies/rules/matched-comparison.ts';

const fact = (name: string) => FACTS.find((f) => f.name === name);

describe('fact values in the test box', () => {
  it('writes minor units in major units by the currency exponent, without floating point', () => {
    expect(minorToMajor(123456, 'EUR')).toBe('1234.56 EUR');
    expect(minorToMajor(5, 'USD')).toBe('0.05 USD');
    expect(minorToMajor(-1999, 'GBP')).toBe('-19.99 GBP');
    expect(minorToMajor(1500, 'JPY')).toBe('1500 JPY');
    expect(minorToMajor(1500, 'KWD')).toBe('1.500 KWD');
    expect(minorToMajor(Number.MAX_SAFE_INTEGER + 2, 'EUR')).toBeNull();
    expect(minorToMajor(1, 'euro')).toBeNull();
  });

  it('adds units, says null, and lists lists', () => {
    expect(formatFactValue(45, fact('daysPastDue'), 'EUR')).toBe('45 days');
    expect(formatFactValue(12345, fact('overdueAmountMinor'), 'EUR')).toBe('12345 minor units (123.45 EUR)');
    expect(formatFactValue(null, fact('riskScore'), 'EUR')).toBe('null (no value)');
    expect(formatFactValue(['vip', 'legal'], fact('tags'), 'EUR')).toBe('vip, legal');
    expect(formatFactValue([], fact('tags'), 'EUR')).toBe('(empty list)');
    expect(formatFactValue(true, fact('disputeOpen'), 'EUR')).toBe('true');
  });

  it('words the comparisons that held like the builder', () => {
    expect(describeMatched('daysPastDue greaterThan 30 (was 45)')).toEqual({
      fact: 'daysPastDue',
      text: 'daysPastDue is greater than 30 (was 45)',
    });
    expect(describeMatched('currentBucket in ["61-90","90+"] (was "90+")').text).toBe(
      'currentBucket is one of ["61-90","90+"] (was "90+")',
    );
    expect(describeMatched('something else').text).toBe('something else');
  });
});
