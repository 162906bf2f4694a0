import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CollectorSettingsRequest, CollectorWorkload } from '@recoup/contracts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { updateCollector, WORKLOAD_KEY } from './team.api.ts';

type Field = 'capacity' | 'skills' | 'pools';
type FieldErrors = Partial<Record<Field, string>>;

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

/** The server's refusal: its message, and the first reason it gave for each field of the form. */
function refusal(failure: unknown): { message: string; errors: FieldErrors } {
  const described = describeFailure(failure, 'The settings could not be saved.');
  const errors: FieldErrors = {};
  for (const field of described.fields) {
    const name = fieldOf(field.path);
    if (name && errors[name] === undefined) errors[name] = field.reason;
  }
  return { message: described.message, errors };
}

/** What the form says, without asking the server, of a capacity that is not a whole number of 0 or more. */
const CAPACITY_REFUSED = { message: 'Fix the marked field.', errors: { capacity: 'must be a whole number, 0 or more' } };

export function CollectorSettings({ collector }: { collector: CollectorWorkload }) {
  const api = useApi();
  const queries = useQueryClient();
  const id = useId();
  const [capacity, setCapacity] = useState(String(collector.capacity));
  const [skills, setSkills] = useState(collector.skills.join(', '));
  const [pools, setPools] = useState(collector.pools.join(', '));
  const [capacityInvalid, setCapacityInvalid] = useState(false);
  const save = useMutation({
    mutationFn: (body: CollectorSettingsRequest) => updateCollector(api, collector.id, body),
    onSuccess: (updated) => {
      // The form goes on with the names as the server saved them.
      setSkills(updated.skills.join(', '));
      setPools(updated.pools.join(', '));
      // Capacity changes the utilisation in the table above.
      void queries.invalidateQueries({ queryKey: WORKLOAD_KEY });
    },
  });
  const problem = capacityInvalid ? CAPACITY_REFUSED : save.isError ? refusal(save.error) : null;
  const errors: FieldErrors = problem?.errors ?? {};
  const saved = save.isSuccess ? 'Saved.' : null;

  function submit() {
    const parsed = Number(capacity);
    const invalid = capacity.trim() === '' || !Number.isInteger(parsed) || parsed < 0;
    setCapacityInvalid(invalid);
    if (!invalid) save.mutate({ capacity: parsed, skills: names(skills), pools: names(pools) });
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
          if (!save.isPending) submit();
        }}
      >
        {input('capacity', 'Capacity', capacity, setCapacity, 'The most open tasks, and owing accounts, the assigners give this collector.', 'number')}
        {input('skills', 'Skills', skills, setSkills, 'Comma-separated, e.g. english, german. Assignment rules may require them.')}
        {input('pools', 'Pools', pools, setPools, 'Comma-separated, e.g. general, high-value. Assignment rules pick a pool first.')}
        {problem ? (
          <p className="form__error" role="alert">
            {problem.message}
          </p>
        ) : null}
        <div className="team__controls">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save settings'}
          </button>
          <span role="status">{saved}</span>
        </div>
      </form>
    </section>
  );
}
