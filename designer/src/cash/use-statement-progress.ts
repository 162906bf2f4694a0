import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context.ts';
import { pollUntil } from './poll-until.ts';
import { getStatement, isSettled, STATEMENTS_KEY, type StatementDetail } from './statements.api.ts';

export const POLL_MS = 1_000;

/**
 * The statement as its reconciliation workflow moves it on: read every second until it settles (reconciled,
 * failed, held as unbalanced, rejected). A failed read keeps the last figures on screen and tries again.
 */
export function useStatementProgress(statementId: string) {
  const api = useApi();
  const queries = useQueryClient();
  return useQuery({
    queryKey: ['bank-statement', statementId],
    queryFn: async ({ signal }) => {
      const statement = await getStatement(api, statementId, signal);
      // Settled, its row in the list has its final figures too: the list is read again rather than left to its own pace.
      if (isSettled(statement.status)) void queries.invalidateQueries({ queryKey: STATEMENTS_KEY });
      return statement;
    },
    refetchInterval: pollUntil((statement: StatementDetail) => isSettled(statement.status), POLL_MS),
  });
}
