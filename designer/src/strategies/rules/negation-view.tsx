import { unwrapNot } from './condition-tree.ts';
import type { ConditionPath } from './condition-tree.ts';
import { ConditionNodeView } from './condition-node-view.tsx';
import { removeNotId, wrapNotId } from './element-ids.ts';
import { capitalise, nodeName } from './node-names.ts';
import { useRuleBuilder } from './rule-builder-context.ts';

/** A not, drawn as a frame around the condition it negates. */
export function NegationView({ path }: { path: ConditionPath }) {
  const { root, readOnly, idPrefix, change, focusAfterRender } = useRuleBuilder();
  const name = nodeName(root, path);

  function unwrap() {
    change(unwrapNot(root, path));
    focusAfterRender(wrapNotId(idPrefix, path));
  }

  return (
    <div className="rule-not" role="group" aria-label={`NOT: ${capitalise(name)}`}>
      <div className="rule-not__header">
        <span className="rule-not__badge">NOT</span>
        <span className="rule-not__text">the following must not hold</span>
        <button
          type="button"
          id={removeNotId(idPrefix, path)}
          className="button button--small"
          aria-label={`Remove NOT from ${name}`}
          disabled={readOnly}
          onClick={unwrap}
        >
          Remove NOT
        </button>
      </div>
      <ConditionNodeView path={[...path, 0]} negated />
    </div>
  );
}
