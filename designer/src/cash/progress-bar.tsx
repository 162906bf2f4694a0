import type { StatementProgress } from './statements.api.ts';
import { moneyListText } from './cash-money.ts';

/** Lines the workflow has decided on, whatever the decision. */
export const doneLines = (p: StatementProgress): number => p.applied + p.reversed + p.exceptions + p.skipped;

/** The share of a statement's lines decided, as a bar, with the counts that make it up. */
export function ProgressBar({ progress, label }: { progress: StatementProgress; label: string }) {
  const done = doneLines(progress);
  const max = Math.max(progress.lines, 1);
  const percent = Math.floor((done * 100) / max);
  return (
    <div className="progress">
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={progress.lines}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${progress.lines} lines`}
      >
        <div className="progress__fill" style={{ width: `${progress.lines === 0 ? 100 : percent}%` }} />
      </div>
      <ul className="progress__counts" aria-label={`${label}: counts`}>
        <li>
          <strong>{done}</strong> of {progress.lines} lines
        </li>
        <li>
          <strong>{progress.applied}</strong> applied
        </li>
        {progress.reversed > 0 ? (
          <li>
            <strong>{progress.reversed}</strong> reversed
          </li>
        ) : null}
        <li>
          <strong>{progress.exceptions}</strong> exceptions
        </li>
        <li>
          <strong>{progress.skipped}</strong> skipped
        </li>
        {progress.pending > 0 ? (
          <li>
            <strong>{progress.pending}</strong> waiting
          </li>
        ) : null}
        <li>Applied: {moneyListText(progress.appliedMinor)}</li>
      </ul>
    </div>
  );
}
