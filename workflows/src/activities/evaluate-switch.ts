import type { PrioritisedRule } from '@recoup/domain';
import { evaluateRule } from './evaluate-condition.ts';

/** Highest priority first; equal priorities keep the order the manager listed them in. */
export function byPriority(rules: readonly PrioritisedRule[]): PrioritisedRule[] {
  return rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => b.rule.priority - a.rule.priority || a.index - b.index)
    .map(({ rule }) => rule);
}

/**
 * The first rule, in priority order, that holds for the facts; null when none does. The comparisons that held for
 * the winner are returned so the decision can be explained.
 */
export async function firstMatchingRule(
  rules: readonly PrioritisedRule[],
  facts: Record<string, unknown>,
): Promise<{ name: string | null; matched: string[] }> {
  for (const rule of byPriority(rules)) {
    const evaluated = await evaluateRule(rule.condition, facts);
    if (evaluated.result) return { name: rule.name, matched: evaluated.matched };
  }
  return { name: null, matched: [] };
}
