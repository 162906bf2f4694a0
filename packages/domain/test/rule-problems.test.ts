import { describe, expect, it } from '@jest/globals';
import { FACT_NAMES, ruleProblems, type RuleCondition } from '../src/index.ts';

describe('the checks of one rule', () => {
  it.each<{ behaviour: string; condition: RuleCondition; expected: { code: string; path: string }[] }>([
    {
      behaviour: 'accepts comparisons of known facts with fitting operators',
      condition: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 30 }, { fact: 'tags', operator: 'contains', value: 'vip' }] },
      expected: [],
    },
    {
      behaviour: 'points at the fact of a nested comparison that is not in the registry',
      condition: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 3 }, { any: [{ not: { fact: 'shoeSize', operator: 'equal', value: 44 } }] }] },
      expected: [{ code: 'unknown-fact', path: 'all.1.any.0.not.fact' }],
    },
    {
      behaviour: 'points at an operator json-rules-engine does not have',
      condition: { fact: 'segment', operator: 'startsWith', value: 'vip' },
      expected: [{ code: 'unknown-operator', path: 'operator' }],
    },
    {
      behaviour: 'points at an operator that does not fit the type of its fact',
      condition: { any: [{ fact: 'daysPastDue', operator: 'contains', value: 3 }] },
      expected: [{ code: 'operator-mismatch', path: 'any.0.operator' }],
    },
    {
      behaviour: 'points at the value of an "in" comparison that is not a list',
      condition: { all: [{ fact: 'segment', operator: 'in', value: 'vip' }] },
      expected: [{ code: 'value-mismatch', path: 'all.0.value' }],
    },
    {
      behaviour: 'accepts "notIn" with a list, and "in" with a value read from another fact',
      condition: { all: [{ fact: 'segment', operator: 'notIn', value: ['vip'] }, { fact: 'segment', operator: 'in', value: { fact: 'tags' } }] },
      expected: [],
    },
  ])('$behaviour', ({ condition, expected }) => {
    expect(ruleProblems(condition, 'The rule', { facts: FACT_NAMES }).map(({ code, path }) => ({ code, path }))).toEqual(expected);
  });

  it('opens each message with the subject it is given', () => {
    const [problem] = ruleProblems({ fact: 'shoeSize', operator: 'equal', value: 44 }, 'Condition "Big feet?"', { facts: FACT_NAMES });
    expect(problem?.message).toBe('Condition "Big feet?" tests the fact "shoeSize", which is not one of the known facts.');
  });

  it('leaves facts unchecked when no registry is given', () => {
    expect(ruleProblems({ fact: 'shoeSize', operator: 'equal', value: 44 }, 'The rule')).toEqual([]);
  });
});
