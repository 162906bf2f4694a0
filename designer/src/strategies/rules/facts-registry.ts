import type { FactDefinition, FactType } from '@recoup/domain';

/** What the rule builder offers: the facts a rule may test and the operators each fact type allows (GET /api/facts). */
export interface FactsRegistry {
  facts: readonly FactDefinition[];
  operatorsByType: Readonly<Record<FactType, readonly string[]>>;
}

export const FACT_TYPES: readonly FactType[] = ['number', 'string', 'boolean', 'date', 'list'];

export function findFact(registry: FactsRegistry, name: string): FactDefinition | undefined {
  return registry.facts.find((fact) => fact.name === name);
}

export function operatorsFor(registry: FactsRegistry, fact: FactDefinition): readonly string[] {
  return registry.operatorsByType[fact.type];
}

/** Money facts hold integer minor units (cents), never decimals: json-rules-engine compares plain numbers. */
export function isMinorUnits(fact: FactDefinition): boolean {
  return fact.type === 'number' && (fact.name.endsWith('Minor') || fact.unit === 'minor units');
}

export function factTypeLabel(type: FactType): string {
  switch (type) {
    case 'number':
      return 'Numbers';
    case 'string':
      return 'Text';
    case 'boolean':
      return 'Yes / no';
    case 'date':
      return 'Dates';
    case 'list':
      return 'Lists';
  }
}
