import type { AuditEntryView } from '@recoup/contracts';

function actorText(actor: AuditEntryView['actor']) {
  if (actor === null) return <span className="admin-sub">The system</span>;
  if (actor.name === null) return <code title="No user has this id any more">{actor.id}</code>;
  return (
    <>
      {actor.name}
      <div className="admin-sub">{actor.email}</div>
    </>
  );
}

/** One audit entry: when, who, what, on which thing, and the recorded details with the entry's place in the chain. */
export function AuditEntryRow({ entry, highlighted }: { entry: AuditEntryView; highlighted: boolean }) {
  const details = Object.keys(entry.details).length > 0 ? JSON.stringify(entry.details, null, 2) : null;
  return (
    <tr className={highlighted ? 'audit__row--highlighted' : undefined} aria-current={highlighted ? 'true' : undefined}>
      <td>
        <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time>
        <div className="admin-sub">#{entry.id}</div>
      </td>
      <td>{actorText(entry.actor)}</td>
      <td>
        <code>{entry.action}</code>
      </td>
      <td>
        {entry.entity}
        <div className="admin-sub audit__entity-id">{entry.entityId}</div>
      </td>
      <td>
        <details>
          <summary>{details === null ? 'No details' : 'Details'}</summary>
          {details === null ? null : <pre className="admin-pre">{details}</pre>}
          <p className="admin-sub audit__hash">
            Hash <code>{entry.hash}</code>
            <br />
            Links to <code>{entry.prevHash ?? 'nothing: the first entry'}</code>
          </p>
        </details>
      </td>
    </tr>
  );
}
