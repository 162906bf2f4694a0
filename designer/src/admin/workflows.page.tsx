import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { WORKFLOW_STATUSES, type WorkflowStatus } from '@recoup/contracts';
import type { User } from '../api/auth.types.ts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { Link } from '../routing/link.tsx';
import { formatTime, STATUS_LABELS } from './workflow-status.ts';
import { getFilterOptions, listWorkflows, NO_FILTERS, type WorkflowFilters } from './workflows.api.ts';
import './admin-workflows.css';

const isStatus = (value: string): value is WorkflowStatus => WORKFLOW_STATUSES.some((s) => s === value);

/** Every collection workflow, filtered the way Temporal's visibility can: status and the search attributes. */
export function WorkflowsPage({ user: _user }: { user: User }) {
  const api = useApi();
  const id = useId();
  const [draft, setDraft] = useState<WorkflowFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<WorkflowFilters>(NO_FILTERS);
  /** The cursors of the pages before the one shown; the last is the shown page's own (null: the first page). */
  const [tokens, setTokens] = useState<(string | null)[]>([null]);
  const pageToken = tokens.at(-1) ?? null;
  const optionsLoad = useQuery({ queryKey: ['workflow-filter-options'], queryFn: ({ signal }) => getFilterOptions(api, signal) });
  const load = useQuery({ queryKey: ['workflows', filters, pageToken], queryFn: ({ signal }) => listWorkflows(api, filters, pageToken, signal) });
  const options = optionsLoad.data ?? null;
  const optionsError = optionsLoad.isError ? describeFailure(optionsLoad.error, 'Could not load the filter choices.').message : null;
  const page = load.data ?? null;

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters(draft);
    setTokens([null]);
  }

  function clear() {
    setDraft(NO_FILTERS);
    setFilters(NO_FILTERS);
    setTokens([null]);
  }

  const version = options?.strategyVersions.find((v) => v.value === draft.strategyVersionId);
  const field = (name: keyof WorkflowFilters) => `${id}-${name}`;

  return (
    <div className="page workflows">
      <header className="page__header">
        <h1 className="page__title">Workflows</h1>
        <p className="page__lead">Every account's collection workflow, as Temporal runs it. Open one to read its history, pause it or end it.</p>
      </header>

      <form className="card workflows__filters" aria-label="Filter workflows" onSubmit={apply}>
        <div className="field">
          <label className="field__label" htmlFor={field('status')}>Status</label>
          <select
            id={field('status')}
            className="field__input"
            value={draft.status}
            onChange={(e) => setDraft({ ...draft, status: isStatus(e.target.value) ? e.target.value : '' })}
          >
            <option value="">Any status</option>
            {WORKFLOW_STATUSES.map((s) => (
              <option key={s} value={s}>{STATUS_LABELS[s]}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={field('strategyVersionId')}>Strategy version</label>
          <select
            id={field('strategyVersionId')}
            className="field__input"
            value={draft.strategyVersionId}
            onChange={(e) => setDraft({ ...draft, strategyVersionId: e.target.value, nodeId: '' })}
          >
            <option value="">Any version</option>
            {options?.strategyVersions.map((v) => (
              <option key={v.value} value={v.value}>{v.label}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={field('nodeId')}>Current node</label>
          {version ? (
            <select id={field('nodeId')} className="field__input" value={draft.nodeId} onChange={(e) => setDraft({ ...draft, nodeId: e.target.value })}>
              <option value="">Any node</option>
              {version.nodes.map((n) => (
                <option key={n.value} value={n.value}>{n.label}</option>
              ))}
            </select>
          ) : (
            <input
              id={field('nodeId')}
              className="field__input"
              value={draft.nodeId}
              placeholder="Node id, or pick a version first"
              onChange={(e) => setDraft({ ...draft, nodeId: e.target.value })}
            />
          )}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={field('segment')}>Segment</label>
          <select id={field('segment')} className="field__input" value={draft.segment} onChange={(e) => setDraft({ ...draft, segment: e.target.value })}>
            <option value="">Any segment</option>
            {options?.segments.map((s) => (
              <option key={s} value={s}>{s}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={field('collectorId')}>Collector</label>
          <select
            id={field('collectorId')}
            className="field__input"
            value={draft.collectorId}
            onChange={(e) => setDraft({ ...draft, collectorId: e.target.value })}
          >
            <option value="">Any collector</option>
            {options?.collectors.map((c) => (
              <option key={c.value} value={c.value}>{c.label}</option>
            ))}
          </select>
        </div>
        <div className="workflows__filter-actions">
          <button type="submit" className="button button--primary">Apply filters</button>
          <button type="button" className="button button--ghost" onClick={clear}>Clear</button>
        </div>
        {optionsError && <p className="notice notice--warning">{optionsError} The filters can still be typed in.</p>}
      </form>

      {load.isPending && (
        <p className="workflows__loading" role="status">
          <span className="spinner" aria-hidden="true" /> Loading workflows…
        </p>
      )}
      {load.isError && (
        <div className="notice notice--warning" role="alert">
          <p>{describeFailure(load.error, 'Could not list the workflows.').message}</p>
          <button type="button" className="button button--small" onClick={() => void load.refetch()}>Try again</button>
        </div>
      )}
      {page && page.items.length === 0 && (
        <p className="empty">No workflow matches these filters. Clear a filter, or wait: a workflow's node is indexed a moment after it moves.</p>
      )}
      {page && page.items.length > 0 && (
        <>
          <p className="workflows__count">
            {page.total === null ? 'Workflows' : `${page.total} workflow${page.total === 1 ? '' : 's'}`} matching, newest first.
          </p>
          <table className="workflows__table" aria-label="Workflows">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Status</th>
                <th scope="col">Strategy version</th>
                <th scope="col">Current node</th>
                <th scope="col">Segment</th>
                <th scope="col">Collector</th>
                <th scope="col">Started</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((row) => (
                <tr key={`${row.workflowId}/${row.runId}`}>
                  <td>
                    <Link to={row.inspectorPath}>{row.accountName ?? row.accountId}</Link>
                  </td>
                  <td>
                    <span className={`badge workflows__status workflows__status--${row.status}`}>{STATUS_LABELS[row.status]}</span>
                  </td>
                  <td>{row.strategyVersionLabel ?? row.strategyVersionId ?? '—'}</td>
                  <td>{row.nodeLabel ?? row.nodeId ?? '—'}</td>
                  <td>{row.segment ?? '—'}</td>
                  <td>{row.collectorName ?? row.collectorId ?? '—'}</td>
                  <td>{formatTime(row.startedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <nav className="workflows__pager" aria-label="Pages">
        <button type="button" className="button button--small" disabled={tokens.length <= 1} onClick={() => setTokens(tokens.slice(0, -1))}>
          Previous page
        </button>
        <span>Page {tokens.length}</span>
        <button
          type="button"
          className="button button--small"
          disabled={page === null || page.nextPageToken === null}
          onClick={() => page?.nextPageToken && setTokens([...tokens, page.nextPageToken])}
        >
          Next page
        </button>
      </nav>
    </div>
  );
}
