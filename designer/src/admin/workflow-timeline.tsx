import { useId, useState } from 'react';
import { TIMELINE_KINDS, type TimelineEntry, type TimelineKind } from '@recoup/contracts';
import { formatTime } from './workflow-status.ts';

const KIND_LABELS: Record<TimelineKind, string> = {
  run: 'Run',
  timer: 'Wait',
  activity: 'Activity',
  decision: 'Decision',
  message: 'Message',
  admin: 'Admin',
  failure: 'Failure',
};

const isKind = (value: string): value is TimelineKind => TIMELINE_KINDS.some((k) => k === value);

function Details({ entry }: { entry: TimelineEntry }) {
  const facts = entry.facts && Object.keys(entry.facts).length > 0 ? entry.facts : null;
  if (!facts && entry.input === undefined && entry.result === undefined && !entry.matched?.length) return null;
  return (
    <details className="timeline__details">
      <summary>Details</summary>
      {entry.matched && entry.matched.length > 0 && (
        <>
          <h4>Comparisons that held</h4>
          <ul>
            {entry.matched.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
      {facts && (
        <>
          <h4>Facts</h4>
          <dl className="timeline__facts">
            {Object.entries(facts).map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {entry.input !== undefined && (
        <>
          <h4>Input</h4>
          <pre>{JSON.stringify(entry.input, null, 2)}</pre>
        </>
      )}
      {entry.result !== undefined && !facts && (
        <>
          <h4>Result</h4>
          <pre>{JSON.stringify(entry.result, null, 2)}</pre>
        </>
      )}
    </details>
  );
}

/** The workflow's history as an admin reads it, each entry labelled by what kind of thing happened. */
export function WorkflowTimeline({ entries }: { entries: TimelineEntry[] }) {
  const id = useId();
  const [kind, setKind] = useState<TimelineKind | ''>('');
  const shown = kind ? entries.filter((e) => e.kind === kind) : entries;
  return (
    <section className="card timeline" aria-labelledby={`${id}-title`}>
      <div className="timeline__header">
        <h2 id={`${id}-title`} className="card__title">Timeline</h2>
        <div className="field timeline__filter">
          <label className="field__label" htmlFor={`${id}-kind`}>Show</label>
          <select id={`${id}-kind`} className="field__input" value={kind} onChange={(e) => setKind(isKind(e.target.value) ? e.target.value : '')}>
            <option value="">Everything</option>
            {TIMELINE_KINDS.map((k) => (
              <option key={k} value={k}>{KIND_LABELS[k]}</option>
            ))}
          </select>
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="empty">{entries.length === 0 ? 'The history is empty.' : 'Nothing of this kind happened in this run.'}</p>
      ) : (
        <ol className="timeline__list" aria-label="Timeline entries">
          {shown.map((entry) => (
            <li key={entry.eventIds.join('-')} className={`timeline__entry timeline__entry--${entry.kind}`}>
              <span className={`badge timeline__kind timeline__kind--${entry.kind}`}>{KIND_LABELS[entry.kind]}</span>
              <div className="timeline__body">
                <p className="timeline__title">
                  <strong>{entry.title}</strong> <time dateTime={entry.at ?? undefined}>{formatTime(entry.at)}</time>
                </p>
                <p className="timeline__summary">{entry.summary}</p>
                <Details entry={entry} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
