import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { StatementProgressPanel } from './statement-progress-panel.tsx';
import { StatementUpload } from './statement-upload.tsx';
import { StatementsList } from './statements-list.tsx';
import { isSettled, listStatements, type StatementSummary } from './statements.api.ts';
import { LoadFailed, Loading } from '../components/load-feedback.tsx';

const LIST_POLL_MS = 2_000;

type Load = { status: 'loading' } | { status: 'ready'; statements: StatementSummary[] } | { status: 'failed'; message: string };

/** Import statements and see every statement with its figures; hold or release the ones that do not balance. */
export function StatementsView() {
  const api = useApi();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  const [released, setReleased] = useState<string | null>(null);
  const refresh = useCallback(() => setReload((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    listStatements(api, controller.signal).then(
      (statements) => !controller.signal.aborted && setLoad({ status: 'ready', statements }),
      (error: unknown) => !controller.signal.aborted && setLoad({ status: 'failed', message: describeFailure(error, 'Could not load the statements.').message }),
    );
    return () => controller.abort();
  }, [api, reload]);

  // While a listed statement is still being reconciled (released here, or imported by someone else), its row
  // follows it too, a little slower than the progress bar.
  const moving = load.status === 'ready' && load.statements.some((s) => !isSettled(s.status));
  useEffect(() => {
    if (!moving) return;
    const timer = setTimeout(refresh, LIST_POLL_MS);
    return () => clearTimeout(timer);
  }, [moving, load, refresh]);

  return (
    <>
      <StatementUpload onImported={refresh} />
      {released ? (
        <section className="card cash-released" aria-label="Released statement">
          <h2 className="card__title">Released statement</h2>
          <StatementProgressPanel key={released} statementId={released} onSettled={refresh} />
        </section>
      ) : null}
      <section className="cash-list" aria-labelledby="cash-statements-title">
        <h2 id="cash-statements-title" className="cash-list__title">
          Statements
        </h2>
        {load.status === 'loading' ? <Loading what="Loading the statements…" /> : null}
        {load.status === 'failed' ? <LoadFailed message={load.message} onRetry={refresh} /> : null}
        {load.status === 'ready' ? (
          <StatementsList
            statements={load.statements}
            onChanged={(id) => {
              if (id) setReleased(id);
              refresh();
            }}
          />
        ) : null}
      </section>
    </>
  );
}
