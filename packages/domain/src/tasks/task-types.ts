import { TASK_TYPES } from '../strategy/graph.ts';

// What a collector task can be and where it stands: declared once, for the table, the API and the web app.

/** A task node creates the strategy's task types; escalations are raised by the workflow itself. */
export const COLLECTOR_TASK_TYPES = [...TASK_TYPES, 'escalation'] as const;
export type CollectorTaskType = (typeof COLLECTOR_TASK_TYPES)[number];

export const COLLECTOR_TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type CollectorTaskStatus = (typeof COLLECTOR_TASK_STATUSES)[number];
