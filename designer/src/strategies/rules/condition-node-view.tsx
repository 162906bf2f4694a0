import { getAt, nodeOf } from './condition-tree.ts';
import type { ConditionPath } from './condition-tree.ts';
import { ComparisonRow } from './comparison-row.tsx';
import { ConditionGroupView } from './condition-group-view.tsx';
import { NegationView } from './negation-view.tsx';
import { useRuleBuilder } from './rule-builder-context.ts';

interface ConditionNodeViewProps {
  path: ConditionPath;
  /** Inside a not: the node offers no "Wrap in NOT" of its own (the not above offers "Remove NOT"). */
  negated?: boolean;
}

export function ConditionNodeView({ path, negated = false }: ConditionNodeViewProps) {
  const { root } = useRuleBuilder();
  const condition = getAt(root, path);
  if (!condition) return null;
  const node = nodeOf(condition);
  switch (node.kind) {
    case 'all':
    case 'any':
      return <ConditionGroupView path={path} kind={node.kind} count={node.children.length} negated={negated} />;
    case 'not':
      return <NegationView path={path} />;
    case 'comparison':
      return <ComparisonRow path={path} comparison={node.comparison} negated={negated} />;
  }
}
