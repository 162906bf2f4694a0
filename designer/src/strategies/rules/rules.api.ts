import type { RuleCondition } from '@recoup/domain';
import type { ApiClient } from '../../api/api-client.ts';
import { isRecord, isStringArray, unexpected } from '../../api/response-reading.ts';

/** POST /api/rules/evaluate: how a condition comes out for one real account, with the facts it was given. */
export interface RuleEvaluationResult {
  result: boolean;
  /** The comparisons that held, worded as the evaluate-condition activity records them. */
  matched: string[];
  facts: Record<string, unknown>;
  account: { id: string; name: string };
}

export function readRuleEvaluation(body: unknown): RuleEvaluationResult {
  if (!isRecord(body)) throw unexpected('a rule evaluation');
  const { result, matched, facts, account } = body;
  if (
    typeof result !== 'boolean' ||
    !isStringArray(matched) ||
    !isRecord(facts) ||
    !isRecord(account) ||
    typeof account['id'] !== 'string' ||
    typeof account['name'] !== 'string'
  ) {
    throw unexpected('a rule evaluation');
  }
  return { result, matched, facts, account: { id: account['id'], name: account['name'] } };
}

export async function evaluateRule(
  client: ApiClient,
  request: { condition: RuleCondition; accountId: string },
): Promise<RuleEvaluationResult> {
  return readRuleEvaluation(await client.post<unknown>('/api/rules/evaluate', request));
}
