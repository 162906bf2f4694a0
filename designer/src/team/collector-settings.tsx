import { useId, useState } from 'react';
import type { CollectorWorkload } from '@recoup/contracts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { updateCollector } from './team.api.ts';

type Field = 'capacity' | 'skills' | 'pools';

export interface CollectorSettingsProps {
  collector: CollectorWorkload;
  onSaved: (collector: CollectorWorkload) => void;
}

/** "english, German" -> ["english", "german"]; the server checks each name and reports the one it refuses. */
const names = (text: string): string[] =>
  text
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');

const fieldOf = (path: string): Field | null => {
  const head = path.split('.')[0];
  return head === 'capacity' || head === 'skills' || head === 'pools' ? head : null;
};

export function CollectorSettings({ collector, onSaved }: CollectorSettingsProps) {
  const api = useApi();
  const id = useId();
  const [capacity, setCapacity] = useState(String(collector.capacity));
  const [skills, setSkills] = useState(collector.skills.join(', '));
  const [pools, setPools] = useState(collector.pools.join(', '));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  async function save() {
    const parsed = Number(capacity);
    if (capacity.trim() === '' || !Number.isInteger(parsed) || parsed < 0) {
      setErrors({ capacity: 'must be a whole number, 0 or more' });
      setFormError('Fix the marked field.');
      return;
    }
    setSaving(true);
    setErrors({});
    setFormError(null);
    setSaved(null);
    try {
      const updated = await updateCollector(api, collector.id, { capacity: parsed, skills: names(skills), pools: names(pools) });
      setSkills(updated.skills.join(', '));
      setPools(updated.pools.join(', '));
      setSaved('Saved.');
      onSaved(updated);
    } catch (failure) {
      const described = describeFailure(failure, 'The settings could not be saved.');
      const next: Partial<Record<Field, string>> = {};
      for (const field of described.fields) {
        const name = fieldOf(field.path);
        if (name && next[name] === undefined) next[name] = field.reason;
      }
      setErrors(next);
      setFormError(described.message);
    } finally {
      setSaving(false);
    }
  }

  const input = (field: Field, label: string, value: string, set: (value: string) => void, hint: string, type = 'text') => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${field}-input`}>
        {label}
      </label>
      <input
        id={`${id}-${field}-input`}
        className="field__input"
        type={type}
        value={value}
        min={type === 'number' ? 0 : undefined}
        aria-invalid={errors[field] ? 'true' : undefined}
        aria-describedby={`${id}-${field}`}
        onChange={(event) => set(event.target.value)}
      />
      <span id={`${id}-${field}`} className={errors[field] ? 'team__field-error' : 'team__sub'}>
        {errors[field] ?? hint}
      </span>
    </div>
  );

  return (
    <section className="card team__settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="team__heading">
        Settings of {collector.name}
      </h2>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!saving) void save();
        }}
      >
        {input('capacity', 'Capacity', capacity, setCapacity, 'The most open tasks, and owing accounts, the assigners give this collector.', 'number')}
        {input('skills', 'Skills', skills, setSkills, 'Comma-separated, e.g. english, german. Assignment rules may require them.')}
        {input('pools', 'Pools', pools, setPools, 'Comma-separated, e.g. general, high-value. Assignment rules pick a pool first.')}
        {formError ? (
          <p className="form__error" role="alert">
            {formError}
          </p>
        ) : null}
        <div className="team__controls">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save settings'}
          </button>
          <span role="status">{saved}</span>
        </div>
      </form>
    </section>
  );
}
