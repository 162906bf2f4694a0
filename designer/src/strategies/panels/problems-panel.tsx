import type { Problem } from '@recoup/domain';

interface ProblemsPanelProps {
  problems: readonly Problem[];
  /** Selects the node the problem is about and brings it into view, or opens the debtor-portal policy. */
  onFocus(problem: Problem): void;
  nodeLabel(nodeId: string): string;
}

const isPortal = (problem: Problem): boolean => problem.code === 'invalid-portal-policy';

export function ProblemsPanel({ problems, onFocus, nodeLabel }: ProblemsPanelProps) {
  return (
    <section className="problems" aria-label="Problems">
      <h2 className="problems__title">
        {problems.length === 0 ? (
          <span className="problems__ok">✓ No problems: this strategy can be published.</span>
        ) : (
          <>
            {problems.length} problem{problems.length === 1 ? '' : 's'} <span className="problems__sub">must be fixed before publishing. Click one to go to it.</span>
          </>
        )}
      </h2>
      {problems.length > 0 ? (
        <ul className="problems__list">
          {problems.map((problem, index) => (
            <li key={`${problem.code}-${problem.nodeId ?? problem.edgeId ?? ''}-${index}`}>
              <button type="button" className="problems__item" onClick={() => onFocus(problem)} disabled={!problem.nodeId && !problem.edgeId && !isPortal(problem)}>
                <span className="problems__where">
                  {problem.nodeId ? nodeLabel(problem.nodeId) : problem.edgeId ? `edge ${problem.edgeId}` : isPortal(problem) ? 'debtor portal' : 'strategy'}
                </span>
                <span className="problems__message">{problem.message}</span>
                <code className="problems__code">{problem.code}</code>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
