import { useApi } from '../api/api-context.ts';
import { usePolled } from '../shared/use-polled.ts';
import { getStatement, isSettled, type StatementDetail } from './statements.api.ts';

export const POLL_MS = 1_000;

export type ProgressLoad = { status: 'loading' } | { status: 'ready'; statement: StatementDetail; error: string | null } | { status: 'failed'; message: string };

/**
 * The statement as its reconciliation workflow moves it on: read every second until it settles (reconciled,
 * failed, held as unbalanced, rejected). A failed read keeps the last figures on screen and tries again.
 */
export function useStatementProgress(statementId: string, refresh = 0): ProgressLoad {
  const api = useApi();
  const load = usePolled(
    { read: (signal) => getStatement(api, statementId, signal), settled: (statement) => isSettled(statement.status), failure: 'Could not read the statement’s progress.', everyMs: POLL_MS },
    [api, statementId, refresh],
  );
  return load.status === 'ready' ? { status: 'ready', statement: load.value, error: load.error } : load;
}
