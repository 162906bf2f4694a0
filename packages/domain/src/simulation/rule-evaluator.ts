import type { RuleCondition } from '../strategy/graph.ts';
import { RuleEvaluationError } from './simulation-errors.ts';

// Production evaluates strategy conditions with json-rules-engine (7.x) inside an activity; the pure simulator
// cannot await an engine per decision, so this evaluator reproduces json-rules-engine's semantics for the operators
// a strategy may use (RULE_OPERATORS). It must agree with json-rules-engine on every one of them, quirks included:
// - the numeric operators first check Number.parseFloat(fact) is not NaN (so null never compares), then use JS `<`;
// - contains/doesNotContain are false unless the fact is an array (both of them: the array check comes first);
// - in/notIn call indexOf on the value, so a string value means substring search and anything else is an error;
// - an empty `all` and an empty `any` are both true;
// - a value of the form { fact: name } compares against that fact; `path` is ignored because every fact is a scalar;
// - unknown facts are undefined (the engine runs with allowUndefinedFacts).
// No condition carries a priority (the graph schema forbids it), so every comparison of a group is evaluated, which
// is also why `matched` lists every comparison that held, as the activity reports it.

export interface RuleEvaluation {
  result: boolean;
  /** The comparisons that held, worded as the evaluate-condition activity words them. */
  matched: string[];
}

type Operator = (fact: unknown, value: unknown, name: string, operator: string) => boolean;

function isNumeric(value: unknown): boolean {
  return !Number.isNaN(Number.parseFloat(String(value)));
}

function indexIn(list: unknown, item: unknown, name: string, operator: string): number {
  if (Array.isArray(list)) return list.indexOf(item);
  if (typeof list === 'string') return list.indexOf(String(item));
  throw new RuleEvaluationError(name, operator, 'the value must be a list.');
}

// The casts keep JavaScript's own comparison of whatever the fact holds, exactly as json-rules-engine does.
const OPERATORS: Readonly<Record<string, Operator>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  lessThan: (a, b) => isNumeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumeric(a) && (a as number) >= (b as number),
  in: (a, b, name, op) => indexIn(b, a, name, op) > -1,
  notIn: (a, b, name, op) => indexIn(b, a, name, op) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
};

function isFactReference(value: unknown): value is { fact: string } {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, 'fact');
}

function evaluate(condition: RuleCondition, facts: Readonly<Record<string, unknown>>, matched: string[]): boolean {
  if ('all' in condition) {
    let result = true;
    for (const inner of condition.all) result = evaluate(inner, facts, matched) && result;
    return result;
  }
  if ('any' in condition) {
    if (condition.any.length === 0) return true;
    let result = false;
    for (const inner of condition.any) result = evaluate(inner, facts, matched) || result;
    return result;
  }
  if ('not' in condition) return !evaluate(condition.not, facts, matched);
  const operator = Object.hasOwn(OPERATORS, condition.operator) ? OPERATORS[condition.operator] : undefined;
  if (!operator) throw new RuleEvaluationError(condition.fact, condition.operator, 'unknown operator.');
  const factValue = facts[condition.fact];
  const value = isFactReference(condition.value) ? facts[condition.value.fact] : condition.value;
  const result = operator(factValue, value, condition.fact, condition.operator);
  if (result) {
    matched.push(
      `${condition.fact} ${condition.operator} ${JSON.stringify(condition.value)} (was ${JSON.stringify(factValue)})`,
    );
  }
  return result;
}

/** Evaluates a strategy condition over plain fact values, as json-rules-engine would. */
export function evaluateRuleCondition(
  condition: RuleCondition,
  facts: Readonly<Record<string, unknown>>,
): RuleEvaluation {
  const matched: string[] = [];
  const result = evaluate(condition, facts, matched);
  return { result, matched };
}
