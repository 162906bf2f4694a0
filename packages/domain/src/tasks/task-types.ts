import { TASK_TYPES } from '../strategy/graph.ts';

// What a collector task can be and where it stands: declared once, for the table, the API and the web app.

/**
 * A task node creates the strategy's task types; escalations are raised by the workflow itself, and portal requests
 * (a plan outside the policy, a message from the debtor) by the portal. Neither of the last two is an outcome the
 * workflow waits for.
 */
export const COLLECTOR_TASK_TYPES = [...TASK_TYPES, 'escalation', 'portal-request'] as const;
export type CollectorTaskType = (typeof COLLECTOR_TASK_TYPES)[number];

export const COLLECTOR_TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type CollectorTaskStatus = (typeof COLLECTOR_TASK_STATUSES)[number];
