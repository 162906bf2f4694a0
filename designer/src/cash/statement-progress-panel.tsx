import { useEffect, useRef } from 'react';
import { ImbalanceList } from './imbalance-list.tsx';
import { ProgressBar } from './progress-bar.tsx';
import { isSettled } from './statements.api.ts';
import { statusExplanation, statusLabel } from './statement-status.ts';
import { useStatementProgress } from './use-statement-progress.ts';
import { LoadFailed, Loading } from '../components/load-feedback.tsx';

interface StatementProgressPanelProps {
  statementId: string;
  /** Told once when the statement stops moving, so the list beside it can show the final figures. */
  onSettled?: () => void;
}

/** A statement's reconciliation as it runs: status, a live bar, and the counts behind it. */
export function StatementProgressPanel({ statementId, onSettled }: StatementProgressPanelProps) {
  const load = useStatementProgress(statementId);
  const told = useRef(false);
  const settled = load.status === 'ready' && isSettled(load.statement.status);

  useEffect(() => {
    if (settled && !told.current) {
      told.current = true;
      onSettled?.();
    }
  }, [settled, onSettled]);

  if (load.status === 'loading') return <Loading what="Reading the statement’s progress…" />;
  if (load.status === 'failed') return <LoadFailed message={load.message} />;
  const { statement, error } = load;
  return (
    <section className="cash-progress" aria-label="Reconciliation progress">
      <p className="cash-progress__status">
        <span className={`cash-status cash-status--${statement.status}`}>{statusLabel(statement.status)}</span> {statusExplanation(statement.status)}
      </p>
      <ProgressBar progress={statement.progress} label={`Reconciling ${statement.filename}`} />
      {statement.imbalances.length > 0 ? <ImbalanceList imbalances={statement.imbalances} /> : null}
      {error ? <p className="notice notice--warning">{error} Trying again.</p> : null}
    </section>
  );
}
