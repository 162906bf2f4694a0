import type { RuleCondition } from '@recoup/domain';
import { getAt, nodeOf, numberOf } from './condition-tree.ts';
import type { ConditionPath } from './condition-tree.ts';

// Every control says which condition it belongs to ("Fact of condition 2", "Add group to group 3"), so a screen
// reader user, or anyone reading a test, can tell the many identical selects and buttons apart.

/** "condition 2.1", "group 3"; at the top, "the condition" or "the rule". A not is named after what it negates. */
export function nodeName(root: RuleCondition, path: ConditionPath): string {
  const number = numberOf(root, path);
  let condition = getAt(root, path);
  let node = condition ? nodeOf(condition) : undefined;
  while (node?.kind === 'not') {
    condition = node.inner;
    node = nodeOf(condition);
  }
  const isComparison = node?.kind === 'comparison';
  if (number === '') return isComparison ? 'the condition' : 'the rule';
  return `${isComparison ? 'condition' : 'group'} ${number}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A stable key for a path, for element ids. */
export function pathKey(path: ConditionPath): string {
  return path.length === 0 ? 'root' : path.join('-');
}
