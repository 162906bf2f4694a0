import './account-360.css';
import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { User } from '../api/auth.types.ts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { moneyText } from '../inbox/ranking-text.ts';
import { Link } from '../routing/link.tsx';
import { useDebouncedValue } from '../shared/use-debounced-value.ts';
import { listAccounts } from './account.api.ts';

const PAGE = 50;

/** Every account the user may work on, searchable by name or reference. */
export function AccountsPage({ user }: { user: User }) {
  const api = useApi();
  const id = useId();
  const [query, setQuery] = useState('');
  const settled = useDebouncedValue(query, 250);
  const [offset, setOffset] = useState(0);
  const load = useQuery({ queryKey: ['accounts', settled, offset], queryFn: ({ signal }) => listAccounts(api, settled, offset, PAGE, signal) });
  const page = load.data;

  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title">Accounts</h1>
        <p className="page__lead">
          {user.role === 'collector' ? 'The accounts assigned to you or holding a task of yours.' : 'Every debtor account.'}
        </p>
      </header>
      <div className="field account-list__search" role="search">
        <label className="field__label" htmlFor={`${id}-q`}>
          Search accounts
        </label>
        <input
          id={`${id}-q`}
          className="field__input"
          type="search"
          placeholder="Name or reference"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOffset(0);
          }}
        />
      </div>
      {load.isPending ? <p role="status">Loading accounts…</p> : null}
      {load.isError ? (
        <p className="notice notice--warning" role="alert">
          {describeFailure(load.error, 'Could not load the accounts.').message}
        </p>
      ) : null}
      {page && page.items.length === 0 ? (
        <p className="empty">{settled ? `No account matches “${settled}”.` : 'There are no accounts yet.'}</p>
      ) : null}
      {page && page.items.length > 0 ? (
        <>
          <table className="table" aria-label="Accounts">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Reference</th>
                <th scope="col">Segment</th>
                <th scope="col">Open balance</th>
                <th scope="col">Risk</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/accounts/${encodeURIComponent(a.id)}`}>{a.name}</Link>
                    {a.ceaseCommunication ? <span className="badge account-360__flag">cease communication</span> : null}
                  </td>
                  <td>{a.externalRef}</td>
                  <td>{a.segment}</td>
                  <td>{a.balance.length ? a.balance.map(moneyText).join(', ') : 'nothing open'}</td>
                  <td>{a.riskScore ?? 'unknown'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="account-list__pages" aria-label="Pages">
            <button type="button" className="button button--small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Previous
            </button>
            <span>
              {offset + 1}–{offset + page.items.length} of {page.total}
            </span>
            <button type="button" className="button button--small" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
              Next
            </button>
          </nav>
        </>
      ) : null}
    </div>
  );
}
