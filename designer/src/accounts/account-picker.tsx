import './account-picker.css';
import { useEffect, useId, useRef, useState } from 'react';
import { useApi } from '../api/api-context.ts';
import { searchAccounts } from './accounts-search.api.ts';
import type { AccountOption, AccountSearchResult } from './accounts-search.api.ts';
import { describeFailure } from '../api/api-failure.ts';
import { useDebouncedValue } from '../shared/use-debounced-value.ts';

interface AccountPickerProps {
  /** "Account to test with" */
  label: string;
  value: AccountOption | null;
  onChange(account: AccountOption | null): void;
  disabled?: boolean;
}

const PAGE = 10;
const SEARCH_DELAY_MS = 250;

type Search =
  | { status: 'loading' }
  | { status: 'ready'; query: string; result: AccountSearchResult }
  | { status: 'failed'; message: string };

/** Finds a real account by name or reference through the accounts API, and picks it. */
export function AccountPicker({ label, value, onChange, disabled = false }: AccountPickerProps) {
  const api = useApi();
  const id = useId();
  const [query, setQuery] = useState('');
  const settledQuery = useDebouncedValue(query, SEARCH_DELAY_MS);
  const [search, setSearch] = useState<Search>({ status: 'loading' });
  const input = useRef<HTMLInputElement>(null);
  const changeButton = useRef<HTMLButtonElement>(null);
  const moveFocus = useRef<'input' | 'change' | null>(null);
  const picking = value === null;

  useEffect(() => {
    if (!picking) return;
    const controller = new AbortController();
    setSearch({ status: 'loading' });
    searchAccounts(api, settledQuery, PAGE, controller.signal).then(
      // An answer to an older query can still arrive after its abort; only the latest one counts.
      (result) => {
        if (!controller.signal.aborted) setSearch({ status: 'ready', query: settledQuery, result });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setSearch({ status: 'failed', message: describeFailure(error, 'Could not search the accounts.').message });
      },
    );
    return () => controller.abort();
  }, [api, settledQuery, picking]);

  useEffect(() => {
    if (moveFocus.current === 'input') input.current?.focus();
    if (moveFocus.current === 'change') changeButton.current?.focus();
    moveFocus.current = null;
  });

  if (!picking) {
    return (
      <div className="account-picker">
        <span className="field__label">{label}</span>
        <p className="account-picker__chosen">
          <strong>{value.name}</strong>
          {value.externalRef ? <span className="account-picker__ref">{value.externalRef}</span> : null}
          <button
            ref={changeButton}
            type="button"
            className="button button--small"
            aria-label={`Choose another account instead of ${value.name}`}
            disabled={disabled}
            onClick={() => {
              moveFocus.current = 'input';
              onChange(null);
            }}
          >
            Change
          </button>
        </p>
      </div>
    );
  }

  const statusId = `${id}-status`;
  return (
    <div className="account-picker">
      <label className="field__label" htmlFor={`${id}-query`}>
        {label}
      </label>
      <input
        ref={input}
        id={`${id}-query`}
        className="field__input"
        type="search"
        placeholder="Search by name or reference"
        autoComplete="off"
        aria-describedby={statusId}
        aria-controls={`${id}-results`}
        value={query}
        disabled={disabled}
        onChange={(event) => setQuery(event.target.value)}
      />
      <p id={statusId} className="account-picker__status" role="status">
        {statusText(search, query)}
      </p>
      {search.status === 'ready' && search.result.accounts.length > 0 ? (
        <ul id={`${id}-results`} className="account-picker__results" aria-label="Matching accounts">
          {search.result.accounts.map((account) => (
            <li key={account.id}>
              <button
                type="button"
                className="account-picker__option"
                disabled={disabled}
                onClick={() => {
                  moveFocus.current = 'change';
                  onChange(account);
                }}
              >
                <span>{account.name}</span>
                <span className="account-picker__ref">{account.externalRef}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Until the answer for what is typed now arrives, the list is an older answer and the status says so. */
function statusText(search: Search, typed: string): string {
  switch (search.status) {
    case 'loading':
      return 'Searching…';
    case 'failed':
      return search.message;
    case 'ready': {
      if (search.query !== typed) return 'Searching…';
      const { accounts, total } = search.result;
      if (accounts.length === 0) return search.query ? `No account matches “${search.query}”.` : 'There are no accounts yet.';
      if (total > accounts.length) return `Showing ${accounts.length} of ${total}; type more of a name to narrow the list.`;
      return `${total} account${total === 1 ? '' : 's'}.`;
    }
  }
}
