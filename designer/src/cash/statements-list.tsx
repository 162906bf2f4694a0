import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { ReasonDialog, type ReasonRequest } from '../admin/reason-dialog.tsx';
import { Link } from '../routing/link.tsx';
import { moneyListText } from './cash-money.ts';
import { ImbalanceList } from './imbalance-list.tsx';
import { doneLines } from './progress-bar.tsx';
import { rejectStatement, releaseStatement, STATEMENTS_KEY, type StatementSummary } from './statements.api.ts';
import { statusExplanation, statusLabel } from './statement-status.ts';

type Decision = 'release' | 'reject';

const REQUESTS: Record<Decision, ReasonRequest> = {
  release: {
    title: 'Release this unbalanced statement',
    explanation: 'Its lines are reconciled as they are, although its balances or totals do not add up. The reason goes to the audit log.',
    confirmLabel: 'Release and reconcile',
  },
  reject: {
    title: 'Reject this statement',
    explanation: 'Nothing on it is applied, now or later. Import a corrected file instead. The reason goes to the audit log.',
    confirmLabel: 'Reject statement',
    danger: true,
  },
};

interface StatementsListProps {
  statements: readonly StatementSummary[];
  /** After a release, with the statement's id, to follow its reconciliation. */
  onReleased(id: string): void;
}

interface Asked {
  statement: StatementSummary;
  decision: Decision;
}

const when = (iso: string) => new Date(iso).toLocaleString();

const doneText = ({ statement, decision }: Asked) =>
  decision === 'release' ? `${statement.statementRef} is released; its reconciliation has started.` : `${statement.statementRef} is rejected; nothing on it was applied.`;

/** The server's refusal of a decision, with what it said about the reason when it named the reason. */
function refusal(error: unknown): { message: string; reason: string | null } {
  const described = describeFailure(error, 'The decision could not be saved.');
  return { message: described.message, reason: described.fields.find((f) => f.path === 'reason')?.reason ?? null };
}

/** Every imported statement with its counts and the money applied per currency; held ones can be released. */
export function StatementsList({ statements, onReleased }: StatementsListProps) {
  const api = useApi();
  const queries = useQueryClient();
  const [asking, setAsking] = useState<Asked | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: ({ asked: { statement, decision }, reason }: { asked: Asked; reason: string }) =>
      decision === 'release' ? releaseStatement(api, statement.id, reason) : rejectStatement(api, statement.id, reason),
    onSuccess: (_nothing, { asked }) => {
      setAsking(null);
      setDone(doneText(asked));
      if (asked.decision === 'release') onReleased(asked.statement.id);
      // Not awaited: the dialog closes at once, and the list catches up with the new status behind it.
      void queries.invalidateQueries({ queryKey: STATEMENTS_KEY });
    },
  });
  const error = decide.isError ? refusal(decide.error) : null;

  if (statements.length === 0) {
    return (
      <p className="empty card">
        No bank statement has been imported yet. Drop a statement file above: each one is reconciled against the open invoices, and what no rule is
        sure of waits in the exception queue.
      </p>
    );
  }

  return (
    <>
      {done ? (
        <p className="notice cash-ok" role="status">
          {done}
        </p>
      ) : null}
      <table className="table cash-statements" aria-label="Bank statements">
        <thead>
          <tr>
            <th scope="col">Statement</th>
            <th scope="col">Status</th>
            <th scope="col">Lines</th>
            <th scope="col">Applied</th>
            <th scope="col">
              <span className="visually-hidden">Decisions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {statements.map((s) => (
            <tr key={s.id} data-statement-id={s.id} className={s.status === 'unbalanced' ? 'cash-statements__row--unbalanced' : undefined}>
              <td>
                <strong>{s.filename}</strong>
                <div className="table__sub">
                  {s.statementRef} · {s.format} · {when(s.createdAt)}
                </div>
              </td>
              <td>
                <span className={`cash-status cash-status--${s.status}`} title={statusExplanation(s.status)}>
                  {statusLabel(s.status)}
                </span>
                {s.imbalances.length > 0 ? <ImbalanceList imbalances={s.imbalances} /> : null}
                {s.review ? (
                  <p className="table__sub">
                    {s.review.decision === 'released' ? 'Released' : 'Rejected'} {when(s.review.at)}: {s.review.reason}
                  </p>
                ) : null}
              </td>
              <td>
                <span className="table__sub cash-statements__counts">
                  {doneLines(s.progress)} of {s.lines} decided · {s.progress.applied} applied ·{' '}
                  {s.progress.exceptions > 0 ? <Link to="/cash/exceptions">{s.progress.exceptions} exceptions</Link> : '0 exceptions'} · {s.progress.skipped} skipped
                  {s.progress.reversed > 0 ? ` · ${s.progress.reversed} reversed` : ''}
                  {s.alreadySeen > 0 ? ` · ${s.alreadySeen} already imported before` : ''}
                </span>
              </td>
              <td>{moneyListText(s.progress.appliedMinor)}</td>
              <td>
                {s.status === 'unbalanced' ? (
                  <span className="cash-actions">
                    <button type="button" className="button button--small button--primary" onClick={() => setAsking({ statement: s, decision: 'release' })}>
                      Release…
                    </button>
                    <button type="button" className="button button--small" onClick={() => setAsking({ statement: s, decision: 'reject' })}>
                      Reject…
                    </button>
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {asking ? (
        <ReasonDialog
          action={REQUESTS[asking.decision]}
          busy={decide.isPending}
          error={error?.message ?? null}
          reasonError={error?.reason ?? null}
          onConfirm={(reason) => decide.mutate({ asked: asking, reason })}
          onCancel={() => {
            setAsking(null);
            decide.reset();
          }}
        />
      ) : null}
    </>
  );
}
