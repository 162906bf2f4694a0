import { ESCALATION_ACTIONS, settingBounds } from '@recoup/domain';
import { IntegerField, SelectField } from '../../settings/fields.tsx';
import type { KindVisuals, SettingsProps } from '../node-spec.ts';

type EscalationAction = (typeof ESCALATION_ACTIONS)[number];

const ACTION_LABELS: Record<EscalationAction, string> = {
  'notify-manager': 'Notify the manager',
  'manager-review': 'Manager review task',
  'legal-review': 'Legal review',
  'agency-handover': 'Hand over to an agency',
};

function EscalateSettings({ config, onChange, readOnly }: SettingsProps<'escalate'>) {
  return (
    <>
      <IntegerField {...settingBounds('escalate', 'level')} label="Level" readOnly={readOnly} value={config.level} onChange={(level) => onChange({ ...config, level: level as number })} />
      <SelectField
        label="Action"
        readOnly={readOnly}
        value={config.action}
        options={ESCALATION_ACTIONS.map((action) => ({ value: action, label: ACTION_LABELS[action] }))}
        onChange={(action) => onChange({ ...config, action })}
      />
    </>
  );
}

export const escalateSpec: KindVisuals<'escalate'> = {
  kind: 'escalate',
  description: 'Raise the account to a level with an action: notify, review, legal or agency.',
  group: 'People',
  glyph: '⚑',
  hasInput: true,
  defaults: () => ({ level: 1, action: 'manager-review' }),
  summary: (config) => `Level ${config.level ?? '?'} · ${ACTION_LABELS[config.action] ?? config.action}`,
  Settings: EscalateSettings,
};
