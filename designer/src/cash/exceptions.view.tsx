import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { ExceptionCard } from './exception-card.tsx';
import { listExceptions, type ExceptionLine } from './statement-lines.api.ts';
import { LoadFailed, Loading } from '../components/load-feedback.tsx';

const EXCEPTIONS_KEY = ['exception-lines'] as const;

/** The lines no rule was sure of, oldest first, each with its reason and the matcher's suggestion. */
export function ExceptionsView() {
  const api = useApi();
  const queries = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const load = useQuery({ queryKey: EXCEPTIONS_KEY, queryFn: ({ signal }) => listExceptions(api, null, signal) });

  /** A line a person decided on leaves the queue: the cached list drops it in place of a refetch. */
  function resolved(line: ExceptionLine, summary: string) {
    setDone(summary);
    queries.setQueryData<ExceptionLine[]>(EXCEPTIONS_KEY, (lines = []) => lines.filter((l) => l.id !== line.id));
  }

  if (load.isPending) return <Loading what="Loading the exception queue…" />;
  if (load.isError) return <LoadFailed message={describeFailure(load.error, 'Could not load the exception queue.').message} onRetry={() => void load.refetch()} />;
  const lines = load.data;
  return (
    <section aria-label="Exception queue">
      {done ? (
        <p className="notice cash-ok" role="status">
          {done}
        </p>
      ) : null}
      {lines.length === 0 ? (
        <p className="empty card">
          The exception queue is empty. Lines land here when no matching rule is sure of them: an unknown payer, an amount that fits no invoice, a
          currency that differs from the invoices’, or a return the matcher could not pair with its payment.
        </p>
      ) : (
        <>
          <p className="cash-count">
            {lines.length} line{lines.length === 1 ? '' : 's'} waiting, oldest first.
          </p>
          <ul className="cash-exceptions">
            {lines.map((line) => (
              <ExceptionCard key={line.id} line={line} onResolved={(resolvedLine, _resolution, summary) => resolved(resolvedLine, summary)} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
