import { type RuleCondition } from '@recoup/domain';
import { ConditionField } from '../../settings/condition-field.tsx';
import type { KindVisuals, SettingsProps } from '../node-spec.ts';

/** A short reading of a condition for the canvas: the facts it tests. */
export function conditionGist(condition: RuleCondition | undefined): string {
  const facts = new Set<string>();
  const walk = (c: RuleCondition | undefined): void => {
    if (!c) return;
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else facts.add(c.fact);
  };
  walk(condition);
  return facts.size === 0 ? 'No test yet' : `Tests ${[...facts].join(', ')}`;
}

function ConditionSettings({ config, onChange, readOnly, context }: SettingsProps<'condition'>) {
  return (
    <ConditionField
      label="Take the yes exit when"
      value={config.condition}
      readOnly={readOnly}
      facts={context.facts}
      onChange={(condition) => onChange({ ...config, condition })}
    />
  );
}

export const conditionSpec: KindVisuals<'condition'> = {
  kind: 'condition',
  description: 'Branch yes or no on a rule over the account’s facts.',
  group: 'Decide',
  glyph: '◇',
  hasInput: true,
  defaults: () => ({ condition: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 30 }] } }),
  summary: (config) => conditionGist(config.condition),
  Settings: ConditionSettings,
};
