import { ASSIGNMENT_POLICIES, settingBounds, TASK_PRIORITIES, TASK_TYPES } from '@recoup/domain';
import { CheckboxField, IntegerField, NameListField, SelectField, TextField } from '../../settings/fields.tsx';
import type { KindVisuals, SettingsProps } from '../node-spec.ts';

function TaskSettings({ config, onChange, readOnly }: SettingsProps<'task'>) {
  const awaits = config.awaitOutcome !== false;
  return (
    <>
      <TextField label="Title" readOnly={readOnly} value={config.title ?? ''} onChange={(title) => onChange({ ...config, title })} />
      <div className="settings__row">
        <SelectField
          label="Task type"
          readOnly={readOnly}
          value={config.taskType}
          options={TASK_TYPES.map((type) => ({ value: type, label: type === 'call' ? 'Call the debtor' : 'Review the account' }))}
          onChange={(taskType) => onChange({ ...config, taskType })}
        />
        <SelectField
          label="Assign by"
          readOnly={readOnly}
          value={config.assignment}
          options={ASSIGNMENT_POLICIES.map((policy) => ({ value: policy, label: policy === 'round-robin' ? 'Round robin' : 'Least loaded' }))}
          onChange={(assignment) => onChange({ ...config, assignment })}
        />
      </div>
      <SelectField
        label="Inbox priority"
        hint="Ranks the task in the collector's inbox beside the overdue amount, its age and the risk score."
        readOnly={readOnly}
        value={config.priority ?? 'normal'}
        options={TASK_PRIORITIES.map((priority) => ({ value: priority, label: priority[0]?.toUpperCase() + priority.slice(1) }))}
        onChange={(priority) => onChange({ ...config, priority })}
      />
      <IntegerField
        {...settingBounds('task', 'dueInHours')}
        label="Due in (hours)"
        readOnly={readOnly}
        value={config.dueInHours}
        onChange={(dueInHours) => onChange({ ...config, dueInHours })}
      />
      <NameListField
        label="Outcomes"
        itemLabel="Outcome"
        hint={awaits ? 'Each outcome is an exit the collector’s answer takes.' : 'Recorded only; the run goes on at once.'}
        readOnly={readOnly}
        value={config.outcomes ?? []}
        onChange={(outcomes) => onChange({ ...config, outcomes })}
      />
      <CheckboxField
        label="Wait here for the outcome"
        hint="Off: the run goes on through 'next' and a later wait-for-event node can wake on the outcome."
        readOnly={readOnly}
        checked={awaits}
        onChange={(awaitOutcome) => onChange({ ...config, awaitOutcome })}
      />
    </>
  );
}

export const taskSpec: KindVisuals<'task'> = {
  kind: 'task',
  description: 'Hand a call or review to a collector; each outcome they record is an exit.',
  group: 'People',
  glyph: '☎',
  hasInput: true,
  defaults: () => ({
    taskType: 'call',
    title: 'Call the debtor',
    assignment: 'least-loaded',
    outcomes: ['promise', 'no-contact'],
    dueInHours: 24,
    awaitOutcome: true,
    priority: 'normal',
  }),
  summary: (config) => `${config.taskType === 'review' ? 'Review' : 'Call'}: ${config.title || 'untitled'}`,
  Settings: TaskSettings,
};
