import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { User } from '../api/auth.types.ts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { LoadFailed, Loading } from '../components/load-feedback.tsx';
import { Link } from '../routing/link.tsx';
import { listOutbox, NO_OUTBOX_SEARCH, OUTBOX_PAGE_SIZE, type OutboxSearch } from './outbox.api.ts';
import './admin-area.css';
import './outbox.css';

/** The search fields a refusal names, with why. */
const fieldProblems = (error: unknown): Partial<Record<keyof OutboxSearch, string>> => {
  const fields: Partial<Record<keyof OutboxSearch, string>> = {};
  for (const field of describeFailure(error, '').fields) if (field.path === 'recipient' || field.path === 'subject') fields[field.path] ??= field.reason;
  return fields;
};

/** The messages the built-in mail server received, newest first, searched by recipient and subject. */
export function OutboxPage({ user: _user }: { user: User }) {
  const api = useApi();
  const id = useId();
  const [draft, setDraft] = useState<OutboxSearch>(NO_OUTBOX_SEARCH);
  const [search, setSearch] = useState<OutboxSearch>(NO_OUTBOX_SEARCH);
  const [offset, setOffset] = useState(0);
  const load = useQuery({ queryKey: ['outbox', search, offset], queryFn: ({ signal }) => listOutbox(api, search, offset, signal) });

  function apply(event: FormEvent) {
    event.preventDefault();
    setSearch(draft);
    setOffset(0);
  }

  const fields = load.isError ? fieldProblems(load.error) : {};
  const searchField = (name: keyof OutboxSearch, label: string, placeholder: string) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${name}`}>
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        className="field__input"
        type="search"
        value={draft[name]}
        placeholder={placeholder}
        aria-invalid={fields[name] ? 'true' : undefined}
        onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
      />
      {fields[name] ? <span className="admin-field-error">{fields[name]}</span> : null}
    </div>
  );

  const page = load.data ?? null;
  const searching = search.recipient.trim() !== '' || search.subject.trim() !== '';
  return (
    <div className="page outbox">
      <header className="page__header">
        <h1 className="page__title">Outbox</h1>
        <p className="page__lead">
          Without a mail relay configured, Recoup’s built-in mail server receives every e-mail in place of the debtors’ inboxes and keeps it
          here, exactly as it arrived. With <code>SMTP_URL</code> set, mail goes to the relay instead and this stays empty.
        </p>
      </header>

      <form className="card admin-filters" aria-label="Search the outbox" onSubmit={apply}>
        {searchField('recipient', 'Recipient', 'part of an address')}
        {searchField('subject', 'Subject', 'part of the subject')}
        <div className="admin-filters__actions">
          <button type="submit" className="button button--primary">
            Search
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft(NO_OUTBOX_SEARCH);
              setSearch(NO_OUTBOX_SEARCH);
              setOffset(0);
            }}
          >
            Clear
          </button>
        </div>
      </form>

      {load.isPending ? <Loading what="Loading the outbox…" /> : null}
      {load.isError ? <LoadFailed message={describeFailure(load.error, 'Could not read the outbox.').message} onRetry={() => void load.refetch()} /> : null}
      {page && page.items.length === 0 ? (
        <p className="empty">{searching ? 'No message matches this search.' : 'No message has arrived yet. Reminders land here as workflows send them.'}</p>
      ) : null}
      {page && page.items.length > 0 ? (
        <>
          <p className="admin-sub">
            {page.total} message{page.total === 1 ? '' : 's'}
            {searching ? ' matching' : ''}, newest first; {page.offset + 1}–{page.offset + page.items.length} shown.
          </p>
          <table className="admin-table" aria-label="Messages">
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((message) => (
                <tr key={message.id}>
                  <td>
                    <time dateTime={message.receivedAt}>{new Date(message.receivedAt).toLocaleString()}</time>
                  </td>
                  <td className="outbox__address">{message.rcptTo.join(', ')}</td>
                  <td>
                    <Link to={`/admin/outbox/${encodeURIComponent(message.id)}`}>{message.subject || '(no subject)'}</Link>
                  </td>
                  <td className="outbox__address">{message.mailFrom}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <nav className="admin-pager" aria-label="Pages">
        <button type="button" className="button button--small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - OUTBOX_PAGE_SIZE))}>
          Newer messages
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={page === null || page.offset + page.items.length >= page.total}
          onClick={() => setOffset(offset + OUTBOX_PAGE_SIZE)}
        >
          Older messages
        </button>
      </nav>
    </div>
  );
}
