import { useEffect, useState } from 'react';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { ExceptionCard } from './exception-card.tsx';
import { listExceptions, type ExceptionLine } from './statement-lines.api.ts';
import { LoadFailed, Loading } from '../components/load-feedback.tsx';

type Load = { status: 'loading' } | { status: 'ready'; lines: ExceptionLine[] } | { status: 'failed'; message: string };

/** The lines no rule was sure of, oldest first, each with its reason and the matcher's suggestion. */
export function ExceptionsView() {
  const api = useApi();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    listExceptions(api, null, controller.signal).then(
      (lines) => !controller.signal.aborted && setLoad({ status: 'ready', lines }),
      (error: unknown) => !controller.signal.aborted && setLoad({ status: 'failed', message: describeFailure(error, 'Could not load the exception queue.').message }),
    );
    return () => controller.abort();
  }, [api, reload]);

  if (load.status === 'loading') return <Loading what="Loading the exception queue…" />;
  if (load.status === 'failed') return <LoadFailed message={load.message} onRetry={() => setReload((n) => n + 1)} />;
  return (
    <section aria-label="Exception queue">
      {done ? (
        <p className="notice cash-ok" role="status">
          {done}
        </p>
      ) : null}
      {load.lines.length === 0 ? (
        <p className="empty card">
          The exception queue is empty. Lines land here when no matching rule is sure of them: an unknown payer, an amount that fits no invoice, a
          currency that differs from the invoices’, or a return the matcher could not pair with its payment.
        </p>
      ) : (
        <>
          <p className="cash-count">
            {load.lines.length} line{load.lines.length === 1 ? '' : 's'} waiting, oldest first.
          </p>
          <ul className="cash-exceptions">
            {load.lines.map((line) => (
              <ExceptionCard
                key={line.id}
                line={line}
                onResolved={(resolved, _resolution, summary) => {
                  setDone(summary);
                  setLoad({ status: 'ready', lines: load.lines.filter((l) => l.id !== resolved.id) });
                }}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
