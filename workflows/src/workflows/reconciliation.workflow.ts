import { ContinueAsNew, continueAsNew, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { ReconciliationActivities } from '../activities/activity-types.ts';
import { reconciliationProgressQuery, type ReconciliationProgressView, type ReconciliationTotals } from '../shared/definitions.ts';

// One workflow per imported bank statement: it applies the statement's lines in batches, each batch one database
// transaction, and tells every affected account's collection workflow after each batch. A batch retried after a
// worker dies mid-way finds its lines already applied (they left "pending" in the transaction that applied them),
// so nothing is applied twice. Each batch counts the lines of its range in the database, lost attempts included,
// so the query answers what the database holds. The accounts of one batch are told while the next batch runs, one
// telling at a time, so they still hear of their batches in order.

export interface ReconciliationWorkflowInput {
  statementId: string;
  /** Set when the workflow continued as new: where the previous run stopped, and what it had counted. */
  resume?: { afterPosition: number; progress: ReconciliationProgressView };
}

/**
 * Lines per transaction: big enough to amortise the lookups and the workflow's round trips, small enough to retry
 * cheaply and to hold the invoices' locks for a few seconds at most. Nothing a batch does grows faster than its
 * lines (a payer's name is looked up, not compared with every account the batch loaded).
 */
export const RECONCILIATION_BATCH = 5_000;

/** Runs set before this patch told each batch's accounts before starting the next batch. */
const TELL_BESIDE_NEXT_BATCH_PATCH = 'reconciliation-tell-beside-next-batch';

const activities = proxyActivities<ReconciliationActivities>({
  startToCloseTimeout: '5 minutes',
  // A batch heartbeats as it goes, so a worker that dies mid-batch is noticed in seconds, not minutes.
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 20 },
});

/** Adds a batch's counts to the statement's: the ranges batches count never overlap, so nothing counts twice. */
function addCounts(progress: ReconciliationProgressView, counted: ReconciliationTotals): ReconciliationProgressView {
  const money = new Map(progress.appliedMinor.map((m) => [m.currency, BigInt(m.amountMinor)]));
  for (const m of counted.appliedMinor) money.set(m.currency, (money.get(m.currency) ?? 0n) + BigInt(m.amountMinor));
  const next = {
    ...progress,
    applied: progress.applied + counted.applied,
    reversed: progress.reversed + counted.reversed,
    exceptions: progress.exceptions + counted.exceptions,
    skipped: progress.skipped + counted.skipped,
    appliedMinor: [...money].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amountMinor: amount.toString() })),
  };
  return { ...next, pending: next.lines - next.applied - next.reversed - next.exceptions - next.skipped };
}

export async function reconciliationWorkflow(input: ReconciliationWorkflowInput): Promise<ReconciliationProgressView> {
  let progress: ReconciliationProgressView = input.resume?.progress ?? {
    statementId: input.statementId,
    status: 'running',
    lines: 0,
    pending: 0,
    applied: 0,
    reversed: 0,
    exceptions: 0,
    skipped: 0,
    appliedMinor: [],
    notified: 0,
  };
  setHandler(reconciliationProgressQuery, () => progress);
  let after = input.resume?.afterPosition ?? 0;
  const besideNextBatch = patched(TELL_BESIDE_NEXT_BATCH_PATCH);
  // The telling in flight; it settles with its error rather than rejecting, so it is only ever raised when awaited.
  let telling: Promise<unknown> = Promise.resolve();
  const told = async () => {
    const failure = await telling;
    if (failure) throw failure;
  };
  try {
    if (!input.resume) {
      const begun = await activities.beginReconciliation({ statementId: input.statementId });
      progress = { ...progress, lines: begun.lines, pending: begun.lines };
    }
    for (;;) {
      const batch = await activities.reconcileBatch({ statementId: input.statementId, afterPosition: after, limit: RECONCILIATION_BATCH });
      progress = addCounts(progress, batch.counted);
      // Told for every line the range holds, whichever attempt applied it: an attempt lost after it committed
      // applied lines its retry finds done.
      if (batch.lastPosition > after) {
        const range = { statementId: input.statementId, fromPosition: after, toPosition: batch.lastPosition };
        if (besideNextBatch) {
          await told();
          telling = activities.notifyAccounts(range).then(
            (t) => {
              progress.notified += t.notified;
              return undefined;
            },
            (error: unknown) => error ?? new Error('telling the accounts failed'),
          );
        } else {
          progress.notified += (await activities.notifyAccounts(range)).notified;
        }
      }
      after = batch.lastPosition;
      if (batch.done) break;
      if (workflowInfo().continueAsNewSuggested) {
        await told();
        await continueAsNew<typeof reconciliationWorkflow>({ statementId: input.statementId, resume: { afterPosition: after, progress } });
      }
    }
    await told();
  } catch (error) {
    if (error instanceof ContinueAsNew) throw error;
    progress.status = 'failed';
    await activities.endReconciliation({ statementId: input.statementId, status: 'failed' });
    throw error;
  }
  await activities.endReconciliation({ statementId: input.statementId, status: 'reconciled' });
  progress.status = 'completed';
  return progress;
}
