import { describe, expect, it } from '@jest/globals';
import { FACTS, OPERATORS_BY_TYPE } from '@recoup/domain';
import { comparisonProblems } from '../../src/strategies/rules/comparison-problems.ts';
import { newComparison, withFact, withOperator } from '../../src/strategies/rules/comparison-edits.ts';
import type { FactsRegistry } from '../../src/strategies/rules/facts-registry.ts';
import { operatorLabel } from '../../src/strategies/rules/operator-labels.ts';
import { valueKindOf } from '../../src/strategies/rules/value-kind.ts';

const registry: FactsRegistry = { facts: FACTS, operatorsByType: OPERATORS_BY_TYPE };

describe('operator labels', () => {
  it('words every operator a strategy may use, and keeps unknown names', () => {
    for (const operators of Object.values(OPERATORS_BY_TYPE)) {
      for (const operator of operators) expect(operatorLabel(operator)).not.toBe('');
    }
    expect(operatorLabel('greaterThan')).toBe('is greater than');
    expect(operatorLabel('notIn')).toBe('is none of');
    expect(operatorLabel('startsWith')).toBe('startsWith');
  });
});

describe('value kinds', () => {
  const fact = (name: string) => FACTS.find((f) => f.name === name);

  it.each([
    ['overdueAmountMinor', 'greaterThan', { kind: 'number', minorUnits: true }],
    ['daysPastDue', 'lessThan', { kind: 'number', minorUnits: false }],
    ['riskScore', 'equal', { kind: 'number', minorUnits: false, nullable: true }],
    ['currentBucket', 'equal', { kind: 'choice', options: ['current', '1-30', '31-60', '61-90', '90+'] }],
    ['currentBucket', 'in', { kind: 'list', item: { kind: 'choice', options: ['current', '1-30', '31-60', '61-90', '90+'] } }],
    ['segment', 'notEqual', { kind: 'text' }],
    ['disputeOpen', 'equal', { kind: 'boolean' }],
    ['tags', 'contains', { kind: 'tag' }],
    ['lastContactAt', 'equal', { kind: 'date', nullable: true }],
    ['nope', 'equal', { kind: 'unknown' }],
  ])('%s %s edits as %j', (name, operator, kind) => {
    expect(valueKindOf(fact(name), operator)).toEqual(kind);
  });
});

describe('comparison edits', () => {
  it('starts with the first fact, its first operator and a fitting value', () => {
    expect(newComparison(registry)).toEqual({ fact: 'daysPastDue', operator: 'equal', value: 0 });
  });

  it('keeps operator and value when the new fact has the same type and the value fits', () => {
    const next = withFact(registry, { fact: 'daysPastDue', operator: 'greaterThan', value: 30 }, 'remindersSent');
    expect(next).toEqual({ fact: 'remindersSent', operator: 'greaterThan', value: 30 });
  });

  it('resets operator and value when the type changes', () => {
    expect(withFact(registry, { fact: 'daysPastDue', operator: 'greaterThan', value: 30 }, 'customerType')).toEqual({
      fact: 'customerType',
      operator: 'equal',
      value: 'consumer',
    });
    expect(withFact(registry, { fact: 'segment', operator: 'in', value: ['a'] }, 'tags')).toEqual({
      fact: 'tags',
      operator: 'contains',
      value: '',
    });
    expect(withFact(registry, { fact: 'customerType', operator: 'equal', value: 'business' }, 'disputeOpen')).toEqual({
      fact: 'disputeOpen',
      operator: 'equal',
      value: true,
    });
  });

  it('does not carry a decimal into a minor-units fact, nor a value outside an enumeration', () => {
    expect(withFact(registry, { fact: 'riskScore', operator: 'greaterThan', value: 2.5 }, 'overdueAmountMinor').value).toBe(0);
    expect(withFact(registry, { fact: 'customerType', operator: 'equal', value: 'consumer' }, 'currentBucket').value).toBe(
      'current',
    );
    expect(withFact(registry, { fact: 'customerType', operator: 'equal', value: 'consumer' }, 'segment').value).toBe('');
  });

  it('moves a value into and out of a list when the operator changes', () => {
    const single = { fact: 'currentBucket', operator: 'equal', value: '90+' };
    const listed = withOperator(registry, single, 'in');
    expect(listed).toEqual({ fact: 'currentBucket', operator: 'in', value: ['90+'] });
    expect(withOperator(registry, listed, 'notEqual')).toEqual({ fact: 'currentBucket', operator: 'notEqual', value: '90+' });
    expect(withOperator(registry, { fact: 'daysPastDue', operator: 'in', value: [] }, 'lessThan').value).toBe(0);
  });

  it('names what the validator would refuse', () => {
    expect(comparisonProblems(registry, { fact: 'daysPastDue', operator: 'greaterThan', value: 3 })).toEqual({});
    expect(comparisonProblems(registry, { fact: 'shoeSize', operator: 'equal', value: 3 }).fact).toMatch(/shoeSize/);
    expect(comparisonProblems(registry, { fact: 'daysPastDue', operator: 'contains', value: 3 }).operator).toMatch(
      /does not apply to daysPastDue/,
    );
    expect(comparisonProblems(registry, { fact: 'overdueAmountMinor', operator: 'equal', value: 1.5 }).value).toBe(
      'The value must be a whole number of minor units.',
    );
    expect(comparisonProblems(registry, { fact: 'riskScore', operator: 'equal', value: null })).toEqual({});
    expect(comparisonProblems(registry, { fact: 'riskScore', operator: 'greaterThan', value: null }).value).toBe(
      'The value must be a number.',
    );
  });
});
