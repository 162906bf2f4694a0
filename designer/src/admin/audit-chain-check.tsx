import { useMutation } from '@tanstack/react-query';
import type { AuditChainBreakReason } from '@recoup/contracts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { verifyAuditChain } from './audit-log.api.ts';

const BREAKS: Record<AuditChainBreakReason, string> = {
  'hash-mismatch': 'its content no longer matches the hash stored with it, so it was changed after it was written',
  'prev-hash-mismatch':
    'it no longer links to the entry before it, so an entry before it was removed, slipped in or rewritten, or its own link was changed',
};

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
  const check = useMutation({
    mutationFn: async () => ({ result: await verifyAuditChain(api), at: new Date() }),
    onSuccess: () => onChecked(),
  });
  const done = check.data ?? null;

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
        <button type="button" className="button button--primary" disabled={check.isPending} onClick={() => check.mutate()}>
          {check.isPending ? 'Verifying…' : 'Verify chain'}
        </button>
      </div>
      {check.isPending ? (
        <p role="status">
          <span className="spinner" aria-hidden="true" /> Checking every entry of the log…
        </p>
      ) : null}
      {check.isError ? (
        <p className="form__error" role="alert">
          {describeFailure(check.error, 'The chain check did not run.').message}
        </p>
      ) : null}
      {done && done.result.firstBroken === null ? (
        <p className="notice admin-notice--ok" role="status">
          The chain is intact: all {count(done.result.verified)} match their hashes and link to the entry before them (checked{' '}
          {done.at.toLocaleTimeString()}).
        </p>
      ) : null}
      {done && done.result.firstBroken !== null ? (
        <div className="notice admin-notice--broken" role="alert">
          <p>
            <strong>The chain is broken at entry #{done.result.firstBroken.id}</strong>, written {new Date(done.result.firstBroken.at).toLocaleString()}:{' '}
            {BREAKS[done.result.firstBroken.reason]}. The {count(done.result.verified)} before it hold.
          </p>
          <button type="button" className="button button--small" onClick={() => done.result.firstBroken && onShowEntry(done.result.firstBroken.id)}>
            Show entry #{done.result.firstBroken.id} in the log
          </button>
        </div>
      ) : null}
    </section>
  );
}
