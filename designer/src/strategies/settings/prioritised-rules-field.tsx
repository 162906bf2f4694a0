import type { RuleCondition } from '@recoup/domain';
import type { FactsRegistry } from '../registry/node-spec.ts';
import { ConditionField } from './condition-field.tsx';
import { IntegerField, TextField } from './fields.tsx';

export interface PrioritisedRule {
  name: string;
  priority: number | undefined;
  condition: RuleCondition;
}

interface PrioritisedRulesFieldProps {
  /** 'Outcome' for a switch, 'Pool' for an assignment: what the name of each rule is. */
  nameLabel: string;
  rules: readonly PrioritisedRule[];
  onChange(next: PrioritisedRule[]): void;
  readOnly: boolean;
  facts: FactsRegistry | null;
}

/** The rules of a switch or an assignment: the highest priority that holds wins, ties go to the first listed. */
export function PrioritisedRulesField({ nameLabel, rules, onChange, readOnly, facts }: PrioritisedRulesFieldProps) {
  const update = (index: number, patch: Partial<PrioritisedRule>) =>
    onChange(rules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)));
  return (
    <div className="settings__rules">
      {rules.map((rule, index) => (
        <fieldset key={index} className="settings__rule">
          <legend>Rule {index + 1}</legend>
          <div className="settings__row">
            <TextField label={nameLabel} readOnly={readOnly} value={rule.name} onChange={(name) => update(index, { name })} />
            <IntegerField
              label="Priority"
              hint="Higher wins"
              min={0}
              max={1000}
              readOnly={readOnly}
              value={rule.priority}
              onChange={(priority) => update(index, { priority })}
            />
          </div>
          <ConditionField
            label={`${nameLabel} “${rule.name || '…'}” when`}
            value={rule.condition}
            readOnly={readOnly}
            facts={facts}
            onChange={(condition) => update(index, { condition })}
          />
          {!readOnly ? (
            <button type="button" className="button button--small button--ghost" onClick={() => onChange(rules.filter((_, i) => i !== index))}>
              Remove rule {index + 1}
            </button>
          ) : null}
        </fieldset>
      ))}
      {!readOnly ? (
        <button
          type="button"
          className="button button--small"
          onClick={() =>
            onChange([...rules, { name: `${nameLabel.toLowerCase()}-${rules.length + 1}`, priority: 0, condition: { all: [] } }])
          }
        >
          Add rule
        </button>
      ) : null}
    </div>
  );
}
