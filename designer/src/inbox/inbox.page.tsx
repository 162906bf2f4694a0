import './inbox.css';
import { useId, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InboxItem } from '@recoup/contracts';
import type { User } from '../api/auth.types.ts';
import { useApi } from '../api/api-context.ts';
import { ApiError } from '../api/api-error.ts';
import { describeFailure } from '../api/api-failure.ts';
import { Link } from '../routing/link.tsx';
import { useDebouncedValue } from '../shared/use-debounced-value.ts';
import { CompleteTaskForm } from './complete-task-form.tsx';
import { claimTask, DEFAULT_FILTERS, INBOX_KEY, loadInbox, releaseTask, type InboxFilters } from './inbox.api.ts';
import { predictionText, rankingText } from './ranking-text.ts';

const PAGE = 100;
const SEARCH_DELAY_MS = 250;

interface TaskAction {
  task: InboxItem;
  action: 'claim' | 'release';
}

const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Why a claim or release did not go through, in the collector's words. */
function actionFailure(error: unknown, { task, action }: TaskAction): string {
  // A lost race answers 409 while the task still looks free, 404 once it is someone else's.
  const taken = action === 'claim' && error instanceof ApiError && (error.status === 404 || error.code === 'task-taken');
  return taken ? `Someone else took the task for ${task.account.name} first.` : describeFailure(error, 'That did not work.').message;
}

