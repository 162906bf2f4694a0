import { ASSIGNMENT_POLICIES } from '@recoup/domain';
import { NameListField, TextField } from '../../settings/fields.tsx';
import { PrioritisedRulesField } from '../../settings/prioritised-rules-field.tsx';
import type { KindVisuals, SettingsProps } from '../node-spec.ts';

function AssignSettings({ config, onChange, readOnly, context }: SettingsProps<'assign'>) {
  return (
    <>
      <TextField
        label="Default pool"
        hint="The collector pool that gets the account when no rule below holds."
        readOnly={readOnly}
        value={config.defaultPool ?? ''}
        onChange={(defaultPool) => onChange({ ...config, defaultPool })}
      />
      <NameListField
        label="Required skills"
        itemLabel="Skill"
        hint="Only collectors with every one of these skills receive the account."
        readOnly={readOnly}
        value={config.requiredSkills ?? []}
        onChange={(requiredSkills) => onChange({ ...config, requiredSkills })}
      />
      <PrioritisedRulesField
        nameLabel="Pool"
        readOnly={readOnly}
        facts={context.facts}
        rules={(config.rules ?? []).map((rule) => ({ name: rule.pool, priority: rule.priority, condition: rule.condition }))}
        onChange={(next) =>
          onChange({ ...config, rules: next.map((rule) => ({ pool: rule.name, priority: rule.priority, condition: rule.condition })) })
        }
      />
    </>
  );
}

export const assignSpec: KindVisuals<'assign'> = {
  kind: 'assign',
  description: `Give the account to a collector pool by rules (${ASSIGNMENT_POLICIES.join(' or ')} inside the pool).`,
  group: 'People',
  glyph: '⇥',
  hasInput: true,
  defaults: () => ({ rules: [], defaultPool: 'general', requiredSkills: [] }),
  summary: (config) => `Pool ${config.defaultPool || '?'}${(config.rules ?? []).length ? ` + ${(config.rules ?? []).length} rule(s)` : ''}`,
  Settings: AssignSettings,
};
