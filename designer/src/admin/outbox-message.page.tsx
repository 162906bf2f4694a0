import { useQuery } from '@tanstack/react-query';
import type { User } from '../api/auth.types.ts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { LoadFailed, Loading } from '../components/load-feedback.tsx';
import { Link } from '../routing/link.tsx';
import { getOutboxMessage, rawHeaders } from './outbox.api.ts';
import './admin-area.css';
import './outbox.css';

/**
 * One message as the mail server received it: its text, and its raw headers (Message-ID, List-Unsubscribe and the
 * rest). An HTML part is not rendered, so nothing in a message runs in the app.
 */
export function OutboxMessagePage({ messageId, user: _user }: { messageId: string; user: User }) {
  const api = useApi();
  const load = useQuery({ queryKey: ['outbox-message', messageId], queryFn: ({ signal }) => getOutboxMessage(api, messageId, signal) });

  const back = (
    <p>
      <Link to="/admin/outbox">All messages</Link>
    </p>
  );
  if (load.isPending) {
    return (
      <div className="page">
        {back}
        <Loading what="Loading the message…" />
      </div>
    );
  }
  if (load.isError) {
    return (
      <div className="page">
        {back}
        <LoadFailed message={describeFailure(load.error, 'Could not read the message.').message} onRetry={() => void load.refetch()} />
      </div>
    );
  }
  const message = load.data;
  return (
    <div className="page outbox">
      <header className="page__header">
        {back}
        <h1 className="page__title">{message.subject || '(no subject)'}</h1>
      </header>
      <section className="card" aria-label="Envelope">
        <dl className="outbox__envelope">
          <div>
            <dt>To</dt>
            <dd className="outbox__address">{message.rcptTo.join(', ')}</dd>
          </div>
          <div>
            <dt>From</dt>
            <dd className="outbox__address">{message.mailFrom}</dd>
          </div>
          <div>
            <dt>Received</dt>
            <dd>
              <time dateTime={message.receivedAt}>{new Date(message.receivedAt).toLocaleString()}</time>
            </dd>
          </div>
          <div className="outbox__wide">
            <dt>Message-ID</dt>
            <dd className="outbox__address">{message.messageId ? <code>{message.messageId}</code> : 'none'}</dd>
          </div>
        </dl>
      </section>
      <section className="card" aria-labelledby="outbox-text-title">
        <h2 id="outbox-text-title" className="outbox__heading">
          Text
        </h2>
        {message.textBody ? (
          <pre className="admin-pre outbox__text">{message.textBody}</pre>
        ) : (
          <p className="admin-sub">This message has no plain-text part.</p>
        )}
        {message.htmlBody ? <p className="admin-sub">It also has an HTML part, which is not shown here.</p> : null}
      </section>
      <section className="card" aria-labelledby="outbox-headers-title">
        <h2 id="outbox-headers-title" className="outbox__heading">
          Raw headers
        </h2>
        <pre className="admin-pre">{rawHeaders(message.raw)}</pre>
      </section>
    </div>
  );
}
