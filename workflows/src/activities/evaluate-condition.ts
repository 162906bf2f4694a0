import type { EntityManager } from '@mikro-orm/postgresql';
import { Engine, type TopLevelCondition } from 'json-rules-engine';
import type { RuleCondition } from '@recoup/domain';
import { loadAccountFacts } from './account-facts.ts';
import type { EvaluateConditionResult } from './activity-types.ts';
import { errorMessage } from '@recoup/domain';
import { WorkflowsError } from '../errors.ts';
import type { RecoupErrorOptions } from '@recoup/domain';

interface ResultNode {
  all?: ResultNode[];
  any?: ResultNode[];
  not?: ResultNode;
  fact?: string;
  operator?: string;
  value?: unknown;
  result?: boolean;
  factResult?: unknown;
}

/** json-rules-engine could not evaluate a condition, such as "in" with a value that is not a list. */
export class RuleEngineError extends WorkflowsError {
  override readonly name = 'RuleEngineError';
  constructor(message: string, options?: RecoupErrorOptions) {
    super('invalid', 'rule-not-evaluable', message, options);
  }
}

/** json-rules-engine wants all/any/not at the top; a single comparison is wrapped. */
function topLevel(condition: RuleCondition): TopLevelCondition {
  return 'fact' in condition ? { all: [condition] } : (condition as TopLevelCondition);
}

function collectMatched(node: ResultNode, out: string[]): void {
  if (node.all) node.all.forEach((c) => collectMatched(c, out));
  else if (node.any) node.any.forEach((c) => collectMatched(c, out));
  else if (node.not) collectMatched(node.not, out);
  else if (node.fact && node.result) {
    out.push(`${node.fact} ${node.operator} ${JSON.stringify(node.value)} (was ${JSON.stringify(node.factResult)})`);
  }
}

/** Evaluates one strategy condition against the account's facts and says which comparisons held. */
export async function evaluateRule(condition: RuleCondition, facts: Record<string, unknown>): Promise<EvaluateConditionResult> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addRule({ name: 'condition', conditions: topLevel(condition), event: { type: 'matched' } });
  let outcome: Awaited<ReturnType<Engine['run']>>;
  try {
    outcome = await engine.run(facts);
  } catch (error) {
    throw new RuleEngineError(`The rules engine could not evaluate the condition: ${errorMessage(error)}`, {
      cause: error,
    });
  }
  const ruleResult = outcome.results[0] ?? outcome.failureResults[0];
  const matched: string[] = [];
  if (ruleResult) collectMatched(ruleResult.conditions as unknown as ResultNode, matched);
  return { result: outcome.results.length > 0, matched, facts };
}

/**
 * The evaluate-condition activity: the account's facts as of `now`, and the condition evaluated against them. The
 * rule tester of the designer runs it too, so a manager sees what a workflow would decide.
 */
export async function evaluateConditionForAccount(
  em: EntityManager,
  accountId: string,
  condition: RuleCondition,
  now: Date,
): Promise<EvaluateConditionResult> {
  const facts = await loadAccountFacts(em, accountId, now);
  return evaluateRule(condition, { ...facts });
}
