import { useId, useState } from 'react';
import type { Role, UserAdminView } from '@recoup/contracts';
import { useApi } from '../api/api-context.ts';
import { describeFailure, reasonsByField } from '../api/api-failure.ts';
import { createUser } from './users.api.ts';

type Field = 'email' | 'name' | 'role' | 'password' | 'managerId';
const FIELDS: readonly Field[] = ['email', 'name', 'role', 'password', 'managerId'];

export interface NewUserFormProps {
  managers: readonly UserAdminView[];
  onCreated: (user: UserAdminView) => void;
}

export function NewUserForm({ managers, onCreated }: NewUserFormProps) {
  const api = useApi();
  const id = useId();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('collector');
  const [password, setPassword] = useState('');
  const [managerId, setManagerId] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<string | null>(null);

  async function submit() {
    setSaving(true);
    setErrors({});
    setFormError(null);
    setCreated(null);
    try {
      const user = await createUser(api, { email, name, role, password, ...(role === 'collector' && managerId ? { managerId } : {}) });
      onCreated(user);
      setCreated(`Created ${user.name}; they can sign in now.`);
      setEmail('');
      setName('');
      setPassword('');
    } catch (failure) {
      const described = describeFailure(failure, 'The user was not created.');
      setErrors(reasonsByField(described, FIELDS));
      setFormError(described.message);
    } finally {
      setSaving(false);
    }
  }

  const hint = (field: Field) =>
    errors[field] ? (
      <span id={`${id}-${field}`} className="users__error">
        {errors[field]}
      </span>
    ) : null;

  return (
    <section className="card users__new" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="users__heading">
        New user
      </h2>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!saving) void submit();
        }}
      >
        <label className="field">
          <span className="field__label">E-mail</span>
          <input className="field__input" type="email" value={email} aria-invalid={errors.email ? 'true' : undefined} onChange={(e) => setEmail(e.target.value)} />
          {hint('email')}
        </label>
        <label className="field">
          <span className="field__label">Name</span>
          <input className="field__input" value={name} aria-invalid={errors.name ? 'true' : undefined} onChange={(e) => setName(e.target.value)} />
          {hint('name')}
        </label>
        <label className="field">
          <span className="field__label">Role</span>
          <select className="field__input" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="collector">collector</option>
            <option value="manager">manager</option>
            <option value="admin">admin</option>
          </select>
        </label>
        {role === 'collector' ? (
          <label className="field">
            <span className="field__label">Team (manager)</span>
            <select className="field__input" value={managerId} aria-invalid={errors.managerId ? 'true' : undefined} onChange={(e) => setManagerId(e.target.value)}>
              <option value="">No team</option>
              {managers.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
            {hint('managerId')}
          </label>
        ) : null}
        <label className="field">
          <span className="field__label">Password</span>
          <input
            className="field__input"
            type="password"
            autoComplete="new-password"
            value={password}
            aria-invalid={errors.password ? 'true' : undefined}
            onChange={(e) => setPassword(e.target.value)}
          />
          {errors.password ? hint('password') : <span className="users__sub">At least 12 characters. Tell it to the user in person.</span>}
        </label>
        {formError ? (
          <p className="form__error" role="alert">
            {formError}
          </p>
        ) : null}
        <div>
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? 'Creating…' : 'Create user'}
          </button>{' '}
          <span role="status">{created}</span>
        </div>
      </form>
    </section>
  );
}
