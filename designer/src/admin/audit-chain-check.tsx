import { useState } from 'react';
import type { AuditChainBreakReason, AuditVerification } from '@recoup/contracts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { verifyAuditChain } from './audit-log.api.ts';

const BREAKS: Record<AuditChainBreakReason, string> = {
  'hash-mismatch': 'its content no longer matches the hash stored with it, so it was changed after it was written',
  'prev-hash-mismatch':
    'it no longer links to the entry before it, so an entry before it was removed, slipped in or rewritten, or its own link was changed',
};

type Check = { status: 'idle' } | { status: 'running' } | { status: 'done'; result: AuditVerification; at: Date } | { status: 'failed'; message: string };

const count = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'entry' : 'entries'}`;

export interface AuditChainCheckProps {
  /** Called after every check, which writes an entry of its own to the log. */
  onChecked: () => void;
  /** Opens the log at the entry the check found broken. */
  onShowEntry: (id: string) => void;
}

/**
 * The chain check. Each entry's hash covers its content and the hash of the entry before it, so recomputing them in
 * order finds the first entry changed, removed or slipped in since it was written.
 */
export function AuditChainCheck({ onChecked, onShowEntry }: AuditChainCheckProps) {
  const api = useApi();
  const [check, setCheck] = useState<Check>({ status: 'idle' });

  async function run() {
    setCheck({ status: 'running' });
    try {
      const result = await verifyAuditChain(api);
      setCheck({ status: 'done', result, at: new Date() });
      onChecked();
    } catch (error) {
      setCheck({ status: 'failed', message: describeFailure(error, 'The chain check did not run.').message });
    }
  }

  return (
    <section className="card audit__check" aria-labelledby="audit-check-title">
      <div className="audit__check-head">
        <div>
          <h2 id="audit-check-title" className="audit__check-title">
            Chain check
          </h2>
          <p className="admin-sub">
            Recomputes every entry’s hash, oldest first, and reports the first that does not hold. It cannot see entries removed from the
            very end of the log; compare the newest entry with what you expect.
          </p>
        </div>
        <button type="button" className="button button--primary" disabled={check.status === 'running'} onClick={() => void run()}>
          {check.status === 'running' ? 'Verifying…' : 'Verify chain'}
        </button>
      </div>
      {check.status === 'running' ? (
        <p role="status">
          <span className="spinner" aria-hidden="true" /> Checking every entry of the log…
        </p>
      ) : null}
      {check.status === 'failed' ? (
        <p className="form__error" role="alert">
          {check.message}
        </p>
      ) : null}
      {check.status === 'done' && check.result.firstBroken === null ? (
        <p className="notice admin-notice--ok" role="status">
          The chain is intact: all {count(check.result.verified)} match their hashes and link to the entry before them (checked{' '}
          {check.at.toLocaleTimeString()}).
        </p>
      ) : null}
      {check.status === 'done' && check.result.firstBroken !== null ? (
        <div className="notice admin-notice--broken" role="alert">
          <p>
            <strong>The chain is broken at entry #{check.result.firstBroken.id}</strong>, written {new Date(check.result.firstBroken.at).toLocaleString()}:{' '}
            {BREAKS[check.result.firstBroken.reason]}. The {count(check.result.verified)} before it hold.
          </p>
          <button type="button" className="button button--small" onClick={() => check.result.firstBroken && onShowEntry(check.result.firstBroken.id)}>
            Show entry #{check.result.firstBroken.id} in the log
          </button>
        </div>
      ) : null}
    </section>
  );
}
