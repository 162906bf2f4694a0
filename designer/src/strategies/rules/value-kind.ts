import type { FactDefinition } from '@recoup/domain';
import { isMinorUnits } from './facts-registry.ts';
import { takesList } from './operator-labels.ts';

/**
 * Which value editor a comparison needs, decided by its fact's type and its operator. `nullable` marks an
 * equality test on a fact that can be null ("riskScore is null": the account has no score).
 */
export type ValueKind =
  | { kind: 'number'; minorUnits: boolean; nullable?: boolean }
  | { kind: 'choice'; options: readonly string[]; nullable?: boolean }
  | { kind: 'text'; nullable?: boolean }
  | { kind: 'date'; nullable?: boolean }
  | { kind: 'boolean'; nullable?: boolean }
  /** in / notIn: the fact is compared with each item. */
  | { kind: 'list'; item: ScalarKind }
  /** contains / doesNotContain on a list fact: the value is one item of the list. */
  | { kind: 'tag' }
  /** The fact is not in the registry, so nothing is known about its values. */
  | { kind: 'unknown' };

export type ScalarKind = Extract<ValueKind, { kind: 'number' | 'choice' | 'text' | 'date' | 'boolean' }>;

function scalarKindOf(fact: FactDefinition): ScalarKind {
  switch (fact.type) {
    case 'number':
      return { kind: 'number', minorUnits: isMinorUnits(fact) };
    case 'string':
      return fact.values && fact.values.length > 0 ? { kind: 'choice', options: fact.values } : { kind: 'text' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'date':
      return { kind: 'date' };
    case 'list':
      return { kind: 'text' };
  }
}

export function valueKindOf(fact: FactDefinition | undefined, operator: string): ValueKind {
  if (!fact) return { kind: 'unknown' };
  if (takesList(operator)) return { kind: 'list', item: scalarKindOf(fact) };
  if (fact.type === 'list') return { kind: 'tag' };
  const scalar = scalarKindOf(fact);
  return fact.nullable === true && (operator === 'equal' || operator === 'notEqual') ? { ...scalar, nullable: true } : scalar;
}

export function acceptsNull(kind: ValueKind): boolean {
  return 'nullable' in kind && kind.nullable === true;
}

export function defaultValue(kind: ValueKind): unknown {
  switch (kind.kind) {
    case 'number':
      return 0;
    case 'choice':
      return kind.options[0] ?? '';
    case 'text':
    case 'date':
    case 'tag':
      return '';
    case 'boolean':
      return true;
    case 'list':
      return [];
    case 'unknown':
      return null;
  }
}

export function valueFits(kind: ValueKind, value: unknown): boolean {
  if (value === null && acceptsNull(kind)) return true;
  switch (kind.kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && (!kind.minorUnits || Number.isSafeInteger(value));
    case 'choice':
      return typeof value === 'string' && kind.options.includes(value);
    case 'text':
    case 'date':
    case 'tag':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'list':
      return Array.isArray(value) && value.every((item) => valueFits(kind.item, item));
    case 'unknown':
      return true;
  }
}

/**
 * The value to keep when the operator changes: the same value if it still fits, one value in or out of a list
 * when the operator moves between a single value and a list (in / notIn), else the kind's default.
 */
export function carryValue(kind: ValueKind, previous: unknown): unknown {
  if (valueFits(kind, previous)) return previous;
  if (kind.kind === 'list' && previous !== '' && valueFits(kind.item, previous)) return [previous];
  if (Array.isArray(previous) && previous.length > 0 && valueFits(kind, previous[0])) return previous[0];
  return defaultValue(kind);
}
