import './account-picker.css';
import { useEffect, useId, useRef, useState } from 'react';
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
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

/** Finds a real account by name or reference through the accounts API, and picks it. */
export function AccountPicker({ label, value, onChange, disabled = false }: AccountPickerProps) {
  const api = useApi();
  const id = useId();
  const [query, setQuery] = useState('');
  const settledQuery = useDebouncedValue(query, SEARCH_DELAY_MS);
  const input = useRef<HTMLInputElement>(null);
  const changeButton = useRef<HTMLButtonElement>(null);
  const moveFocus = useRef<'input' | 'change' | null>(null);
  const picking = value === null;
  const search = useQuery({
    queryKey: ['account-search', settledQuery],
    queryFn: ({ signal }) => searchAccounts(api, settledQuery, PAGE, signal),
    enabled: picking,
    // The last answer stays listed while the next is on its way; the status says it is an older one.
    placeholderData: keepPreviousData,
  });

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
        {statusText(search, query, settledQuery)}
      </p>
      {search.isSuccess && search.data.accounts.length > 0 ? (
        <ul id={`${id}-results`} className="account-picker__results" aria-label="Matching accounts">
          {search.data.accounts.map((account) => (
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
function statusText(search: UseQueryResult<AccountSearchResult>, typed: string, settled: string): string {
  if (search.isError) return describeFailure(search.error, 'Could not search the accounts.').message;
  if (search.isPending || search.isPlaceholderData || settled !== typed) return 'Searching…';
  const { accounts, total } = search.data;
  if (accounts.length === 0) return settled ? `No account matches “${settled}”.` : 'There are no accounts yet.';
  if (total > accounts.length) return `Showing ${accounts.length} of ${total}; type more of a name to narrow the list.`;
  return `${total} account${total === 1 ? '' : 's'}.`;
}
