import { useEffect, useId, useMemo, useRef } from 'react';
import type { RuleCondition } from '@recoup/domain';
import { ConditionNodeView } from './condition-tree-view.tsx';
import { wrapInGroup } from './condition-tree.ts';
import { factSelectId } from './element-ids.ts';
import type { FactsRegistry } from './facts-registry.ts';
import { RawJsonView } from './raw-json-view.tsx';
import { RuleBuilderContext } from './rule-builder-context.ts';
import type { RuleBuilderContextValue } from './rule-builder-context.ts';
import './rules.css';

export interface RuleBuilderProps {
  value: RuleCondition;
  onChange(next: RuleCondition): void;
  registry: FactsRegistry;
  readOnly?: boolean;
  /** The legend, e.g. "Condition for the yes branch"; defaults to "Rule". */
  label?: string;
}

/** Builds a json-rules-engine condition (all / any / not / comparisons) by clicks, or as JSON. */
export function RuleBuilder({ value, onChange, registry, readOnly = false, label = 'Rule' }: RuleBuilderProps) {
  const idPrefix = useId();
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    if (pendingFocus.current === null) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });

  const context = useMemo<RuleBuilderContextValue>(
    () => ({
      root: value,
      registry,
      readOnly,
      idPrefix,
      change: onChange,
      focusAfterRender: (elementId) => {
        pendingFocus.current = elementId;
      },
    }),
    [value, registry, readOnly, idPrefix, onChange],
  );

  const isGroup = 'all' in value || 'any' in value;

  function putInGroup() {
    onChange(wrapInGroup(value, []));
    pendingFocus.current = factSelectId(idPrefix, [0]);
  }

  return (
    <fieldset className="rule-builder">
      <legend className="rule-builder__legend">{label}</legend>
      {isGroup ? null : (
        <div className="rule-builder__notice">
          <p>To combine this with other conditions, put it in a group.</p>
          <button type="button" className="button button--small" disabled={readOnly} onClick={putInGroup}>
            Put in a group
          </button>
        </div>
      )}
      <RuleBuilderContext value={context}>
        <ConditionNodeView path={[]} />
      </RuleBuilderContext>
      <RawJsonView value={value} onChange={onChange} readOnly={readOnly} />
    </fieldset>
  );
}
