import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { StatementProgressPanel } from './statement-progress-panel.tsx';
import { StatementUpload } from './statement-upload.tsx';
import { StatementsList } from './statements-list.tsx';
import { isSettled, listStatements, STATEMENTS_KEY } from './statements.api.ts';
import { LoadFailed, Loading } from '../components/load-feedback.tsx';

const LIST_POLL_MS = 2_000;

/** Import statements and see every statement with its figures; hold or release the ones that do not balance. */
export function StatementsView() {
  const api = useApi();
  const [released, setReleased] = useState<string | null>(null);
  const load = useQuery({
    queryKey: STATEMENTS_KEY,
    queryFn: ({ signal }) => listStatements(api, signal),
    // While a listed statement is still being reconciled (released here, or imported by someone else), its row
    // follows it too, a little slower than the progress bar. A failed read waits for "Try again".
    refetchInterval: ({ state }) => (state.status === 'success' && state.data?.some((s) => !isSettled(s.status)) ? LIST_POLL_MS : false),
  });

  return (
    <>
      <StatementUpload />
      {released ? (
        <section className="card cash-released" aria-label="Released statement">
          <h2 className="card__title">Released statement</h2>
          <StatementProgressPanel statementId={released} />
        </section>
      ) : null}
      <section className="cash-list" aria-labelledby="cash-statements-title">
        <h2 id="cash-statements-title" className="cash-list__title">
          Statements
        </h2>
        {load.isPending ? <Loading what="Loading the statements…" /> : null}
        {load.isError ? <LoadFailed message={describeFailure(load.error, 'Could not load the statements.').message} onRetry={() => void load.refetch()} /> : null}
        {load.isSuccess ? <StatementsList statements={load.data} onReleased={setReleased} /> : null}
      </section>
    </>
  );
}
