import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserAdminView } from '@recoup/contracts';
import type { User } from '../api/auth.types.ts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { NewUserForm } from './new-user-form.tsx';
import { UserRow } from './user-row.tsx';
import { listUsers } from './users.api.ts';
import './users.css';

const USERS_KEY = ['users'] as const;

const byName = (a: UserAdminView, b: UserAdminView) => a.name.localeCompare(b.name);

export function UsersPage({ user }: { user: User }) {
  const api = useApi();
  const queries = useQueryClient();
  const load = useQuery({ queryKey: USERS_KEY, queryFn: ({ signal }) => listUsers(api, signal) });
  const users = load.data ?? [];
  const managers = users.filter((u) => u.role === 'manager' && u.active);

  /** A user the server changed or created: the cached list takes it in place of a refetch. */
  function replace(changed: UserAdminView) {
    queries.setQueryData<UserAdminView[]>(USERS_KEY, (current = []) => [...current.filter((u) => u.id !== changed.id), changed].sort(byName));
  }

  return (
    <div className="page users">
      <header className="page__header">
        <h1 className="page__title">Users</h1>
        <p className="page__lead">
          Who may sign in, with which role and on which manager’s team. Every change is audited under your name, {user.name}.
        </p>
      </header>
      {load.isPending ? (
        <p role="status">
          <span className="spinner" aria-hidden="true" /> Loading users…
        </p>
      ) : null}
      {load.isError ? (
        <div className="form__error" role="alert">
          <p>{describeFailure(load.error, 'Could not load the users.').message}</p>
          <button type="button" className="button button--small" onClick={() => void load.refetch()}>
            Try again
          </button>
        </div>
      ) : null}
      {load.isSuccess ? (
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
