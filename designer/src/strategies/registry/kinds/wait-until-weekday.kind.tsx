import { settingBounds, type Weekday, WEEKDAYS } from '@recoup/domain';
import { IntegerField, MultiChoiceField } from '../../settings/fields.tsx';
import type { KindVisuals, SettingsProps } from '../node-spec.ts';

const WEEKDAY_LABELS: Record<Weekday, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

const SHORT: Record<Weekday, string> = { monday: 'Mon', tuesday: 'Tue', wednesday: 'Wed', thursday: 'Thu', friday: 'Fri', saturday: 'Sat', sunday: 'Sun' };

function WaitUntilWeekdaySettings({ config, onChange, readOnly }: SettingsProps<'wait-until-weekday'>) {
  return (
    <>
      <MultiChoiceField
        label="Go on on"
        hint="The run waits for the first of these days to come, at the hour below."
        readOnly={readOnly}
        value={config.weekdays ?? []}
        options={WEEKDAYS.map((day) => ({ value: day, label: WEEKDAY_LABELS[day] }))}
        onChange={(weekdays) => onChange({ ...config, weekdays })}
      />
      <IntegerField
        {...settingBounds('wait-until-weekday', 'hourUtc')}
        label="At (hour, UTC)"
        hint="0 to 23. Reminders sent after it still wait for the debtor's contact hours."
        readOnly={readOnly}
        value={config.hourUtc}
        onChange={(hourUtc) => onChange({ ...config, hourUtc })}
      />
    </>
  );
}

export const waitUntilWeekdaySpec: KindVisuals<'wait-until-weekday'> = {
  kind: 'wait-until-weekday',
  description: 'Wait for the next of the chosen weekdays, for example to call on Tuesdays.',
  group: 'Flow',
  glyph: '▥',
  hasInput: true,
  defaults: () => ({ weekdays: ['tuesday'], hourUtc: 9 }),
  summary: (config) => `Until ${(config.weekdays ?? []).map((day) => SHORT[day]).join(', ') || 'no day'} ${String(config.hourUtc ?? 9).padStart(2, '0')}:00 UTC`,
  Settings: WaitUntilWeekdaySettings,
};
