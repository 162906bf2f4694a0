import type { RuleOperator } from '@recoup/domain';

// People read "is greater than"; the JSON keeps json-rules-engine's operator names, which the engine needs.

const LABELS: Readonly<Record<RuleOperator, string>> = {
  equal: 'is',
  notEqual: 'is not',
  lessThan: 'is less than',
  lessThanInclusive: 'is at most',
  greaterThan: 'is greater than',
  greaterThanInclusive: 'is at least',
  in: 'is one of',
  notIn: 'is none of',
  contains: 'contains',
  doesNotContain: 'does not contain',
};

function isKnown(operator: string): operator is RuleOperator {
  return Object.hasOwn(LABELS, operator);
}

/** The words for an operator; an operator the builder does not know keeps its engine name. */
export function operatorLabel(operator: string): string {
  return isKnown(operator) ? LABELS[operator] : operator;
}

/** in / notIn compare the fact with a list of values rather than one value. */
export function takesList(operator: string): boolean {
  return operator === 'in' || operator === 'notIn';
}
