import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context.ts';
import type { User } from '../../api/auth.types.ts';
import { navigate } from '../../routing/location.ts';
import { Link } from '../../routing/link.tsx';
import { createStrategy, listStrategies, STRATEGIES_KEY, type NewStrategy } from '../api/strategies.api.ts';
import { readStrategyFile } from '../model/strategy-file.ts';
import '../strategies.css';
import { errorMessage } from '@recoup/domain';

const BLANK = { schemaVersion: 1, nodes: [], edges: [] };

/** What a strategy file holds, as a new strategy; a file that is no strategy fails here. */
async function fromFile(file: File): Promise<NewStrategy> {
  const content = readStrategyFile(await file.text(), file.name);
  return { name: content.name, description: content.description, draft: content.graph };
}

export function StrategiesPage({ user }: { user: User }) {
  const api = useApi();
  const queries = useQueryClient();
  const [name, setName] = useState('');
  const [startFrom, setStartFrom] = useState<string>('blank');
  const fileInput = useRef<HTMLInputElement>(null);
  const canEdit = user.role !== 'collector';
  const load = useQuery({ queryKey: STRATEGIES_KEY, queryFn: ({ signal }) => listStrategies(api, signal) });
  // A strategy is created from the form or from a file, and opened in the editor.
  const create = useMutation({
    mutationFn: async (source: NewStrategy | File) => createStrategy(api, source instanceof File ? await fromFile(source) : source),
    onSuccess: (created) => {
      void queries.invalidateQueries({ queryKey: STRATEGIES_KEY });
      navigate(`/strategies/${created.id}`);
    },
  });
  const strategies = load.data ?? null;
  // Each attempt to create replaces whatever failed before it.
  const failure = create.isIdle ? load.error : create.error;
  const error = failure ? errorMessage(failure) : null;
  // Only the form's button tells it is creating; an import has no button of its own to tell it on.
  const creating = create.isPending && !(create.variables instanceof File);

  function submit(event: FormEvent) {
    event.preventDefault();
    const source = strategies?.find((strategy) => strategy.id === startFrom);
    create.mutate({ name: name.trim(), draft: source ? source.draft : BLANK });
  }

  function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) create.mutate(file);
  }

  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title">Strategies</h1>
        <p className="page__lead">
          {canEdit
            ? 'Draw how accounts are collected: waits, reminders, calls, branches and escalations. Simulate before you publish; published versions never change.'
            : 'The strategies that drive your accounts. You can open them to see why an account was contacted.'}
        </p>
      </header>
      {error ? (
        <p className="form__error" role="alert">
          {error}
        </p>
      ) : null}
      {strategies === null && !error ? <p role="status">Loading…</p> : null}
      {strategies ? (
        <table className="table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Latest version</th>
              <th>Draft changed</th>
            </tr>
          </thead>
          <tbody>
            {strategies.map((strategy) => (
              <tr key={strategy.id}>
                <td>
                  <Link to={`/strategies/${strategy.id}`}>{strategy.name}</Link>
                  {strategy.isDefault ? <span className="badge">default</span> : null}
                  {strategy.description ? <div className="table__sub">{strategy.description}</div> : null}
                </td>
                <td>{strategy.latestVersion ? `v${strategy.latestVersion.version}, ${new Date(strategy.latestVersion.publishedAt).toLocaleDateString()}` : 'not published'}</td>
                <td>{new Date(strategy.updatedAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canEdit ? (
        <section className="card">
          <h2 className="card__title">New strategy</h2>
          <form className="form form--inline" onSubmit={submit}>
            <label className="field">
              <span className="field__label">Name</span>
              <input className="field__input" value={name} onChange={(event) => setName(event.target.value)} required maxLength={120} />
            </label>
            <label className="field">
              <span className="field__label">Start from</span>
              <select className="field__input" value={startFrom} onChange={(event) => setStartFrom(event.target.value)}>
                <option value="blank">An empty canvas</option>
                {strategies?.map((strategy) => (
                  <option key={strategy.id} value={strategy.id}>
                    A copy of {strategy.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button button--primary" disabled={creating || name.trim() === ''}>
              {creating ? 'Creating…' : 'Create and open'}
            </button>
            <button type="button" className="button" onClick={() => fileInput.current?.click()}>
              Import a strategy file…
            </button>
            <input ref={fileInput} type="file" accept="application/json,.json" hidden aria-label="Strategy file to import as a new strategy" onChange={importFile} />
          </form>
        </section>
      ) : null}
    </div>
  );
}
