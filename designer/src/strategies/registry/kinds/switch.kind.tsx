import { PrioritisedRulesField } from '../../settings/prioritised-rules-field.tsx';
import type { KindVisuals, SettingsProps } from '../node-spec.ts';

function SwitchSettings({ config, onChange, readOnly, context }: SettingsProps<'switch'>) {
  const rules = config.rules ?? [];
  return (
    <>
      <p className="settings__note">Each outcome is an exit. When no rule holds, the run leaves through “default”.</p>
      <PrioritisedRulesField
        nameLabel="Outcome"
        readOnly={readOnly}
        facts={context.facts}
        rules={rules.map((rule) => ({ name: rule.outcome, priority: rule.priority, condition: rule.condition }))}
        onChange={(next) =>
          onChange({ ...config, rules: next.map((rule) => ({ outcome: rule.name, priority: rule.priority, condition: rule.condition })) })
        }
      />
    </>
  );
}

export const switchSpec: KindVisuals<'switch'> = {
  kind: 'switch',
  description: 'Route to one of several named outcomes by prioritised rules, with a default exit.',
  group: 'Decide',
  glyph: '⋔',
  hasInput: true,
  defaults: () => ({
    rules: [
      { outcome: 'high-value', priority: 10, condition: { all: [{ fact: 'overdueAmountMinor', operator: 'greaterThan', value: 500000 }] } },
    ],
  }),
  summary: (config) => `${(config.rules ?? []).length} rule(s) + default`,
  Settings: SwitchSettings,
};
