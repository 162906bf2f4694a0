import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserAdminView } from '@recoup/contracts';
import type { User } from '../api/auth.types.ts';
import { useApi } from '../api/api-context.ts';
import { describeFailure, type FieldFailure } from '../api/api-failure.ts';
import { LoadFailed, Loading } from '../components/load-feedback.tsx';
import { AuditChainCheck } from './audit-chain-check.tsx';
import { AuditEntryRow } from './audit-entry-row.tsx';
import { AuditFilterForm, type AuditFilterField } from './audit-filters.tsx';
import { cursorAt, listAudit, NO_AUDIT_FILTERS, type AuditFilters } from './audit-log.api.ts';
import { listUsers } from './users.api.ts';
import './admin-area.css';
import './audit-log.css';

const AUDIT_KEY = ['audit'] as const;

/** The API's query fields, by the form field each comes from. */
const FORM_FIELD: Record<string, AuditFilterField> = { actorId: 'actorId', action: 'action', entity: 'entity', entityId: 'entityId', from: 'fromDate', to: 'toDate' };

/** The filters a refusal names, by the form field each comes from, with why. */
function filterProblems(fields: readonly FieldFailure[]): Partial<Record<AuditFilterField, string>> {
  const problems: Partial<Record<AuditFilterField, string>> = {};
  for (const field of fields) {
    const name = FORM_FIELD[field.path];
    if (name) problems[name] ??= field.reason;
  }
  return problems;
}

const byName = (users: UserAdminView[]) => [...users].sort((a, b) => a.name.localeCompare(b.name));

/** The append-only audit log: who changed what and when, newest first, and the check that its chain is whole. */
export function AuditLogPage({ user: _user }: { user: User }) {
  const api = useApi();
  const queries = useQueryClient();
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  /** Changes when the filters are set from outside the form, so the form starts again from them. */
  const [formKey, setFormKey] = useState(0);
  /** The cursors of the pages shown so far; the last is the shown page's own (null: the newest entries). */
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [highlight, setHighlight] = useState<string | null>(null);
  const cursor = cursors.at(-1) ?? null;
  // The users page's key, so the two pages share one read. A failure is not shown: the actor filter then says only the system can be picked.
  const users = useQuery({ queryKey: ['users'], queryFn: ({ signal }) => listUsers(api, signal), select: byName }).data ?? null;
  const load = useQuery({ queryKey: [...AUDIT_KEY, filters, cursor], queryFn: ({ signal }) => listAudit(api, filters, cursor, signal) });

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

  const failure = load.isError ? describeFailure(load.error, 'Could not read the audit log.') : null;
  const problems = failure ? filterProblems(failure.fields) : {};
  const page = load.data ?? null;
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

      <AuditChainCheck onChecked={() => void queries.invalidateQueries({ queryKey: AUDIT_KEY })} onShowEntry={showEntry} />

      <AuditFilterForm key={formKey} filters={filters} users={users} problems={problems} onApply={apply} />

      {load.isPending ? <Loading what="Loading the audit log…" /> : null}
      {failure ? (
        refusedFilter ? (
          <p className="form__error" role="alert">
            {failure.message} The marked filter says why.
          </p>
        ) : (
          <LoadFailed message={failure.message} onRetry={() => void load.refetch()} />
        )
      ) : null}
      {page && page.items.length === 0 ? (
        <p className="empty">{cursors.length > 1 ? 'No older entries.' : 'No entry matches these filters.'}</p>
      ) : null}
      {page && page.items.length > 0 ? (
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
            {page.items.map((entry) => (
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
          disabled={page === null || page.nextBefore === null}
          onClick={() => page?.nextBefore && setCursors([...cursors, page.nextBefore])}
        >
          Older entries
        </button>
      </nav>
    </div>
  );
}
