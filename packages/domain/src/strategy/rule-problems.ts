import { FACTS, OPERATORS_BY_TYPE, RULE_OPERATORS, type FactType } from '../facts.ts';
import type { RuleCondition } from './graph.ts';
import type { ProblemCode } from './problems.ts';

export type RuleProblemCode = Extract<ProblemCode, 'unknown-fact' | 'unknown-operator' | 'operator-mismatch' | 'value-mismatch'>;

export interface RuleProblem {
  code: RuleProblemCode;
  /** Dotted path of the offending field inside the condition, such as "all.1.not.operator". */
  path: string;
  message: string;
}

export interface RuleCheckOptions {
  /** Fact names a rule may test; when given, every fact must be one of them. */
  facts?: ReadonlySet<string> | readonly string[];
}

const OPERATORS: ReadonlySet<string> = new Set(RULE_OPERATORS);
const FACT_TYPES: ReadonlyMap<string, FactType> = new Map(FACTS.map((f) => [f.name, f.type]));

const at = (prefix: string, field: string): string => (prefix ? `${prefix}.${field}` : field);

type Leaf = (fact: string, operator: string, value: unknown, path: string) => void;

function walk(condition: RuleCondition, path: string, leaf: Leaf): void {
  if ('all' in condition) condition.all.forEach((c, i) => walk(c, at(path, `all.${i}`), leaf));
  else if ('any' in condition) condition.any.forEach((c, i) => walk(c, at(path, `any.${i}`), leaf));
  else if ('not' in condition) walk(condition.not, at(path, 'not'), leaf);
  else leaf(condition.fact, condition.operator, condition.value, path);
}

/** json-rules-engine reads `{ fact }` as a value taken from another fact at run time, so its shape is unknown here. */
const isFactReference = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'fact' in value;

/** json-rules-engine throws at run time when `in`/`notIn` get anything but a list, so such a rule fails every retry. */
const LIST_OPERATORS: ReadonlySet<string> = new Set(['in', 'notIn']);

/**
 * The problems of every comparison in one rule: a fact outside the registry, an operator json-rules-engine does not
 * have, an operator that does not fit the type of its fact. The strategy validator reports them per node and the
 * rule tester per request, so both refuse exactly the same rules. `subject` opens each message ('Condition "Late?"').
 */
export function ruleProblems(condition: RuleCondition, subject: string, options: RuleCheckOptions = {}): RuleProblem[] {
  const facts = options.facts ? new Set<string>(options.facts) : undefined;
  const problems: RuleProblem[] = [];
  walk(condition, '', (fact, operator, value, path) => {
    if (facts && !facts.has(fact)) {
      problems.push({
        code: 'unknown-fact',
        path: at(path, 'fact'),
        message: `${subject} tests the fact "${fact}", which is not one of the known facts.`,
      });
    }
    if (!OPERATORS.has(operator)) {
      problems.push({
        code: 'unknown-operator',
        path: at(path, 'operator'),
        message: `${subject} uses the operator "${operator}", which is not one of ${RULE_OPERATORS.join(', ')}.`,
      });
      return;
    }
    if (LIST_OPERATORS.has(operator) && !Array.isArray(value) && !isFactReference(value)) {
      problems.push({
        code: 'value-mismatch',
        path: at(path, 'value'),
        message: `${subject} uses "${operator}" with a value that is not a list; "${operator}" needs a list of values.`,
      });
    }
    const type = FACT_TYPES.get(fact);
    const fitting = type ? OPERATORS_BY_TYPE[type] : undefined;
    if (type && fitting && !(fitting as readonly string[]).includes(operator)) {
      problems.push({
        code: 'operator-mismatch',
        path: at(path, 'operator'),
        message: `${subject} compares the ${type} fact "${fact}" with "${operator}"; a ${type} fact takes ${fitting.join(', ')}.`,
      });
    }
  });
  return problems;
}
