import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StrategyVersionSummary } from '@recoup/contracts';
import { useApi } from '../../api/api-context.ts';
import { ApiError } from '../../api/api-error.ts';
import { listAssignments, putAssignment, type AssignmentSplit } from '../api/strategies.api.ts';
import { IntegerField, SelectField, TextField } from '../settings/fields.tsx';
import { errorMessage } from '@recoup/domain';

const ASSIGNMENTS_KEY = ['strategy-assignments'] as const;

interface AssignPanelProps {
  strategyId: string;
  versions: readonly StrategyVersionSummary[];
  readOnly: boolean;
}

/**
 * Puts a published version to work on a segment, optionally as the champion with a challenger taking a share of
 * the segment's new accounts (each account's arm is fixed by a hash of its id, so it never changes arm).
 */
export function AssignPanel({ strategyId, versions, readOnly }: AssignPanelProps) {
  const api = useApi();
  const queries = useQueryClient();
  const [segment, setSegment] = useState('standard');
  const [champion, setChampion] = useState<string>(versions[0]?.id ?? '');
  const [challenger, setChallenger] = useState<string>('');
  const [challengerPercent, setChallengerPercent] = useState<number | undefined>(20);
  // Without the current assignments the form still works; the list above it then stays empty.
  const current = useQuery({ queryKey: ASSIGNMENTS_KEY, queryFn: ({ signal }) => listAssignments(api, signal) }).data ?? null;
  const assign = useMutation({
    mutationFn: ({ segment, splits }: { segment: string; splits: AssignmentSplit[] }) => putAssignment(api, segment, splits),
    // Awaited, so the list shows the new assignment by the time the message says so.
    onSuccess: () => queries.invalidateQueries({ queryKey: ASSIGNMENTS_KEY }),
  });
  const message = assign.isError
    ? { tone: 'error', text: failureText(assign.error) }
    : assign.isSuccess
      ? { tone: 'ok', text: `Segment “${assign.variables.segment}” now runs this strategy for its new accounts.` }
      : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const share = challenger ? (challengerPercent ?? 0) : 0;
    const splits = [
      { strategyVersionId: champion, percent: 100 - share, label: challenger ? 'champion' : undefined },
      ...(challenger ? [{ strategyVersionId: challenger, percent: share, label: 'challenger' }] : []),
    ].map(({ label, ...rest }) => (label ? { ...rest, label } : rest));
    assign.mutate({ segment: segment.trim(), splits });
  }

  const versionOptions = versions.map((v) => ({ value: v.id, label: `v${v.version}` }));
  const mine = current?.assignments.filter((assignment) => assignment.splits.some((split) => split.strategyId === strategyId)) ?? [];

  return (
    <div className="assign">
      <h2 className="settings__title">Segments running this strategy</h2>
      {mine.length === 0 ? (
        <p className="settings__note">No segment runs it yet{current?.fallback?.strategyId === strategyId ? ', but it is the default for unassigned segments' : ''}.</p>
      ) : (
        <ul>
          {mine.map((assignment) => (
            <li key={assignment.id}>
              <strong>{assignment.segment}</strong>: {assignment.splits.map((split) => `${split.strategyName} v${split.version} ${split.percent}%${split.label ? ` (${split.label})` : ''}`).join(' · ')}
            </li>
          ))}
        </ul>
      )}
      {readOnly ? null : versions.length === 0 ? (
        <p className="settings__note">Publish a version before assigning it.</p>
      ) : (
        <form onSubmit={submit} aria-label="Assign to a segment">
          <TextField label="Segment" value={segment} onChange={setSegment} hint="Accounts carry a segment from the import, e.g. standard, vip, smb." />
          <SelectField label="Champion version" value={champion} onChange={setChampion} options={versionOptions} />
          <SelectField
            label="Challenger (optional)"
            value={challenger}
            onChange={setChallenger}
            options={[{ value: '', label: 'No challenger' }, ...versionOptions]}
          />
          {challenger ? (
            <IntegerField label="Challenger share (%)" min={1} max={99} value={challengerPercent} onChange={setChallengerPercent} hint="Of the segment's accounts starting from now." />
          ) : null}
          <button type="submit" className="button button--primary" disabled={assign.isPending || !champion || !segment.trim()}>
            {assign.isPending ? 'Assigning…' : 'Assign'}
          </button>
          {message ? (
            <p role={message.tone === 'error' ? 'alert' : 'status'} className={message.tone === 'error' ? 'field__error' : 'settings__note'}>
              {message.text}
            </p>
          ) : null}
        </form>
      )}
    </div>
  );
}

/** The server's message, with the fields it refused and why. */
function failureText(error: unknown): string {
  const fields = error instanceof ApiError ? (error.details as { fields?: { path: string; reason: string }[] } | undefined)?.fields : undefined;
  return `${errorMessage(error)}${fields ? ` ${fields.map((f) => `${f.path}: ${f.reason}`).join('; ')}` : ''}`;
}
