import { useEffect, useId, useState } from 'react';
import type { CollectorWorkload } from '@recoup/contracts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { listAccounts, listOpenTasks, QUEUE, reassignAccounts, reassignTasks, type WorkOwner } from './team.api.ts';

type Kind = 'tasks' | 'accounts';
interface Item {
  id: string;
  label: string;
}
type Items = { status: 'loading' } | { status: 'ready'; items: Item[] } | { status: 'failed'; message: string };

export interface ReassignPanelProps {
  collectors: readonly CollectorWorkload[];
  /** Whose work to show first. */
  owner: WorkOwner;
  onOwnerChange: (owner: WorkOwner) => void;
  /** Called after a reassignment, so the workload figures are read again. */
  onReassigned: () => void;
}

export function ReassignPanel({ collectors, owner, onOwnerChange, onReassigned }: ReassignPanelProps) {
  const api = useApi();
  const id = useId();
  const [kind, setKind] = useState<Kind>('tasks');
  const [items, setItems] = useState<Items>({ status: 'loading' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const active = collectors.filter((c) => c.active);
  const [target, setTarget] = useState<string>('');
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setItems({ status: 'loading' });
    setSelected(new Set());
    const load =
      kind === 'tasks'
        ? listOpenTasks(api, owner, controller.signal).then((page) =>
            page.items.map((t) => ({ id: t.id, label: `${t.title} · ${t.accountName ?? 'unknown account'} · due ${new Date(t.dueAt).toLocaleDateString()}` })),
          )
        : listAccounts(api, owner, controller.signal).then((page) => page.items.map((a) => ({ id: a.id, label: `${a.name} (${a.externalRef})` })));
    load.then(
      (loaded) => {
        if (!controller.signal.aborted) setItems({ status: 'ready', items: loaded });
      },
      (failure: unknown) => {
        if (!controller.signal.aborted) setItems({ status: 'failed', message: describeFailure(failure, `Could not load the ${kind}.`).message });
      },
    );
    return () => controller.abort();
  }, [api, kind, owner, attempt]);

  function toggle(itemId: string) {
    const next = new Set(selected);
    if (next.has(itemId)) next.delete(itemId);
    else next.add(itemId);
    setSelected(next);
  }

  async function submit() {
    if (selected.size === 0 || target === '') return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const ids = [...selected];
      const result = kind === 'tasks' ? await reassignTasks(api, ids, target) : await reassignAccounts(api, ids, target);
      const name = collectors.find((c) => c.id === target)?.name ?? 'the collector';
      const moved = kind === 'accounts' && result.movedTasks > 0 ? `, with ${result.movedTasks} open task(s)` : '';
      setDone(`Gave ${result.reassigned.length} ${kind} to ${name}${moved}.`);
      setAttempt((n) => n + 1);
      onReassigned();
    } catch (failure) {
      setError(describeFailure(failure, 'The reassignment failed; nothing was moved.').message);
    } finally {
      setBusy(false);
    }
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

      {items.status === 'loading' ? (
        <p role="status">
          <span className="spinner" aria-hidden="true" /> Loading {kind}…
        </p>
      ) : items.status === 'failed' ? (
        <div className="form__error" role="alert">
          <p>{items.message}</p>
          <button type="button" className="button button--small" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      ) : items.items.length === 0 ? (
        <p className="empty">Nothing here: no {kind === 'tasks' ? 'open tasks' : 'accounts'} to move.</p>
      ) : (
        <fieldset className="team__items">
          <legend className="field__label">
            {kind === 'tasks' ? 'Open tasks' : 'Accounts'} ({selected.size} of {items.items.length} selected)
          </legend>
          <ul className="team__list">
            {items.items.map((item) => (
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
          if (!busy) void submit();
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
        <button type="submit" className="button button--primary" disabled={busy || selected.size === 0 || target === ''}>
          {busy ? 'Reassigning…' : `Reassign selected ${kind}`}
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
