import { describeFailure } from '../api/api-failure.ts';
import { ImbalanceList } from './imbalance-list.tsx';
import { ProgressBar } from './progress-bar.tsx';
import { statusExplanation, statusLabel } from './statement-status.ts';
import { useStatementProgress } from './use-statement-progress.ts';
import { LoadFailed, Loading } from '../components/load-feedback.tsx';

const FAILURE = 'Could not read the statement’s progress.';

/** A statement's reconciliation as it runs: status, a live bar, and the counts behind it. */
export function StatementProgressPanel({ statementId }: { statementId: string }) {
  const load = useStatementProgress(statementId);
  if (load.isPending) return <Loading what="Reading the statement’s progress…" />;
  if (load.isLoadingError) return <LoadFailed message={describeFailure(load.error, FAILURE).message} />;
  const statement = load.data;
  return (
    <section className="cash-progress" aria-label="Reconciliation progress">
      <p className="cash-progress__status">
        <span className={`cash-status cash-status--${statement.status}`}>{statusLabel(statement.status)}</span> {statusExplanation(statement.status)}
      </p>
      <ProgressBar progress={statement.progress} label={`Reconciling ${statement.filename}`} />
      {statement.imbalances.length > 0 ? <ImbalanceList imbalances={statement.imbalances} /> : null}
      {load.isRefetchError ? <p className="notice notice--warning">{describeFailure(load.error, FAILURE).message} Trying again.</p> : null}
    </section>
  );
}
