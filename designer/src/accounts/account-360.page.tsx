import './account-360.css';
import { useId, useState, type FormEvent } from 'react';
import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountDetail, InvoicePredictionView } from '@recoup/contracts';
import type { User } from '../api/auth.types.ts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { moneyText } from '../inbox/ranking-text.ts';
import { Link } from '../routing/link.tsx';
import { accountKey, addNote, getAccount, getCommunication, getTimeline } from './account.api.ts';
import { DebtorClock, ZoneClues } from './debtor-zones.tsx';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');
const FILE_KINDS: Record<string, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG image', 'image/jpeg': 'JPEG image' };
const fileKind = (mediaType: string) => FILE_KINDS[mediaType] ?? mediaType;
const fileSize = (bytes: number) =>
  bytes < 1024 ? `${bytes} bytes` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/** Everything about one debtor account on one page, including why its workflow did what it did. */
export function Account360Page({ accountId, user }: { accountId: string; user: User }) {
  const api = useApi();
  const detail = useQuery({ queryKey: accountKey(accountId), queryFn: ({ signal }) => getAccount(api, accountId, signal) });
  const timeline = useQuery({ queryKey: ['account-timeline', accountId], queryFn: ({ signal }) => getTimeline(api, accountId, signal) });

  if (detail.isPending) return <div className="page"><p role="status">Loading the account…</p></div>;
  // A failed read replaces the page, even one shown before it: what is on screen may no longer hold.
  if (detail.isError) {
    return (
      <div className="page">
        <p className="notice notice--warning" role="alert">
          {describeFailure(detail.error, 'Could not load the account.').message}
        </p>
        <Link to="/accounts">Back to the accounts</Link>
      </div>
    );
  }
  const d = detail.data;
  const invoiceNumber = new Map(d.invoices.map((i) => [i.id, i.number]));
  const open = d.invoices.filter((i) => i.status === 'open');
  // The latest first: what the customer did recently says most.
  const closed = d.invoices.filter((i) => i.status !== 'open').reverse();
  const paidLate = paidLateIn(d);
  return (
    <div className="page account-360">
      <header className="page__header">
        <h1 className="page__title">{d.account.name}</h1>
        <p className="page__lead">
          {d.account.externalRef} · {d.account.customerType} · segment {d.account.segment} · {d.prediction ? `predicted risk ${d.prediction.riskScore}` : `risk ${d.account.riskScore ?? 'unknown'}`} · open{' '}
          {d.balance.length ? d.balance.map(moneyText).join(', ') : 'nothing'} · signed in as {user.name}
        </p>
        <DebtorClock clock={d.debtorLocalTime} zones={d.contacts.find((c) => c.id === d.debtorLocalTime.contactId)?.zones ?? null} />
        {d.account.ceaseCommunication ? (
          <p className="notice notice--warning">The debtor asked us to cease communication on {when(d.account.ceaseCommunicationAt)}. No reminder goes out.</p>
        ) : null}
      </header>

      <section className="card account-360__section" aria-labelledby="a360-contacts">
        <h2 id="a360-contacts" className="card__title">Contacts and consents</h2>
        {d.contacts.length === 0 ? <p className="empty">No contact on file.</p> : null}
        <ul className="account-360__plain">
          {d.contacts.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong>
              {c.isPrimary ? ' (primary)' : ''} · {c.email ?? 'no e-mail'} · {c.phone ?? 'no phone'} · {c.timeZone ?? 'no time zone recorded'}
              <div className="account-360__sub">Contact hours: {c.zones.explanation}</div>
              {c.id === d.debtorLocalTime.contactId ? null : <ZoneClues zones={c.zones} />}
              <div className="account-360__sub">
                Consents: {(['email', 'sms', 'phone', 'letter'] as const).map((ch) => `${ch} ${c.consent[ch] ? 'yes' : 'no'}`).join(', ')}.{' '}
                Opted out: {(['email', 'sms', 'letter'] as const).filter((ch) => c.optedOut[ch]).map((ch) => `${ch} since ${when(c.optedOut[ch])}`).join(', ') || 'none'}.
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section className="card account-360__section" aria-labelledby="a360-timeline">
        <h2 id="a360-timeline" className="card__title">Why the workflow did what it did</h2>
        {timeline.isPending ? <p role="status">Reading the workflow’s history…</p> : null}
        {timeline.isError ? <p className="notice notice--warning">{describeFailure(timeline.error, 'Could not load the decisions.').message}</p> : null}
        {timeline.isSuccess && timeline.data.unavailable ? <p className="empty">{timeline.data.unavailable}</p> : null}
        {timeline.isSuccess && timeline.data.steps.length > 0 ? (
          <ol className="account-360__timeline" aria-label="Decisions">
            {timeline.data.steps.map((step) => (
              <li key={step.eventId} className={`account-360__step account-360__step--${step.kind}`}>
                <time dateTime={step.at ?? undefined}>{when(step.at)}</time>
                <div>
                  <p className="account-360__step-title">{step.title}</p>
                  {step.why ? <p className="account-360__sub">{step.why}</p> : null}
                  {Object.keys(step.facts).length > 0 ? (
                    <p className="account-360__sub">
                      Facts: {Object.entries(step.facts).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', ')}
                    </p>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        ) : null}
      </section>

      <section className="card account-360__section" aria-labelledby="a360-invoices">
        <h2 id="a360-invoices" className="card__title">Invoices</h2>
        {d.prediction ? <AccountPredictionLine prediction={d.prediction} /> : null}
        {open.length === 0 ? <p className="empty">Nothing open.</p> : null}
        <table className="table" aria-label="Invoices">
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Due</th>
              <th scope="col">Amount</th>
              <th scope="col">Open</th>
              <th scope="col">Days past due</th>
              <th scope="col">Aging</th>
              <th scope="col">Predicted payment</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {open.map((i) => (
              <tr key={i.id}>
                <td>{i.number}</td>
                <td>{i.dueDate}</td>
                <td>{moneyText(i.amount)}</td>
                <td>{moneyText(i.open)}</td>
                <td>{i.daysPastDue}</td>
                <td>{i.agingBucket}</td>
                <td>{i.prediction ? <PredictedDate prediction={i.prediction} /> : <span className="empty">not scored yet</span>}</td>
                <td>
                  {i.prediction && i.prediction.reasons.length > 0 ? (
                    <ul className="account-360__reasons" aria-label={`Why ${i.number} is predicted so`}>
                      {i.prediction.reasons.map((r) => (
                        <li key={r.feature} className={r.effect >= 0 ? 'account-360__reason--later' : 'account-360__reason--sooner'}>
                          {r.text}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {closed.length > 0 ? (
          <details className="account-360__closed">
            <summary>
              Paid and closed invoices ({closed.length}), of which {closed.filter(paidLate).length} paid late
            </summary>
            <table className="table" aria-label="Paid and closed invoices">
              <thead>
                <tr>
                  <th scope="col">Number</th>
                  <th scope="col">Issued</th>
                  <th scope="col">Due</th>
                  <th scope="col">Amount</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {closed.map((i) => (
                  <tr key={i.id}>
                    <td>{i.number}</td>
                    <td>{i.issueDate}</td>
                    <td>{i.dueDate}</td>
                    <td>{moneyText(i.amount)}</td>
                    <td>{i.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ) : null}
      </section>

      <section className="card account-360__section" aria-labelledby="a360-payments">
        <h2 id="a360-payments" className="card__title">Payments</h2>
        {d.payments.length === 0 ? <p className="empty">No payment received yet.</p> : null}
        <ul className="account-360__plain">
          {d.payments.map((p) => (
            <li key={p.id}>
              {when(p.receivedAt)} · {moneyText(p.amount)} · {p.reference}
              <div className="account-360__sub">
                {p.allocations.length
                  ? `Applied to ${p.allocations.map((a) => `${invoiceNumber.get(a.invoiceId) ?? a.invoiceId} (${moneyText({ amountMinor: a.amountMinor, currency: p.amount.currency })})`).join(', ')}`
                  : 'Not applied yet'}
                {p.unallocated.amountMinor !== '0' ? ` · ${moneyText(p.unallocated)} unapplied` : ''}
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section className="card account-360__section" aria-labelledby="a360-promises">
        <h2 id="a360-promises" className="card__title">Promises and disputes</h2>
        {d.promises.length === 0 && d.disputes.length === 0 ? <p className="empty">No promise or dispute.</p> : null}
        <ul className="account-360__plain">
          {d.promises.map((p) => (
            <li key={p.id}>
              Promise {p.installmentNo ? `(installment ${p.installmentNo}) ` : ''}of {moneyText(p.amount)} by {p.dueDate}: {p.status}, paid {moneyText(p.paid)}
            </li>
          ))}
          {d.disputes.map((dispute) => (
            <li key={dispute.id}>
              Dispute opened {when(dispute.openedAt)}{dispute.openedBy === null ? ' by the debtor in the portal' : ''}: “{dispute.reason}” — {dispute.status} (
              {dispute.items.map((i) => `${i.invoiceNumber} ${moneyText(i.amount)}`).join(', ')})
              {dispute.attachments.length > 0 ? (
                <ul className="account-360__sub" aria-label={`Files sent with the dispute opened ${when(dispute.openedAt)}`}>
                  {dispute.attachments.map((file) => (
                    <li key={file.id}>
                      <a href={`/api/disputes/${encodeURIComponent(dispute.id)}/attachments/${encodeURIComponent(file.id)}`} download={file.fileName}>
                        {file.fileName}
                      </a>{' '}
                      ({fileKind(file.mediaType)}, {fileSize(file.sizeBytes)})
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section className="card account-360__section" aria-labelledby="a360-tasks">
        <h2 id="a360-tasks" className="card__title">Tasks</h2>
        {d.tasks.length === 0 ? <p className="empty">No task.</p> : null}
        <ul className="account-360__plain">
          {d.tasks.map((t) => (
            <li key={t.id}>
              {t.title} · {t.status}
              {t.outcome ? `: ${t.outcome}` : ''} · due {when(t.dueAt)}
              {t.note ? <div className="account-360__sub">{t.note}</div> : null}
            </li>
          ))}
        </ul>
      </section>

      <Communications accountId={accountId} detail={d} />
      <Notes accountId={accountId} detail={d} />
    </div>
  );
}

function Communications({ accountId, detail }: { accountId: string; detail: AccountDetail }) {
  const api = useApi();
  const [shownId, setShownId] = useState<string | null>(null);
  const shown = useQuery({
    queryKey: ['account-communication', accountId, shownId],
    queryFn: shownId === null ? skipToken : ({ signal }) => getCommunication(api, accountId, shownId, signal),
  });

  return (
    <section className="card account-360__section" aria-labelledby="a360-comms">
      <h2 id="a360-comms" className="card__title">Communications</h2>
      {detail.communications.length === 0 ? <p className="empty">Nothing was sent or received yet.</p> : null}
      <ul className="account-360__plain">
        {detail.communications.map((c) => (
          <li key={c.id}>
            {when(c.sentAt ?? c.createdAt)} · {c.direction === 'inbound' ? 'from the debtor, in the portal' : c.channel} · “{c.subject}” · {c.status}
            {c.reason ? ` (${c.reason})` : ''}
            {c.hasBody ? (
              <button type="button" className="button button--small button--ghost" aria-expanded={shownId === c.id} onClick={() => setShownId(shownId === c.id ? null : c.id)}>
                {shownId === c.id ? 'Hide message' : 'View message'}
              </button>
            ) : null}
            {shownId === c.id && shown.isPending ? <p role="status">Loading the message…</p> : null}
            {shownId === c.id && shown.isError ? <p className="notice notice--warning">{describeFailure(shown.error, 'Could not load the message.').message}</p> : null}
            {shownId === c.id && shown.isSuccess ? (
              <pre className="account-360__message" aria-label={`Message: ${c.subject}`}>
                {shown.data.bodyText}
              </pre>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Notes({ accountId, detail }: { accountId: string; detail: AccountDetail }) {
  const api = useApi();
  const queries = useQueryClient();
  const id = useId();
  const [body, setBody] = useState('');
  /** The last attempt was refused before asking the server, as there was nothing to save. */
  const [blank, setBlank] = useState(false);
  const add = useMutation({
    mutationFn: (text: string) => addNote(api, accountId, text),
    onSuccess: () => {
      setBody('');
      // The note shows as the server keeps it, in its place among the others; not awaited, so the form frees at once.
      void queries.invalidateQueries({ queryKey: accountKey(accountId) });
    },
  });
  const error = blank ? 'Write something first.' : add.isError ? describeFailure(add.error, 'The note could not be saved.').message : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = body.trim();
    setBlank(text === '');
    if (text !== '') add.mutate(text);
  }

  return (
    <section className="card account-360__section" aria-labelledby="a360-notes">
      <h2 id="a360-notes" className="card__title">Notes</h2>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-note`}>
            New note
          </label>
          <textarea id={`${id}-note`} className="field__input" value={body} onChange={(e) => setBody(e.target.value)} />
        </div>
        {error ? (
          <p className="notice notice--warning" role="alert">
            {error}
          </p>
        ) : null}
        <div>
          <button type="submit" className="button button--primary" disabled={add.isPending}>
            {add.isPending ? 'Saving…' : 'Add note'}
          </button>
        </div>
      </form>
      {detail.notes.length === 0 ? <p className="empty">No notes yet.</p> : null}
      <ul className="account-360__plain" aria-label="Notes">
        {detail.notes.map((n) => (
          <li key={n.id}>
            <p>{n.body}</p>
            <p className="account-360__sub">
              {n.authorName ?? 'Someone'} · {when(n.createdAt)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Whether a paid invoice was paid after its due date, by the last payment applied to it. */
function paidLateIn(d: AccountDetail): (invoice: AccountDetail['invoices'][number]) => boolean {
  const lastPaid = new Map<string, string>();
  for (const p of d.payments) {
    for (const a of p.allocations) {
      const day = p.receivedAt.slice(0, 10);
      if ((lastPaid.get(a.invoiceId) ?? '') < day) lastPaid.set(a.invoiceId, day);
    }
  }
  return (invoice) => invoice.status === 'paid' && (lastPaid.get(invoice.id) ?? '') > invoice.dueDate;
}

function PredictedDate({ prediction }: { prediction: InvoicePredictionView }) {
  return (
    <span title={`Scored on ${prediction.asOf}; 80 % of payments like this one fall inside the interval.`}>
      <strong>{prediction.payDate}</strong>
      <span className="account-360__sub">
        {' '}
        between {prediction.payDateLow} and {prediction.payDateHigh} · {prediction.lateProbability} % likely late
        {prediction.veryLateProbability > 0 ? `, ${prediction.veryLateProbability} % more than 30 days` : ''}
        {prediction.confidence === 'low' ? ' · little history: low confidence' : ''}
      </span>
    </span>
  );
}

function AccountPredictionLine({ prediction }: { prediction: NonNullable<AccountDetail['prediction']> }) {
  return (
    <p className="account-360__prediction" aria-label="Payment prediction">
      Predicted: {prediction.lateProbability} % likely to pay late, risk {prediction.riskScore} of 1000; half of what is open by{' '}
      {prediction.predictedPayDate}
      {prediction.predictedDaysLate > 0 ? `, ${prediction.predictedDaysLate} days late on average` : ''}.
      {prediction.recent ? ` The customer ${prediction.recent}.` : ''}
      {prediction.confidence === 'low' ? ' Little history: low confidence.' : ''}
    </p>
  );
}
