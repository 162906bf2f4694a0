import type { Comparison } from './condition-tree.ts';
import { findFact, operatorsFor } from './facts-registry.ts';
import type { FactsRegistry } from './facts-registry.ts';
import { carryValue, defaultValue, valueFits, valueKindOf } from './value-kind.ts';

// Edits of one comparison that keep it valid for the registry: every fact change and operator change leaves an
// operator the fact's type allows and a value its editor can show.

/** The comparison "Add comparison" creates: the registry's first fact with its first operator. */
export function newComparison(registry: FactsRegistry): Comparison {
  const [first] = registry.facts;
  if (!first) return { fact: '', operator: 'equal', value: null };
  return withFact(registry, { fact: first.name, operator: '', value: undefined }, first.name);
}

/**
 * Switches the fact. The operator stays when the new fact's type allows it; the value stays only when the new fact
 * takes the same kind of value (a day count carries over to another count, but "is consumer" never becomes a
 * segment, nor days an amount in minor units). `path` belongs to the old fact's shape, so it goes.
 */
export function withFact(registry: FactsRegistry, previous: Comparison, factName: string): Comparison {
  const fact = findFact(registry, factName);
  if (!fact) return { fact: factName, operator: previous.operator, value: previous.value };
  const allowed = operatorsFor(registry, fact);
  const operator = allowed.includes(previous.operator) ? previous.operator : (allowed[0] ?? previous.operator);
  const kind = valueKindOf(fact, operator);
  const previousKind = valueKindOf(findFact(registry, previous.fact), previous.operator);
  const sameKind = JSON.stringify(previousKind) === JSON.stringify(kind);
  const value = sameKind && valueFits(kind, previous.value) ? previous.value : defaultValue(kind);
  return { fact: fact.name, operator, value };
}

export function withOperator(registry: FactsRegistry, previous: Comparison, operator: string): Comparison {
  const kind = valueKindOf(findFact(registry, previous.fact), operator);
  return { ...previous, operator, value: carryValue(kind, previous.value) };
}

export function withValue(previous: Comparison, value: unknown): Comparison {
  return { ...previous, value };
}
