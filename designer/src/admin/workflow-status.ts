import type { WorkflowStatus } from '@recoup/contracts';

/** Temporal's execution statuses in the words an admin uses. */
export const STATUS_LABELS: Record<WorkflowStatus, string> = {
  running: 'Running',
  paused: 'Paused',
  completed: 'Completed',
  failed: 'Failed',
  terminated: 'Terminated',
  canceled: 'Canceled',
  'timed-out': 'Timed out',
  'continued-as-new': 'Continued as new',
};

export function formatTime(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}
