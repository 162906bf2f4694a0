import { useId, useState } from 'react';
import type { ApiTokenView, CreatedApiToken, UserAdminView } from '@recoup/contracts';
import { useApi } from '../api/api-context.ts';
import { describeFailure, reasonsByField } from '../api/api-failure.ts';
import { createApiToken, type ScopeChoice } from './api-tokens.api.ts';

type Field = 'name' | 'userId' | 'scopes' | 'expiresAt';
const FIELDS: readonly Field[] = ['name', 'userId', 'scopes', 'expiresAt'];

export interface NewApiTokenFormProps {
  users: readonly UserAdminView[];
  scopes: readonly ScopeChoice[];
  onCreated: (token: ApiTokenView) => void;
}

/** The end of the chosen day in UTC, as the API wants it; '' for a token that does not expire. */
const expiryOf = (day: string): string | null => (day ? `${day}T23:59:59Z` : null);

/** Creates a token and shows its secret, once, with what to do with it. */
export function NewApiTokenForm({ users, scopes, onCreated }: NewApiTokenFormProps) {
  const api = useApi();
  const id = useId();
  const [name, setName] = useState('');
  const [userId, setUserId] = useState('');
  const [chosen, setChosen] = useState<readonly ScopeChoice['scope'][]>([]);
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [copied, setCopied] = useState(false);

  async function submit() {
    setSaving(true);
    setErrors({});
    setFormError(null);
    setCreated(null);
    setCopied(false);
    try {
      const result = await createApiToken(api, { name, userId, scopes: [...chosen], expiresAt: expiryOf(expiresOn) });
      onCreated(result.token);
      setCreated(result);
      setName('');
      setChosen([]);
      setExpiresOn('');
    } catch (failure) {
      const described = describeFailure(failure, 'The token was not created.');
      setErrors(reasonsByField(described, FIELDS));
      setFormError(described.message);
    } finally {
      setSaving(false);
    }
  }

  async function copy(secret: string) {
    await navigator.clipboard.writeText(secret);
    setCopied(true);
  }

  const problem = (field: Field) =>
    errors[field] ? (
      <span id={`${id}-${field}`} className="users__error">
        {errors[field]}
      </span>
    ) : null;
  const toggle = (scope: ScopeChoice['scope'], on: boolean) => setChosen((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));

  return (
    <section className="card users__new" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="users__heading">
        New token
      </h2>
      {created ? (
        <div className="api-tokens__secret" role="status">
          <p>
            <strong>Copy the token for “{created.token.name}” now.</strong> Recoup keeps only a fingerprint of it and cannot show it again.
          </p>
          <code className="api-tokens__value" aria-label="The new token">
            {created.secret}
          </code>
          <p>
            <button type="button" className="button button--small" onClick={() => void copy(created.secret)}>
              {copied ? 'Copied' : 'Copy the token'}
            </button>
          </p>
          <p className="users__sub">Send it with each request as the header Authorization: Bearer followed by the token.</p>
        </div>
      ) : null}
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!saving) void submit();
        }}
      >
        <label className="field">
          <span className="field__label">Name</span>
          <input className="field__input" value={name} placeholder="ERP invoice sync" aria-invalid={errors.name ? 'true' : undefined} onChange={(e) => setName(e.target.value)} />
          {problem('name')}
        </label>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-user`}>
            Acts as
          </label>
          <select
            id={`${id}-user`}
            className="field__input"
            value={userId}
            aria-invalid={errors.userId ? 'true' : undefined}
            aria-describedby={`${id}-userId`}
            onChange={(e) => setUserId(e.target.value)}
          >
            <option value="">Choose a user…</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.role})
              </option>
            ))}
          </select>
          {errors.userId ? (
            problem('userId')
          ) : (
            <span id={`${id}-userId`} className="users__sub">
              The token has this user’s role and team, never more.
            </span>
          )}
        </div>
        <fieldset className="field field--group">
          <legend className="field__label">Scopes</legend>
          {scopes.map((choice) => (
            <label key={choice.scope} className="field__choice">
              <input type="checkbox" checked={chosen.includes(choice.scope)} onChange={(e) => toggle(choice.scope, e.target.checked)} />
              <span>
                <code>{choice.scope}</code> <span className="users__sub">{choice.description}</span>
              </span>
            </label>
          ))}
          {problem('scopes')}
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-expiry`}>
            Expires on (optional)
          </label>
          <input
            id={`${id}-expiry`}
            className="field__input"
            type="date"
            value={expiresOn}
            aria-invalid={errors.expiresAt ? 'true' : undefined}
            aria-describedby={`${id}-expiresAt`}
            onChange={(e) => setExpiresOn(e.target.value)}
          />
          {errors.expiresAt ? (
            problem('expiresAt')
          ) : (
            <span id={`${id}-expiresAt`} className="users__sub">
              At the end of that day (UTC). Leave empty for a token that lasts until it is revoked.
            </span>
          )}
        </div>
        {formError ? (
          <p className="form__error" role="alert">
            {formError}
          </p>
        ) : null}
        <div>
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? 'Creating…' : 'Create token'}
          </button>
        </div>
      </form>
    </section>
  );
}
