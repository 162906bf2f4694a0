import { settingBounds, WAIT_EVENTS, type WaitEvent } from '@recoup/domain';
import { IntegerField, MultiChoiceField } from '../../settings/fields.tsx';
import type { KindVisuals, SettingsProps } from '../node-spec.ts';

const EVENT_LABELS: Record<WaitEvent, string> = {
  payment: 'A payment arrives',
  promise: 'The debtor promises to pay',
  'promise-kept': 'A promise is kept',
  'promise-broken': 'A promise is broken',
  dispute: 'A dispute is opened',
  'task-outcome': 'A task gets its outcome',
  'portal-visited': 'The debtor opens the portal',
  'promise-online': 'The debtor promises to pay in the portal',
  'plan-requested': 'The debtor asks for a payment plan in the portal',
};

function WaitForEventSettings({ config, onChange, readOnly }: SettingsProps<'wait-for-event'>) {
  return (
    <>
      <MultiChoiceField
        label="Wake on"
        hint="Each event chosen is an exit; 'timeout' is taken when none arrives in time."
        readOnly={readOnly}
        value={config.events ?? []}
        options={WAIT_EVENTS.map((event) => ({ value: event, label: EVENT_LABELS[event] }))}
        onChange={(events) => onChange({ ...config, events })}
      />
      <div className="settings__row">
        <IntegerField
          {...settingBounds('wait-for-event', 'timeoutDays')}
          label="Time out after (days)"
          readOnly={readOnly}
          value={config.timeoutDays}
          onChange={(timeoutDays) => onChange({ ...config, timeoutDays })}
        />
        <IntegerField
          {...settingBounds('wait-for-event', 'timeoutHours')}
          label="and hours"
          readOnly={readOnly}
          value={config.timeoutHours}
          onChange={(timeoutHours) => onChange({ ...config, timeoutHours })}
        />
      </div>
    </>
  );
}

export const waitForEventSpec: KindVisuals<'wait-for-event'> = {
  kind: 'wait-for-event',
  description: 'Wait for a payment, promise, dispute or task outcome, with a timeout exit.',
  group: 'Flow',
  glyph: '◎',
  hasInput: true,
  defaults: () => ({ events: ['payment'], timeoutDays: 7, timeoutHours: 0 }),
  summary: (config) => `${(config.events ?? []).join(', ') || 'no events'} · timeout ${config.timeoutDays ?? 7} d`,
  Settings: WaitForEventSettings,
};
