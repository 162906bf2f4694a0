import { comparisonProblems } from './comparison-problems.ts';
import { withFact, withOperator, withValue } from './comparison-edits.ts';
import { numberOf, replaceAt } from './condition-tree.ts';
import type { Comparison, ConditionPath } from './condition-tree.ts';
import { factSelectId } from './element-ids.ts';
import { FactSelect } from './fact-select.tsx';
import { findFact, operatorsFor } from './facts-registry.ts';
import { NodeActions } from './node-actions.tsx';
import { capitalise, nodeName, pathKey } from './node-names.ts';
import { OperatorSelect } from './operator-select.tsx';
import { useRuleBuilder } from './rule-builder-context.ts';
import { ValueInput } from './value-input.tsx';
import { joinIds } from './value-input-props.ts';
import { valueKindOf } from './value-kind.ts';

interface ComparisonRowProps {
  path: ConditionPath;
  comparison: Comparison;
  negated: boolean;
}

/** One comparison: fact, operator and value, with what the fact means underneath. */
export function ComparisonRow({ path, comparison, negated }: ComparisonRowProps) {
  const { root, registry, readOnly, idPrefix, change } = useRuleBuilder();
  const name = nodeName(root, path);
  const number = numberOf(root, path);
  const fact = findFact(registry, comparison.fact);
  const allowed = fact ? operatorsFor(registry, fact) : [comparison.operator];
  const kind = valueKindOf(fact, comparison.operator);
  const problems = comparisonProblems(registry, comparison);

  const base = `${idPrefix}-${pathKey(path)}`;
  const aboutId = `${base}-about`;
  const problemId = (field: string) => `${base}-${field}-problem`;
  const update = (next: Comparison) => change(replaceAt(root, path, next));

  return (
    <div className="rule-comparison" role="group" aria-label={capitalise(name)}>
      <div className="rule-comparison__line">
        {number ? <span className="rule-node__number">{number}</span> : null}
        <FactSelect
          id={factSelectId(idPrefix, path)}
          label={`Fact of ${name}`}
          describedBy={joinIds(fact && aboutId, problems.fact && problemId('fact'))}
          registry={registry}
          value={comparison.fact}
          known={fact}
          disabled={readOnly}
          invalid={problems.fact !== undefined}
          onChange={(factName) => update(withFact(registry, comparison, factName))}
        />
        <OperatorSelect
          label={`Operator of ${name}`}
          describedBy={problems.operator ? problemId('operator') : undefined}
          allowed={allowed}
          value={comparison.operator}
          disabled={readOnly || !fact}
          invalid={problems.operator !== undefined}
          onChange={(operator) => update(withOperator(registry, comparison, operator))}
        />
        <ValueInput
          // A new editor per kind: a number field's half-typed text means nothing to a list field.
          key={kind.kind}
          id={`${base}-value`}
          label={`Value of ${name}`}
          describedBy={problems.value ? problemId('value') : undefined}
          kind={kind}
          fact={fact}
          value={comparison.value}
          disabled={readOnly}
          invalid={problems.value !== undefined}
          onChange={(value) => update(withValue(comparison, value))}
        />
        <NodeActions path={path} negated={negated} />
      </div>
      {fact ? (
        <p id={aboutId} className="rule-comparison__about">
          {fact.description}
          {fact.nullable ? ' Can be null.' : ''}
        </p>
      ) : null}
      {(['fact', 'operator', 'value'] as const).map((field) =>
        problems[field] ? (
          <p key={field} id={problemId(field)} className="rule-comparison__problem">
            {problems[field]}
          </p>
        ) : null,
      )}
    </div>
  );
}
