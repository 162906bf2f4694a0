import type { StatementStatus } from './statements.api.ts';

export function statusLabel(status: StatementStatus): string {
  switch (status) {
    case 'received':
      return 'Received';
    case 'reconciling':
      return 'Reconciling';
    case 'reconciled':
      return 'Reconciled';
    case 'failed':
      return 'Failed';
    case 'unbalanced':
      return 'Unbalanced';
    case 'rejected':
      return 'Rejected';
  }
}

/** One sentence on what the status means for the money on the statement. */
export function statusExplanation(status: StatementStatus): string {
  switch (status) {
    case 'received':
      return 'Stored; its reconciliation has not started yet.';
    case 'reconciling':
      return 'The reconciliation workflow is applying its lines.';
    case 'reconciled':
      return 'Every line is decided: applied, skipped, or waiting in the exception queue.';
    case 'failed':
      return 'The reconciliation stopped; lines already applied stay applied.';
    case 'unbalanced':
      return 'Its balances or control totals do not add up, so nothing is applied until a manager releases it.';
    case 'rejected':
      return 'Rejected by a manager; nothing on it was applied.';
  }
}
