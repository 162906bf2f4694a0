import { enclosingGroupPath, removeAt, wrapInNot } from './condition-tree.ts';
import type { ConditionPath } from './condition-tree.ts';
import { addComparisonId, removeNotId, wrapNotId } from './element-ids.ts';
import { nodeName } from './node-names.ts';
import { useRuleBuilder } from './rule-builder-context.ts';

interface NodeActionsProps {
  path: ConditionPath;
  negated: boolean;
}

/** The buttons every condition and group has: negate it and remove it. The top of the tree cannot be removed. */
export function NodeActions({ path, negated }: NodeActionsProps) {
  const { root, readOnly, idPrefix, change, focusAfterRender } = useRuleBuilder();
  const name = nodeName(root, path);

  function negate() {
    change(wrapInNot(root, path));
    focusAfterRender(removeNotId(idPrefix, path));
  }

  function remove() {
    const groupPath = enclosingGroupPath(root, path);
    change(removeAt(root, path));
    focusAfterRender(addComparisonId(idPrefix, groupPath ?? []));
  }

  return (
    <div className="rule-actions">
      {negated ? null : (
        <button
          type="button"
          id={wrapNotId(idPrefix, path)}
          className="button button--small"
          aria-label={`Wrap ${name} in NOT`}
          disabled={readOnly}
          onClick={negate}
        >
          Wrap in NOT
        </button>
      )}
      {path.length > 0 ? (
        <button
          type="button"
          className="button button--small rule-actions__remove"
          aria-label={`Remove ${name}`}
          disabled={readOnly}
          onClick={remove}
        >
          Remove
        </button>
      ) : null}
    </div>
  );
}
