import { useEffect, useState } from 'react';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { getStatement, isSettled, type StatementDetail } from './statements.api.ts';

export const POLL_MS = 1_000;

export type ProgressLoad = { status: 'loading' } | { status: 'ready'; statement: StatementDetail; error: string | null } | { status: 'failed'; message: string };

/**
 * The statement as its reconciliation workflow moves it on: read every second until it settles (reconciled,
 * failed, held as unbalanced, rejected). A failed read keeps the last figures on screen and tries again.
 */
export function useStatementProgress(statementId: string, refresh = 0): ProgressLoad {
  const api = useApi();
  const [load, setLoad] = useState<ProgressLoad>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      getStatement(api, statementId, controller.signal).then(
        (statement) => {
          if (controller.signal.aborted) return;
          setLoad({ status: 'ready', statement, error: null });
          if (!isSettled(statement.status)) timer = setTimeout(poll, POLL_MS);
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          const message = describeFailure(error, 'Could not read the statement’s progress.').message;
          setLoad((previous) => (previous.status === 'ready' ? { ...previous, error: message } : { status: 'failed', message }));
          timer = setTimeout(poll, POLL_MS * 3);
        },
      );
    };
    poll();
    return () => {
      controller.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [api, statementId, refresh]);

  return load;
}