/** The collector's worklist, most urgent first, each task with the reasons for its place. */
export function InboxPage({ user }: { user: User }) {
  const api = useApi();
  const queries = useQueryClient();
  const id = useId();
  const [filters, setFilters] = useState<InboxFilters>(DEFAULT_FILTERS);
  // The search text is read through its debounced value, so typing does not ask on every key.
  const q = useDebouncedValue(filters.q, SEARCH_DELAY_MS);
  const asked: InboxFilters = { ...filters, q };
  const load = useQuery({
    queryKey: [...INBOX_KEY, asked],
    queryFn: ({ signal }) => loadInbox(api, asked, PAGE, browserTimeZone(), signal),
    // The last list stays on screen while the next one is on its way, so an open form keeps what was typed.
    placeholderData: keepPreviousData,
  });
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: ({ task, action }: TaskAction) => (action === 'claim' ? claimTask(api, task.id) : releaseTask(api, task.id)),
    onSuccess: (_, { task, action }) =>
      setMessage(action === 'claim' ? `You took the task for ${task.account.name}.` : `The task for ${task.account.name} is back in the queue.`),
    // Asked again either way, as a lost race leaves the list out of date; not awaited, so the message or refusal shows at once.
    onSettled: () => void queries.invalidateQueries({ queryKey: INBOX_KEY }),
  });

  const set = <K extends keyof InboxFilters>(key: K, value: InboxFilters[K]) => setFilters((f) => ({ ...f, [key]: value }));

  const field = (name: string) => `${id}-${name}`;
  // A failed read takes the place of the list, even of one shown before it.
  const result = load.isSuccess ? load.data : null;
  const segments = result?.segments ?? [];
  return (
    <div className="page inbox">
      <header className="page__header">
        <h1 className="page__title">Inbox</h1>
        <p className="page__lead">
          {filters.scope === 'mine' ? 'Your tasks, most urgent first.' : 'Unassigned tasks of your pools you can take.'}
        </p>
      </header>
      <div className="inbox__scopes" role="group" aria-label="Which tasks">
        <button type="button" className={`button button--small${filters.scope === 'mine' ? ' button--primary' : ''}`} aria-pressed={filters.scope === 'mine'} onClick={() => set('scope', 'mine')}>
          My tasks
        </button>
        <button type="button" className={`button button--small${filters.scope === 'claimable' ? ' button--primary' : ''}`} aria-pressed={filters.scope === 'claimable'} onClick={() => set('scope', 'claimable')}>
          Unassigned
        </button>
      </div>
      <form className="inbox__filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label className="field__label" htmlFor={field('q')}>
            Search accounts
          </label>
          <input id={field('q')} className="field__input" type="search" placeholder="Name or reference" value={filters.q} onChange={(e) => set('q', e.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={field('status')}>
            Status
          </label>
          <select id={field('status')} className="field__input" value={filters.status} onChange={(e) => set('status', e.target.value as InboxFilters['status'])}>
            <option value="open">Open</option>
            <option value="done">Done</option>
            <option value="cancelled">Cancelled</option>
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={field('type')}>
            Type
          </label>
          <select id={field('type')} className="field__input" value={filters.type} onChange={(e) => set('type', e.target.value as InboxFilters['type'])}>
            <option value="">All types</option>
            <option value="call">Calls</option>
            <option value="review">Reviews</option>
            <option value="escalation">Escalations</option>
            <option value="portal-request">Portal requests</option>
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={field('due')}>
            Due
          </label>
          <select id={field('due')} className="field__input" value={filters.due} onChange={(e) => set('due', e.target.value as InboxFilters['due'])}>
            <option value="">Any time</option>
            <option value="today">Due today</option>
            <option value="overdue">Overdue</option>
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={field('segment')}>
            Segment
          </label>
          <select id={field('segment')} className="field__input" value={filters.segment} onChange={(e) => set('segment', e.target.value)}>
            <option value="">All segments</option>
            {[...new Set([...segments, ...(filters.segment ? [filters.segment] : [])])].map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={field('sort')}>
            Sort by
          </label>
          <select id={field('sort')} className="field__input" value={filters.sort} onChange={(e) => set('sort', e.target.value as InboxFilters['sort'])}>
            <option value="priority">Priority</option>
            <option value="due">Due time</option>
          </select>
        </div>
      </form>
      {message ? (
        <p className="inbox__message" role="status">
          {message}
        </p>
      ) : null}
      {act.isError ? (
        <p className="notice notice--warning" role="alert">
          {actionFailure(act.error, act.variables)}
        </p>
      ) : null}
      {load.isPending ? <p role="status">Loading your tasks…</p> : null}
      {result && load.isFetching ? (
        <p role="status" className="inbox__refreshing">
          Updating the list…
        </p>
      ) : null}
      {load.isError ? (
        <div className="notice notice--warning" role="alert">
          <p>{describeFailure(load.error, 'Could not load the inbox.').message}</p>
          <button type="button" className="button button--small" onClick={() => void load.refetch()}>
            Try again
          </button>
        </div>
      ) : null}
      {result && result.items.length === 0 ? (
        <p className="empty">{filters.scope === 'mine' ? 'No tasks match. Well done, or try other filters.' : 'Nothing is waiting to be claimed.'}</p>
      ) : null}
      {result && result.items.length > 0 ? (
        <>
          <p className="inbox__count">
            {result.total > result.items.length
              ? `Showing the ${result.items.length} most urgent of ${result.total} tasks.`
              : `${result.total} task${result.total === 1 ? '' : 's'}.`}
          </p>
          <ol className="inbox__list" aria-label="Tasks">
            {result.items.map((task) => (
              <li key={task.id} className="inbox__item">
                <article aria-label={`${task.title}: ${task.account.name}`}>
                  <div className="inbox__head">
                    <span className="inbox__score" title="Priority score">
                      {task.ranking.score}
                    </span>
                    <div className="inbox__what">
                      <h2 className="inbox__title">
                        <Link to={`/accounts/${encodeURIComponent(task.accountId)}`}>{task.account.name}</Link>{' '}
                        <span className="inbox__ref">{task.account.externalRef}</span>
                      </h2>
                      <p className="inbox__task">
                        <span className="badge">{task.taskType}</span> {task.title} · due {new Date(task.dueAt).toLocaleString()}
                        {task.status !== 'open' ? ` · ${task.status}${task.outcome ? `: ${task.outcome}` : ''}` : ''}
                      </p>
                      <p className="inbox__why">{rankingText(task.ranking)}</p>
                      {predictionText(task.ranking) ? (
                        <p className="inbox__prediction" title="What the payment model learned from this customer's payments">
                          Why: {predictionText(task.ranking)}
                        </p>
                      ) : null}
                    </div>
                    <div className="inbox__actions">
                      {task.claimable ? (
                        <button type="button" className="button button--small" onClick={() => act.mutate({ task, action: 'claim' })}>
                          Claim
                        </button>
                      ) : null}
                      {!task.claimable && task.status === 'open' && task.assigneeId === user.id ? (
                        <>
                          <button type="button" className="button button--small button--primary" aria-expanded={open === task.id} onClick={() => setOpen(open === task.id ? null : task.id)}>
                            {task.taskType === 'call' ? 'Log call' : 'Complete'}
                          </button>
                          <button type="button" className="button button--small button--ghost" onClick={() => act.mutate({ task, action: 'release' })}>
                            Release
                          </button>
                        </>
                      ) : null}
                    </div>
                  </div>
                  {open === task.id ? (
                    <CompleteTaskForm
                      task={task}
                      currency={task.ranking.parts.overdue.amount.currency}
                      onCancel={() => setOpen(null)}
                      onDone={(text) => {
                        setOpen(null);
                        setMessage(text);
                      }}
                    />
                  ) : null}
                </article>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}
