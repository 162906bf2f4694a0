import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StrategyGraphInput } from '@recoup/domain';
import type { StrategyVersionSummary } from '@recoup/contracts';
import { useApi } from '../../api/api-context.ts';
import { getVersion } from '../api/strategies.api.ts';
import type { DiffMark } from '../canvas/decorations.ts';
import { diffStrategies, type StrategyDiff } from '../model/diff.ts';
import type { FlowDocument } from '../model/flow-types.ts';
import { toFlow } from '../model/graph-convert.ts';
import { errorMessage } from '@recoup/domain';

/** What the canvas shows while two versions are compared: the newer drawing plus the removed nodes, marked. */
export interface ComparedView {
  title: string;
  document: FlowDocument;
  marks: ReadonlyMap<string, DiffMark>;
  diff: StrategyDiff;
}

const DRAFT = 'draft';

interface VersionsPanelProps {
  versions: readonly StrategyVersionSummary[];
  draft: StrategyGraphInput;
  compared: ComparedView | null;
  onCompare(view: ComparedView | null): void;
}

export function comparedView(title: string, before: StrategyGraphInput, after: StrategyGraphInput): ComparedView {
  const diff = diffStrategies(before, after);
  const marks = new Map<string, DiffMark>();
  for (const node of diff.added) marks.set(node.id, 'added');
  for (const change of diff.changed) marks.set(change.id, 'changed');
  for (const node of diff.removed) marks.set(node.id, 'removed');
  const shown = toFlow({ nodes: [...after.nodes, ...diff.removed], edges: after.edges, portal: after.portal });
  return { title, document: shown, marks, diff };
}

export function VersionsPanel({ versions, draft, compared, onCompare }: VersionsPanelProps) {
  const api = useApi();
  const queries = useQueryClient();
  const [from, setFrom] = useState<string>(versions[0]?.id ?? '');
  const [to, setTo] = useState<string>(DRAFT);

  const nameOf = (id: string) => (id === DRAFT ? 'the draft' : `v${versions.find((v) => v.id === id)?.version ?? '?'}`);
  // A published version never changes, so one read once is not asked for again while the cache holds it.
  const graphOf = async (id: string): Promise<StrategyGraphInput> => {
    if (id === DRAFT) return draft;
    const version = await queries.fetchQuery({ queryKey: ['strategy-version', id], queryFn: ({ signal }) => getVersion(api, id, signal), staleTime: Infinity });
    return version.graph as StrategyGraphInput;
  };
  // Comparing is something the manager starts, so it is tracked as a mutation: its progress and its failure.
  const compare = useMutation({
    mutationFn: (pair: { from: string; to: string }) => Promise.all([graphOf(pair.from), graphOf(pair.to)]),
    onSuccess: ([before, after], pair) => onCompare(comparedView(`${nameOf(pair.from)} → ${nameOf(pair.to)}`, before, after)),
  });

  if (versions.length === 0) {
    return <p className="settings__note">No version has been published yet. Publish freezes the draft as version 1.</p>;
  }

  const options = [{ id: DRAFT, label: 'Current draft' }, ...versions.map((v) => ({ id: v.id, label: `v${v.version} · ${new Date(v.publishedAt).toLocaleString()}` }))];
  return (
    <div className="versions">
      <h2 className="settings__title">Versions</h2>
      <ol className="versions__list">
        {versions.map((version) => (
          <li key={version.id}>
            <strong>v{version.version}</strong> published {new Date(version.publishedAt).toLocaleString()}{' '}
            <code title="Checksum of the published graph">{version.checksum.slice(0, 8)}</code>
          </li>
        ))}
      </ol>
      <div className="settings__row">
        <label className="field">
          <span className="field__label">Compare</span>
          <select className="field__input" value={from} onChange={(event) => setFrom(event.target.value)} aria-label="Compare from">
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">with</span>
          <select className="field__input" value={to} onChange={(event) => setTo(event.target.value)} aria-label="Compare to">
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button type="button" className="button" onClick={() => compare.mutate({ from, to })} disabled={compare.isPending || from === to}>
        {compare.isPending ? 'Loading…' : 'Show differences on the canvas'}
      </button>
      {compare.isError ? <p role="alert" className="field__error">{errorMessage(compare.error)}</p> : null}
      {compared ? <DiffSummary diff={compared.diff} /> : null}
    </div>
  );
}

function DiffSummary({ diff }: { diff: StrategyDiff }) {
  if (diff.same) return <p className="settings__note">No differences: the two are the same strategy (positions aside).</p>;
  return (
    <ul className="diff-summary" aria-label="Differences">
      {diff.added.map((node) => (
        <li key={`a-${node.id}`} className="diff-summary__added">
          Added {node.type} <code>{node.label ?? node.id}</code>
        </li>
      ))}
      {diff.removed.map((node) => (
        <li key={`r-${node.id}`} className="diff-summary__removed">
          Removed {node.type} <code>{node.label ?? node.id}</code>
        </li>
      ))}
      {diff.changed.map((change) => (
        <li key={`c-${change.id}`} className="diff-summary__changed">
          Changed <code>{change.after.label ?? change.id}</code>: {change.fields.join(', ')}
        </li>
      ))}
      {diff.portalChanged ? <li className="diff-summary__changed">Changed the debtor portal policy (see the Debtor portal tab)</li> : null}
      {diff.addedEdges.length + diff.removedEdges.length > 0 ? (
        <li>
          {diff.addedEdges.length} connection(s) added, {diff.removedEdges.length} removed
        </li>
      ) : null}
    </ul>
  );
}
