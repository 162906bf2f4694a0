// The condition tree's views: a node is a group (all/any), a not or a comparison, and groups and nots hold nodes,
// so the three views render one another and live in one module.
import type { ChangeEvent } from 'react';
import { ComparisonRow } from './comparison-row.tsx';
import { newComparison } from './comparison-edits.ts';
import { appendChild, getAt, nodeOf, numberOf, setGroupKind, unwrapNot } from './condition-tree.ts';
import type { ConditionPath, GroupKind } from './condition-tree.ts';
import { addComparisonId, factSelectId, groupKindId, removeNotId, wrapNotId } from './element-ids.ts';
import { NodeActions } from './node-actions.tsx';
import { capitalise, nodeName } from './node-names.ts';
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

interface ConditionGroupViewProps {
  path: ConditionPath;
  kind: GroupKind;
  count: number;
  negated: boolean;
}

function isGroupKind(value: string): value is GroupKind {
  return value === 'all' || value === 'any';
}

export function ConditionGroupView({ path, kind, count, negated }: ConditionGroupViewProps) {
  const { root, registry, readOnly, idPrefix, change, focusAfterRender } = useRuleBuilder();
  const name = nodeName(root, path);
  const number = numberOf(root, path);

  function switchKind(event: ChangeEvent<HTMLSelectElement>) {
    if (isGroupKind(event.target.value)) change(setGroupKind(root, path, event.target.value));
  }

  function addComparison() {
    change(appendChild(root, path, newComparison(registry)));
    focusAfterRender(factSelectId(idPrefix, [...path, count]));
  }

  function addGroup() {
    // A new group starts with one comparison: an empty group always holds, which is rarely what anyone means.
    change(appendChild(root, path, { all: [newComparison(registry)] }));
    focusAfterRender(groupKindId(idPrefix, [...path, count]));
  }

  return (
    <div className={`rule-group rule-group--${kind}`} role="group" aria-label={capitalise(name)}>
      <div className="rule-group__header">
        {number ? <span className="rule-node__number">{number}</span> : null}
        <select
          id={groupKindId(idPrefix, path)}
          className="field__input rule-group__kind"
          aria-label={`Match all or any in ${name}`}
          value={kind}
          disabled={readOnly}
          onChange={switchKind}
        >
          <option value="all">All of these must hold</option>
          <option value="any">Any of these must hold</option>
        </select>
        <NodeActions path={path} negated={negated} />
      </div>
      {count === 0 ? (
        <p className="rule-group__empty">No conditions yet. An empty group always holds.</p>
      ) : (
        <ol className="rule-group__children">
          {Array.from({ length: count }, (_, index) => (
            // Positions are the identity here: conditions have no ids of their own in the JSON.
            <li key={index} className="rule-group__child">
              {index > 0 ? (
                <span className="rule-group__joiner" aria-hidden="true">
                  {kind === 'all' ? 'and' : 'or'}
                </span>
              ) : null}
              <ConditionNodeView path={[...path, index]} />
            </li>
          ))}
        </ol>
      )}
      <div className="rule-group__footer">
        <button
          type="button"
          id={addComparisonId(idPrefix, path)}
          className="button button--small"
          aria-label={`Add comparison to ${name}`}
          disabled={readOnly}
          onClick={addComparison}
        >
          Add comparison
        </button>
        <button
          type="button"
          className="button button--small"
          aria-label={`Add group to ${name}`}
          disabled={readOnly}
          onClick={addGroup}
        >
          Add group
        </button>
      </div>
    </div>
  );
}

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
