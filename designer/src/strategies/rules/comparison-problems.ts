import type { Comparison } from './condition-tree.ts';
import { findFact, operatorsFor } from './facts-registry.ts';
import type { FactsRegistry } from './facts-registry.ts';
import { operatorLabel } from './operator-labels.ts';
import { acceptsNull, valueFits, valueKindOf } from './value-kind.ts';
import type { ValueKind } from './value-kind.ts';

// A condition typed as JSON can say anything json-rules-engine accepts; the builder shows it as it is and says
// what the strategy validator will refuse, rather than silently changing it.

export interface ComparisonProblems {
  fact?: string;
  operator?: string;
  value?: string;
}

function describeExpected(kind: ValueKind): string {
  return acceptsNull(kind) ? `${describeOne(kind)} or null` : describeOne(kind);
}

function describeOne(kind: ValueKind): string {
  switch (kind.kind) {
    case 'number':
      return kind.minorUnits ? 'a whole number of minor units' : 'a number';
    case 'choice':
      return `one of ${kind.options.join(', ')}`;
    case 'text':
    case 'tag':
      return 'text';
    case 'date':
      return 'an ISO date-time written as text';
    case 'boolean':
      return 'true or false';
    case 'list':
      return `a list whose every item is ${describeExpected(kind.item)}`;
    case 'unknown':
      return 'anything';
  }
}

export function comparisonProblems(registry: FactsRegistry, comparison: Comparison): ComparisonProblems {
  const fact = findFact(registry, comparison.fact);
  if (!fact) {
    return { fact: `"${comparison.fact}" is not a fact the rules engine provides; choose one from the list.` };
  }
  const problems: ComparisonProblems = {};
  const allowed = operatorsFor(registry, fact);
  if (!allowed.includes(comparison.operator)) {
    problems.operator = `"${operatorLabel(comparison.operator)}" does not apply to ${fact.name}; use ${allowed
      .map(operatorLabel)
      .join(', ')}.`;
  }
  const kind = valueKindOf(fact, comparison.operator);
  if (!valueFits(kind, comparison.value)) {
    problems.value = `The value must be ${describeExpected(kind)}.`;
  }
  return problems;
}
