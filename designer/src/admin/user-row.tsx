import { useState } from 'react';
import type { Role, UserAdminView } from '@recoup/contracts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { resetPassword, unlockSignIn, updateUser } from './users.api.ts';

export interface UserRowProps {
  user: UserAdminView;
  managers: readonly UserAdminView[];
  onChanged: (user: UserAdminView) => void;
}

const ROLES: readonly Role[] = ['admin', 'manager', 'collector'];

/** One user, changed in place: every control saves at once, and a refusal is shown on the row. */
export function UserRow({ user, managers, onChanged }: UserRowProps) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState('');

  async function run(action: () => Promise<UserAdminView>, success: string) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      onChanged(await action());
      setNotice(success);
    } catch (failure) {
      setError(describeFailure(failure, 'The change was not saved.').message);
    } finally {
      setBusy(false);
    }
  }

  const who = user.name;
  return (
    <tr aria-busy={busy}>
      <th scope="row">
        {user.name}
        <div className="users__sub">{user.email}</div>
      </th>
      <td>
        <select
          className="field__input"
          aria-label={`Role of ${who}`}
          value={user.role}
          disabled={busy}
          onChange={(event) => void run(() => updateUser(api, user.id, { role: event.target.value as Role }), 'Role changed.')}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </td>
      <td>
        {user.role === 'collector' ? (
          <select
            className="field__input"
            aria-label={`Manager of ${who}`}
            value={user.managerId ?? ''}
            disabled={busy}
            onChange={(event) => void run(() => updateUser(api, user.id, { managerId: event.target.value || null }), 'Team changed.')}
          >
            <option value="">No team</option>
            {managers.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        ) : (
          <span className="users__sub">only collectors are on a team</span>
        )}
      </td>
      <td>
        <label>
          <input
            type="checkbox"
            checked={user.active}
            disabled={busy}
            onChange={(event) => void run(() => updateUser(api, user.id, { active: event.target.checked }), event.target.checked ? 'Activated.' : 'Deactivated; their sessions ended.')}
          />{' '}
          Active<span className="users__visually-hidden"> ({who})</span>
        </label>
        {user.signInLockedUntil !== null ? (
          <div className="users__lock">
            <span className="badge users__locked-badge">Sign-in locked</span>
            <div className="users__sub">after failed sign-ins, until {new Date(user.signInLockedUntil).toLocaleString()}</div>
            <button
              type="button"
              className="button button--small"
              aria-label={`Unlock sign-in for ${who}`}
              disabled={busy}
              onClick={() => void run(() => unlockSignIn(api, user.id), 'Sign-in unlocked.')}
            >
              Unlock
            </button>
          </div>
        ) : null}
      </td>
      <td>
        <form
          className="users__inline"
          onSubmit={(event) => {
            event.preventDefault();
            if (password !== '') void run(() => resetPassword(api, user.id, password), 'Password reset; their sessions ended.').then(() => setPassword(''));
          }}
        >
          <input
            className="field__input"
            type="password"
            autoComplete="new-password"
            aria-label={`New password for ${who}`}
            placeholder="at least 12 characters"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <button type="submit" className="button button--small" disabled={busy || password === ''}>
            Reset
          </button>
        </form>
        {error ? (
          <p className="users__error" role="alert">
            {error}
          </p>
        ) : null}
        <span role="status" className="users__sub">
          {notice}
        </span>
      </td>
    </tr>
  );
}
