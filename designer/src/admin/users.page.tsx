import { useEffect, useState } from 'react';
import type { UserAdminView } from '@recoup/contracts';
import type { User } from '../api/auth.types.ts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { NewUserForm } from './new-user-form.tsx';
import { UserRow } from './user-row.tsx';
import { listUsers } from './users.api.ts';
import './users.css';

type Load = { status: 'loading' } | { status: 'ready'; users: UserAdminView[] } | { status: 'failed'; message: string };

export function UsersPage({ user }: { user: User }) {
  const api = useApi();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    listUsers(api, controller.signal).then(
      (users) => {
        if (!controller.signal.aborted) setLoad({ status: 'ready', users });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad({ status: 'failed', message: describeFailure(error, 'Could not load the users.').message });
      },
    );
    return () => controller.abort();
  }, [api, attempt]);

  const users = load.status === 'ready' ? load.users : [];
  const managers = users.filter((u) => u.role === 'manager' && u.active);

  function replace(changed: UserAdminView) {
    const rest = users.filter((u) => u.id !== changed.id);
    setLoad({ status: 'ready', users: [...rest, changed].sort((a, b) => a.name.localeCompare(b.name)) });
  }

  return (
    <div className="page users">
      <header className="page__header">
        <h1 className="page__title">Users</h1>
        <p className="page__lead">
          Who may sign in, with which role and on which manager’s team. Every change is audited under your name, {user.name}.
        </p>
      </header>
      {load.status === 'loading' ? (
        <p role="status">
          <span className="spinner" aria-hidden="true" /> Loading users…
        </p>
      ) : null}
      {load.status === 'failed' ? (
        <div className="form__error" role="alert">
          <p>{load.message}</p>
          <button type="button" className="button button--small" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      ) : null}
      {load.status === 'ready' ? (
        <div className="users__layout">
          <div className="card">
            <table className="users__table">
              <caption className="users__sub">{users.length} users. The last active admin cannot lose the role or be deactivated.</caption>
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">Role</th>
                  <th scope="col">Team</th>
                  <th scope="col">Status</th>
                  <th scope="col">Password</th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <UserRow key={u.id} user={u} managers={managers} onChanged={replace} />
                ))}
              </tbody>
            </table>
          </div>
          <NewUserForm managers={managers} onCreated={replace} />
        </div>
      ) : null}
    </div>
  );
}
