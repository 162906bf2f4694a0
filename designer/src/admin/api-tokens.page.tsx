import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiTokenList, ApiTokenView } from '@recoup/contracts';
import type { User } from '../api/auth.types.ts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { Link } from '../routing/link.tsx';
import { listApiTokens, listTokenScopes, revokeApiToken } from './api-tokens.api.ts';
import { NewApiTokenForm } from './new-api-token-form.tsx';
import { listUsers } from './users.api.ts';
import './users.css';
import './api-tokens.css';
import './reason-dialog.css';

const TOKENS_KEY = ['api-tokens'] as const;
const when = (iso: string | null, none: string) => (iso ? new Date(iso).toLocaleString() : none);
const STATUS_TEXT: Record<ApiTokenView['status'], string> = { active: 'Active', expired: 'Expired', revoked: 'Revoked' };

function TokenRow({ token, onChanged }: { token: ApiTokenView; onChanged: (token: ApiTokenView) => void }) {
  const api = useApi();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function revoke() {
    setBusy(true);
    setFailure(null);
    try {
      onChanged(await revokeApiToken(api, token.id));
      setConfirming(false);
    } catch (error) {
      setFailure(describeFailure(error, 'The token was not revoked.').message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <tr>
      <th scope="row">
        {token.name}
        <div className="users__sub">
          <code>{token.prefix}…</code>
        </div>
      </th>
      <td>
        {token.user.name}
        <div className="users__sub">{token.user.role}</div>
      </td>
      <td>
        <ul className="api-tokens__scopes">
          {token.scopes.map((scope) => (
            <li key={scope}>
              <code>{scope}</code>
            </li>
          ))}
        </ul>
      </td>
      <td>{when(token.lastUsedAt, 'Never used')}</td>
      <td>
        <span className={`badge api-tokens__status--${token.status}`}>{STATUS_TEXT[token.status]}</span>
        <div className="users__sub">
          {token.status === 'revoked' ? `on ${when(token.revokedAt, '')}` : token.expiresAt ? `${token.status === 'expired' ? 'expired' : 'expires'} ${when(token.expiresAt, '')}` : 'does not expire'}
        </div>
      </td>
      <td>
        {token.status === 'revoked' ? null : confirming ? (
          <div className="users__inline">
            <button type="button" className="button button--small button--danger" disabled={busy} onClick={() => void revoke()}>
              {busy ? 'Revoking…' : `Revoke ${token.name}`}
            </button>
            <button type="button" className="button button--small button--ghost" disabled={busy} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" className="button button--small" onClick={() => setConfirming(true)}>
            Revoke…
          </button>
        )}
        {failure ? (
          <p className="users__error" role="alert">
            {failure}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

/** The credentials of machines (an ERP, a connector): who each acts as, what it may do, when it was last used. */
export function ApiTokensPage({ user }: { user: User }) {
  const api = useApi();
  const queries = useQueryClient();
  const tokens = useQuery({ queryKey: TOKENS_KEY, queryFn: ({ signal }) => listApiTokens(api, signal) });
  const users = useQuery({ queryKey: ['users'], queryFn: ({ signal }) => listUsers(api, signal) });
  const scopes = useQuery({ queryKey: ['api-token-scopes'], queryFn: ({ signal }) => listTokenScopes(api, signal) });
  const failed = [tokens, users, scopes].find((q) => q.isError);

  function replace(changed: ApiTokenView) {
    queries.setQueryData<ApiTokenList>(TOKENS_KEY, (current) => ({ items: [changed, ...(current?.items ?? []).filter((t) => t.id !== changed.id)] }));
  }

  return (
    <div className="page users">
      <header className="page__header">
        <h1 className="page__title">API tokens</h1>
        <p className="page__lead">
          Tokens let other systems, such as your ERP, use Recoup’s API without signing in. Each acts as one user, with that user’s role and team,
          and only within its scopes. Creating and revoking are audited under your name, {user.name}, and whatever a token changes is audited as
          the token.
        </p>
        <p className="page__lead">
          What each scope opens is in the <Link to="/admin/api-reference">API reference</Link>.
        </p>
      </header>
      {tokens.isPending || users.isPending || scopes.isPending ? (
        <p role="status">
          <span className="spinner" aria-hidden="true" /> Loading tokens…
        </p>
      ) : null}
      {failed ? (
        <div className="form__error" role="alert">
          <p>{describeFailure(failed.error, 'Could not load the tokens.').message}</p>
          <button type="button" className="button button--small" onClick={() => void failed.refetch()}>
            Try again
          </button>
        </div>
      ) : null}
      {tokens.isSuccess && users.isSuccess && scopes.isSuccess ? (
        <div className="users__layout">
          <div className="card">
            {tokens.data.items.length === 0 ? (
              <p className="empty">No token yet. Create one for each system that talks to Recoup, so each can be revoked on its own.</p>
            ) : (
              <table className="users__table">
                <caption className="users__sub">{tokens.data.items.length === 1 ? '1 token' : `${tokens.data.items.length} tokens`}, newest first. A revoked token is refused at once.</caption>
                <thead>
                  <tr>
                    <th scope="col">Token</th>
                    <th scope="col">Acts as</th>
                    <th scope="col">Scopes</th>
                    <th scope="col">Last used</th>
                    <th scope="col">Status</th>
                    <th scope="col">
                      <span className="users__visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {tokens.data.items.map((token) => (
                    <TokenRow key={token.id} token={token} onChanged={replace} />
                  ))}
                </tbody>
              </table>
            )}
          </div>
          <NewApiTokenForm users={users.data.filter((u) => u.active)} scopes={scopes.data.items} onCreated={replace} />
        </div>
      ) : null}
    </div>
  );
}
