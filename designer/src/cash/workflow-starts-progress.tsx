import { useQuery } from '@tanstack/react-query';
import type { ImportWorkflowStarts } from '@recoup/contracts';
import { useApi } from '../api/api-context.ts';
import { describeFailure } from '../api/api-failure.ts';
import { getImportWorkflowStarts, startsSettled } from './portfolio-imports.api.ts';
import { pollUntil } from './poll-until.ts';

export const STARTS_POLL_MS = 2_000;

/**
 * The collection workflows of an import as they start in the background: what the import's answer said, then read
 * again every two seconds until every account is dealt with, with a bar while it goes on.
 */
export function WorkflowStartsProgress({ batchId, initial }: { batchId: string; initial: ImportWorkflowStarts }) {
  const api = useApi();
  const load = useQuery({
    queryKey: ['import-workflow-starts', batchId],
    queryFn: async ({ signal }) => (await getImportWorkflowStarts(api, batchId, signal)) ?? initial,
    // The answer already says where things stood; read again only while they move.
    initialData: initial,
    enabled: !startsSettled(initial),
    refetchInterval: pollUntil(startsSettled, STARTS_POLL_MS),
  });
  const starts = load.data;
  const failure = load.isError ? describeFailure(load.error, 'Could not read how far the workflows have started.').message : null;
  const moving = !startsSettled(starts);
  const max = Math.max(starts.total, 1);
  return (
    <div className="cash-progress" aria-label="Collection workflows">
      {moving ? (
        <div className="progress">
          <div
            className="progress__track"
            role="progressbar"
            aria-label="Starting collection workflows"
            aria-valuemin={0}
            aria-valuemax={starts.total}
            aria-valuenow={starts.processed}
            aria-valuetext={`${starts.processed} of ${starts.total} accounts`}
          >
            <div className="progress__fill" style={{ width: `${Math.floor((starts.processed * 100) / max)}%` }} />
          </div>
        </div>
      ) : null}
      <p className={starts.status === 'failed' ? 'notice notice--warning' : 'notice'} role="status">
        {summary(starts)}
      </p>
      {starts.note && !moving ? <p className="notice notice--warning">{starts.note}</p> : null}
      {starts.errors.length > 0 ? (
        <p className="notice notice--warning">
          {starts.errors.length} workflow{starts.errors.length === 1 ? '' : 's'} could not start: {starts.errors.map((e) => e.message).join('; ')}
        </p>
      ) : null}
      {failure ? <p className="notice notice--warning">{failure} Trying again.</p> : null}
    </div>
  );
}

function summary(starts: ImportWorkflowStarts): string {
  switch (starts.status) {
    case 'pending':
      return 'Saved. The collection workflows start as soon as the workflow service can be reached; this page follows them.';
    case 'starting':
      return `Starting collection workflows in the background: ${starts.processed} of ${starts.total} accounts done, ${starts.started} started. You can leave this page; they go on starting.`;
    case 'started':
      return `${starts.started} collection workflow${starts.started === 1 ? '' : 's'} started for the ${starts.total} account${starts.total === 1 ? '' : 's'} imported; an account already collecting, or owing nothing, needs none.`;
    case 'failed':
      return `Starting the collection workflows stopped after ${starts.processed} of ${starts.total} accounts (${starts.started} started).`;
  }
}
