import { REMINDER_CHANNELS, type ReminderChannel } from '@recoup/domain';
import { SelectField } from '../../settings/fields.tsx';
import type { KindVisuals, SettingsProps } from '../node-spec.ts';

const CHANNEL_LABELS: Record<ReminderChannel, string> = { email: 'E-mail', sms: 'SMS', letter: 'Letter', webhook: 'Webhook' };

function ReminderSettings({ config, onChange, readOnly, context }: SettingsProps<'reminder'>) {
  return (
    <>
      <SelectField
        label="Channel"
        readOnly={readOnly}
        value={config.channel}
        options={REMINDER_CHANNELS.map((channel) => ({ value: channel, label: CHANNEL_LABELS[channel] }))}
        onChange={(channel) => onChange({ ...config, channel })}
      />
      <SelectField
        label="Template"
        hint="Sent within contact hours and honouring opt-outs; edit the texts under Templates."
        readOnly={readOnly}
        value={config.template}
        options={context.templates.map((template) => ({ value: template.key, label: `${template.name} (${template.key})` }))}
        onChange={(template) => onChange({ ...config, template })}
      />
    </>
  );
}

export const reminderSpec: KindVisuals<'reminder'> = {
  kind: 'reminder',
  description: 'Send a reminder by e-mail, SMS, letter or webhook from a template.',
  group: 'Contact',
  glyph: '✉',
  hasInput: true,
  defaults: () => ({ channel: 'email', template: 'overdue-7' }),
  summary: (config) => `${CHANNEL_LABELS[config.channel] ?? config.channel} · ${config.template || 'no template'}`,
  Settings: ReminderSettings,
};
