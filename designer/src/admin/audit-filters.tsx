import { useId, useState, type FormEvent } from 'react';
import { SYSTEM_ACTOR, type UserAdminView } from '@recoup/contracts';
import { NO_AUDIT_FILTERS, type AuditFilters } from './audit-log.api.ts';

export type AuditFilterField = keyof AuditFilters;

export interface AuditFilterFormProps {
  filters: AuditFilters;
  /** The users to pick an actor from; null while they load or when they could not be read. */
  users: readonly UserAdminView[] | null;
  /** Why the API refused a filter, by the form's field. */
  problems: Partial<Record<AuditFilterField, string>>;
  onApply: (filters: AuditFilters) => void;
}

/** The audit log's filters. Applying them starts again from the newest matching entry. */
export function AuditFilterForm({ filters, users, problems, onApply }: AuditFilterFormProps) {
  const id = useId();
  const [draft, setDraft] = useState<AuditFilters>(filters);
  const fieldId = (name: AuditFilterField) => `${id}-${name}`;

  function apply(event: FormEvent) {
    event.preventDefault();
    onApply(draft);
  }

  const note = (name: AuditFilterField, hint: string) => (
    <span id={`${fieldId(name)}-note`} className={problems[name] ? 'admin-field-error' : 'admin-sub'}>
      {problems[name] ?? hint}
    </span>
  );
  /** A text or date field with its label and its note (the hint, or why the API refused it). */
  const input = (
    name: 'action' | 'entity' | 'entityId' | 'fromDate' | 'toDate',
    label: string,
    hint: string,
    kind: { type: 'text'; placeholder: string } | { type: 'date' },
  ) => (
    <div className="field">
      <label className="field__label" htmlFor={fieldId(name)}>
        {label}
      </label>
      <input
        id={fieldId(name)}
        className="field__input"
        type={kind.type}
        value={draft[name]}
        placeholder={kind.type === 'text' ? kind.placeholder : undefined}
        aria-invalid={problems[name] ? 'true' : undefined}
        aria-describedby={`${fieldId(name)}-note`}
        onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
      />
      {note(name, hint)}
    </div>
  );

  return (
    <form className="card admin-filters" aria-label="Filter the audit log" onSubmit={apply}>
      <div className="field">
        <label className="field__label" htmlFor={fieldId('actorId')}>
          Actor
        </label>
        <select
          id={fieldId('actorId')}
          className="field__input"
          value={draft.actorId}
          aria-invalid={problems.actorId ? 'true' : undefined}
          aria-describedby={`${fieldId('actorId')}-note`}
          onChange={(event) => setDraft({ ...draft, actorId: event.target.value })}
        >
          <option value="">Anyone</option>
          <option value={SYSTEM_ACTOR}>The system (no user)</option>
          {users?.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name} ({user.email})
            </option>
          ))}
        </select>
        {note('actorId', users === null ? 'Only the system can be picked until the users load.' : 'Who made the change.')}
      </div>
      {input('action', 'Action', 'The start of the action’s name.', { type: 'text', placeholder: 'e.g. auth. or user.created' })}
      {input('entity', 'Entity', 'What kind of thing changed, exactly.', { type: 'text', placeholder: 'e.g. account' })}
      {input('entityId', 'Entity id', 'Which one, exactly.', { type: 'text', placeholder: 'e.g. an account’s id' })}
      {input('fromDate', 'From', 'The first day, on your clock.', { type: 'date' })}
      {input('toDate', 'To', 'The last day, included.', { type: 'date' })}
      <div className="admin-filters__actions">
        <button type="submit" className="button button--primary">
          Apply filters
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setDraft(NO_AUDIT_FILTERS);
            onApply(NO_AUDIT_FILTERS);
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
