import { useEffect, useState } from 'react';
import type { AuditListResponse, UserAdminView } from '@recoup/contracts';
import type { User } from '../api/auth.types.ts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { LoadFailed, Loading } from '../components/load-feedback.tsx';
import { AuditChainCheck } from './audit-chain-check.tsx';
import { AuditEntryRow } from './audit-entry-row.tsx';
import { AuditFilterForm, type AuditFilterField } from './audit-filters.tsx';
import { cursorAt, listAudit, NO_AUDIT_FILTERS, type AuditFilters } from './audit-log.api.ts';
import { listUsers } from './users.api.ts';
import './admin-area.css';
import './audit-log.css';

type Page =
  | { status: 'loading' }
  | { status: 'ready'; page: AuditListResponse }
  | { status: 'failed'; message: string; problems: Partial<Record<AuditFilterField, string>> };

/** The API's query fields, by the form field each comes from. */
const FORM_FIELD: Record<string, AuditFilterField> = { actorId: 'actorId', action: 'action', entity: 'entity', entityId: 'entityId', from: 'fromDate', to: 'toDate' };

/** The append-only audit log: who changed what and when, newest first, and the check that its chain is whole. */
export function AuditLogPage({ user: _user }: { user: User }) {
  const api = useApi();
  const [users, setUsers] = useState<UserAdminView[] | null>(null);
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  /** Changes when the filters are set from outside the form, so the form starts again from them. */
  const [formKey, setFormKey] = useState(0);
  /** The cursors of the pages shown so far; the last is the shown page's own (null: the newest entries). */
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [result, setResult] = useState<Page>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const cursor = cursors.at(-1) ?? null;

  useEffect(() => {
    const controller = new AbortController();
    listUsers(api, controller.signal).then(
      (loaded) => !controller.signal.aborted && setUsers([...loaded].sort((a, b) => a.name.localeCompare(b.name))),
      () => undefined,
    );
    return () => controller.abort();
  }, [api]);

  useEffect(() => {
    const controller = new AbortController();
    setResult({ status: 'loading' });
    listAudit(api, filters, cursor, controller.signal).then(
      (page) => !controller.signal.aborted && setResult({ status: 'ready', page }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const failure = describeFailure(error, 'Could not read the audit log.');
        const problems: Partial<Record<AuditFilterField, string>> = {};
        for (const field of failure.fields) {
          const name = FORM_FIELD[field.path];
          if (name && problems[name] === undefined) problems[name] = field.reason;
        }
        setResult({ status: 'failed', message: failure.message, problems });
      },
    );
    return () => controller.abort();
  }, [api, filters, cursor, attempt]);

  function apply(next: AuditFilters) {
    setFilters(next);
    setCursors([null]);
    setHighlight(null);
  }

  function showEntry(id: string) {
    setFilters(NO_AUDIT_FILTERS);
    setFormKey((n) => n + 1);
    setCursors([null, cursorAt(id)]);
    setHighlight(id);
  }

  const problems = result.status === 'failed' ? result.problems : {};
  const refusedFilter = Object.keys(problems).length > 0;

  return (
    <div className="page audit">
      <header className="page__header">
        <h1 className="page__title">Audit log</h1>
        <p className="page__lead">
          Every sign-in, import, payment, setting and strategy change, task outcome and admin action, with who did it. Entries are never
          changed or removed: each is chained to the one before it by a hash.
        </p>
      </header>

      <AuditChainCheck onChecked={() => setAttempt((n) => n + 1)} onShowEntry={showEntry} />

      <AuditFilterForm key={formKey} filters={filters} users={users} problems={problems} onApply={apply} />

      {result.status === 'loading' ? <Loading what="Loading the audit log…" /> : null}
      {result.status === 'failed' ? (
        refusedFilter ? (
          <p className="form__error" role="alert">
            {result.message} The marked filter says why.
          </p>
        ) : (
          <LoadFailed message={result.message} onRetry={() => setAttempt((n) => n + 1)} />
        )
      ) : null}
      {result.status === 'ready' && result.page.items.length === 0 ? (
        <p className="empty">{cursors.length > 1 ? 'No older entries.' : 'No entry matches these filters.'}</p>
      ) : null}
      {result.status === 'ready' && result.page.items.length > 0 ? (
        <table className="admin-table audit__table" aria-label="Audit entries">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Entity</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {result.page.items.map((entry) => (
              <AuditEntryRow key={entry.id} entry={entry} highlighted={entry.id === highlight} />
            ))}
          </tbody>
        </table>
      ) : null}
      <nav className="admin-pager" aria-label="Pages">
        <button type="button" className="button button--small" disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          Newer entries
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={result.status !== 'ready' || result.page.nextBefore === null}
          onClick={() => result.status === 'ready' && result.page.nextBefore && setCursors([...cursors, result.page.nextBefore])}
        >
          Older entries
        </button>
      </nav>
    </div>
  );
}
