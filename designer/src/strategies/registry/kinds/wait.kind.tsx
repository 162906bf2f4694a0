import { settingBounds } from '@recoup/domain';
import type { KindConfig } from '../../model/flow-types.ts';
import { IntegerField, SelectField } from '../../settings/fields.tsx';
import type { KindVisuals, SettingsProps } from '../node-spec.ts';

type WaitConfig = KindConfig<'wait'>;

function describe(config: WaitConfig): string {
  if (config.mode === 'due-offset') {
    const days = config.offsetDays;
    if (days === 0) return 'Until the due date';
    return days < 0 ? `Until ${-days} day(s) before the due date` : `Until ${days} day(s) past due`;
  }
  const parts = [
    config.days ? `${config.days} d` : '',
    config.hours ? `${config.hours} h` : '',
    config.minutes ? `${config.minutes} min` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `Wait ${parts.join(' ')}` : 'Wait (no time set)';
}

function WaitSettings({ config, onChange, readOnly }: SettingsProps<'wait'>) {
  return (
    <>
      <SelectField
        label="Wait"
        readOnly={readOnly}
        value={config.mode}
        options={[
          { value: 'duration', label: 'For a length of time' },
          { value: 'due-offset', label: 'Until a day relative to the due date' },
        ]}
        onChange={(mode) => onChange(mode === 'duration' ? { mode, days: 3, hours: 0, minutes: 0 } : { mode, offsetDays: 0 })}
      />
      {config.mode === 'duration' ? (
        <div className="settings__row">
          <IntegerField {...settingBounds('wait', 'days')} label="Days" readOnly={readOnly} value={config.days} onChange={(days) => onChange({ ...config, days })} />
          <IntegerField {...settingBounds('wait', 'hours')} label="Hours" readOnly={readOnly} value={config.hours} onChange={(hours) => onChange({ ...config, hours })} />
          <IntegerField
            {...settingBounds('wait', 'minutes')}
            label="Minutes"
            readOnly={readOnly}
            value={config.minutes}
            onChange={(minutes) => onChange({ ...config, minutes })}
          />
        </div>
      ) : (
        <IntegerField
          {...settingBounds('wait', 'offsetDays')}
          label="Days from the oldest due date"
          hint="Negative waits until before the due date: -3 is three days before it. 7 is a week overdue."
          readOnly={readOnly}
          value={config.offsetDays}
          onChange={(offsetDays) => onChange({ ...config, offsetDays: offsetDays as number })}
        />
      )}
    </>
  );
}

export const waitSpec: KindVisuals<'wait'> = {
  kind: 'wait',
  description: 'Pause for a time, or until a day relative to the oldest due date.',
  group: 'Flow',
  glyph: '◷',
  hasInput: true,
  defaults: () => ({ mode: 'duration', days: 3, hours: 0, minutes: 0 }),
  summary: describe,
  Settings: WaitSettings,
};
