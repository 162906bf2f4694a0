import { useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountSummary, CollectorWorkload, ReassignResult, TaskView } from '@recoup/contracts';
import type { ApiClient } from '../api/api-client.ts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { listAccounts, listOpenTasks, QUEUE, reassignAccounts, reassignTasks, WORK_KEY, workKey, WORKLOAD_KEY, type WorkOwner } from './team.api.ts';

type Kind = 'tasks' | 'accounts';
interface Item {
  id: string;
  label: string;
}
interface Reassignment {
  kind: Kind;
  ids: string[];
  collectorId: string;
}

export interface ReassignPanelProps {
  collectors: readonly CollectorWorkload[];
  /** Whose work to show first. */
  owner: WorkOwner;
  onOwnerChange: (owner: WorkOwner) => void;
}

const NONE: ReadonlySet<string> = new Set();

const taskItem = (t: TaskView): Item => ({ id: t.id, label: `${t.title} · ${t.accountName ?? 'unknown account'} · due ${new Date(t.dueAt).toLocaleDateString()}` });
const accountItem = (a: AccountSummary): Item => ({ id: a.id, label: `${a.name} (${a.externalRef})` });

/** One owner's open tasks or accounts, each as a line to tick. */
async function listItems(api: ApiClient, kind: Kind, owner: WorkOwner, signal: AbortSignal): Promise<Item[]> {
  if (kind === 'tasks') return (await listOpenTasks(api, owner, signal)).items.map(taskItem);
  return (await listAccounts(api, owner, signal)).items.map(accountItem);
}

/** What a reassignment did, in words. */
function gave(result: ReassignResult, kind: Kind, name: string): string {
  const moved = kind === 'accounts' && result.movedTasks > 0 ? `, with ${result.movedTasks} open task(s)` : '';
  return `Gave ${result.reassigned.length} ${kind} to ${name}${moved}.`;
}

export function ReassignPanel({ collectors, owner, onOwnerChange }: ReassignPanelProps) {
  const api = useApi();
  const queries = useQueryClient();
  const id = useId();
  const [kind, setKind] = useState<Kind>('tasks');
  const active = collectors.filter((c) => c.active);
  const [target, setTarget] = useState<string>('');
  const items = useQuery({ queryKey: workKey(kind, owner), queryFn: ({ signal }) => listItems(api, kind, owner, signal) });
  const list = `${kind} of ${owner}`;
  const [ticked, setTicked] = useState({ list, ids: NONE });
  // Ticks belong to the list they were made in: another owner's or kind's list starts with none (reset while
  // rendering, as React advises, since the owner also changes from the table above).
  if (ticked.list !== list) setTicked({ list, ids: NONE });
  const selected = ticked.ids;
  const reassign = useMutation({
    mutationFn: ({ kind: moving, ids, collectorId }: Reassignment) =>
      moving === 'tasks' ? reassignTasks(api, ids, collectorId) : reassignAccounts(api, ids, collectorId),
    onSuccess: () => {
      setTicked({ list, ids: NONE });
      // Awaited, so the lists and figures are fresh when the panel says what moved: what went away cannot be ticked again.
      return Promise.all([queries.invalidateQueries({ queryKey: WORKLOAD_KEY }), queries.invalidateQueries({ queryKey: WORK_KEY })]);
    },
  });
  const error = reassign.isError ? describeFailure(reassign.error, 'The reassignment failed; nothing was moved.').message : null;
  const done = reassign.isSuccess
    ? gave(reassign.data, reassign.variables.kind, collectors.find((c) => c.id === reassign.variables.collectorId)?.name ?? 'the collector')
    : null;

  function toggle(itemId: string) {
    const next = new Set(selected);
    if (next.has(itemId)) next.delete(itemId);
    else next.add(itemId);
    setTicked({ list, ids: next });
  }

  function submit() {
    if (selected.size > 0 && target !== '') reassign.mutate({ kind, ids: [...selected], collectorId: target });
  }

  const heading = `${id}-reassign`;
  return (
    <section className="card team__reassign" aria-labelledby={heading}>
      <h2 id={heading} className="team__heading">
        Reassign work
      </h2>
      <p className="team__hint">
        Pick whose work to look at, tick what should move and choose who takes it. Giving away an account moves its open tasks too, so one
        collector works the whole account; finished tasks keep who worked them.
      </p>
      <div className="team__controls">
        <label className="field">
          <span className="field__label">Work of</span>
          <select className="field__input" value={owner} onChange={(event) => onOwnerChange(event.target.value)}>
            <option value={QUEUE}>Unassigned queue</option>
            {collectors.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">What to move</span>
          <select className="field__input" value={kind} onChange={(event) => setKind(event.target.value === 'accounts' ? 'accounts' : 'tasks')}>
            <option value="tasks">Open tasks</option>
            <option value="accounts">Accounts</option>
          </select>
        </label>
      </div>

      {items.isPending ? (
        <p role="status">
          <span className="spinner" aria-hidden="true" /> Loading {kind}…
        </p>
      ) : items.isError ? (
        <div className="form__error" role="alert">
          <p>{describeFailure(items.error, `Could not load the ${kind}.`).message}</p>
          <button type="button" className="button button--small" onClick={() => void items.refetch()}>
            Try again
          </button>
        </div>
      ) : items.data.length === 0 ? (
        <p className="empty">Nothing here: no {kind === 'tasks' ? 'open tasks' : 'accounts'} to move.</p>
      ) : (
        <fieldset className="team__items">
          <legend className="field__label">
            {kind === 'tasks' ? 'Open tasks' : 'Accounts'} ({selected.size} of {items.data.length} selected)
          </legend>
          <ul className="team__list">
            {items.data.map((item) => (
              <li key={item.id}>
                <label>
                  <input type="checkbox" checked={selected.has(item.id)} onChange={() => toggle(item.id)} /> {item.label}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}

      <form
        className="team__controls"
        onSubmit={(event) => {
          event.preventDefault();
          if (!reassign.isPending) submit();
        }}
      >
        <label className="field">
          <span className="field__label">Give to</span>
          <select className="field__input" value={target} onChange={(event) => setTarget(event.target.value)}>
            <option value="">Choose a collector…</option>
            {active.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--primary" disabled={reassign.isPending || selected.size === 0 || target === ''}>
          {reassign.isPending ? 'Reassigning…' : `Reassign selected ${kind}`}
        </button>
      </form>
      {error ? (
        <p className="form__error" role="alert">
          {error}
        </p>
      ) : null}
      <p role="status" className="team__done">
        {done}
      </p>
    </section>
  );
}
