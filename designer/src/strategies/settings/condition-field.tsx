import type { RuleCondition } from '@recoup/domain';
import type { FactsRegistry } from '../registry/node-spec.ts';
import { RuleBuilder } from '../rules/rule-builder.tsx';
import { RuleTestBox } from '../rules/rule-test-box.tsx';

interface ConditionFieldProps {
  label: string;
  value: RuleCondition | undefined;
  onChange(next: RuleCondition): void;
  readOnly: boolean;
  facts: FactsRegistry | null;
}

/** A node's json-rules-engine condition: the rule builder, and for editors a box to test it on a real account. */
export function ConditionField({ label, value, onChange, readOnly, facts }: ConditionFieldProps) {
  if (!facts) {
    return (
      <p className="settings__note" role="status">
        Loading the facts a rule can test…
      </p>
    );
  }
  const condition = value ?? { all: [] };
  return (
    <div className="field">
      <RuleBuilder value={condition} onChange={onChange} registry={facts} readOnly={readOnly} label={label} />
      {!readOnly ? <RuleTestBox condition={condition} registry={facts} /> : null}
    </div>
  );
}
