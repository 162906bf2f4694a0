import type { RuleCondition } from '@recoup/domain';
import { findJsonSyntaxProblem } from './json-syntax.ts';

// Text typed into the raw JSON view becomes a condition only when it has exactly the shape the strategy schema
// accepts (ruleConditionSchema, which is strict); anything else is explained with where it went wrong.

export type ConditionParse = { ok: true; condition: RuleCondition } | { ok: false; error: string };

const GROUP_KEYS = ['all', 'any', 'not'] as const;
const COMPARISON_KEYS = new Set(['fact', 'operator', 'value', 'path']);

class ShapeProblem {
  readonly message: string;

  constructor(where: string, what: string) {
    this.message = `${where === '' ? 'The condition' : `At ${where}, the condition`} ${what}.`;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function readCondition(value: unknown, where: string): RuleCondition {
  if (!isRecord(value)) {
    throw new ShapeProblem(where, `must be an object with "all", "any", "not" or "fact", not ${describe(value)}`);
  }
  const keys = Object.keys(value);
  const groupKeys = GROUP_KEYS.filter((key) => Object.hasOwn(value, key));
  const [groupKey, ...more] = groupKeys;
  if (groupKey !== undefined) {
    if (more.length > 0) throw new ShapeProblem(where, `has both "${groupKey}" and "${more[0]}"; use one per object`);
    const extra = keys.find((key) => key !== groupKey);
    if (extra !== undefined) throw new ShapeProblem(where, `has "${extra}" beside "${groupKey}", which is not allowed`);
    const inner = value[groupKey];
    switch (groupKey) {
      case 'all':
      case 'any': {
        if (!Array.isArray(inner)) throw new ShapeProblem(where, `needs a list after "${groupKey}", not ${describe(inner)}`);
        const children = inner.map((child, index) => readCondition(child, `${where}${where ? '.' : ''}${groupKey}[${index}]`));
        return groupKey === 'all' ? { all: children } : { any: children };
      }
      case 'not':
        return { not: readCondition(inner, `${where}${where ? '.' : ''}not`) };
    }
  }
  if (!Object.hasOwn(value, 'fact')) {
    throw new ShapeProblem(where, 'needs "all", "any", "not", or a comparison with "fact", "operator" and "value"');
  }
  const extra = keys.find((key) => !COMPARISON_KEYS.has(key));
  if (extra !== undefined) throw new ShapeProblem(where, `has "${extra}", which a comparison may not have`);
  const { fact, operator, path } = value;
  if (typeof fact !== 'string' || fact === '') throw new ShapeProblem(where, 'needs a fact name as text in "fact"');
  if (typeof operator !== 'string' || operator === '') {
    throw new ShapeProblem(where, 'needs an operator name as text in "operator"');
  }
  if (!Object.hasOwn(value, 'value')) throw new ShapeProblem(where, 'needs a "value" to compare the fact with');
  if (path !== undefined && typeof path !== 'string') throw new ShapeProblem(where, 'needs text in "path" when it has one');
  const comparison: RuleCondition = { fact, operator, value: value['value'] };
  return path === undefined ? comparison : { ...comparison, path };
}

/** Checks that an already parsed JSON value is a condition. */
export function parseCondition(value: unknown): ConditionParse {
  try {
    return { ok: true, condition: readCondition(value, '') };
  } catch (error) {
    if (error instanceof ShapeProblem) return { ok: false, error: error.message };
    throw error;
  }
}

export function parseConditionText(text: string): ConditionParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const problem = findJsonSyntaxProblem(text);
    // The scanner and JSON.parse should always agree; if not, the engine's own words are better than none.
    return { ok: false, error: problem ? problem.message : `This is not valid JSON: ${String(error)}` };
  }
  return parseCondition(json);
}

/** The JSON the raw view shows: two-space indents, the key order the builder writes. */
export function formatCondition(condition: RuleCondition): string {
  return JSON.stringify(condition, null, 2);
}
