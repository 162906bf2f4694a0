import type { WorkflowStatus } from '@recoup/contracts';
import type { WorkflowExecutionStatusName } from '@temporalio/client';
import { collectorKey, nodeKey, pausedKey, segmentKey, strategyVersionKey } from '../shared/search-attributes.ts';
import { WorkflowsError } from '../errors.ts';
import type { RecoupErrorOptions } from '@recoup/domain';

export interface WorkflowListFilter {
  status?: WorkflowStatus | undefined;
  strategyVersionId?: string | undefined;
  nodeId?: string | undefined;
  segment?: string | undefined;
  collectorId?: string | undefined;
}

export class UnsafeFilterValueError extends WorkflowsError {
  override readonly name = 'UnsafeFilterValueError';
  constructor(message: string, options?: RecoupErrorOptions) {
    super('invalid', 'unsafe-filter-value', message, options);
  }
}

const EXECUTION_STATUS: Record<Exclude<WorkflowStatus, 'paused'>, string> = {
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  terminated: 'Terminated',
  canceled: 'Canceled',
  'timed-out': 'TimedOut',
  'continued-as-new': 'ContinuedAsNew',
};

/** A keyword literal. The API refuses quotes at its edge; refusing them here too keeps any caller from injecting. */
function literal(value: string): string {
  if (/['"\\\p{Cc}]/u.test(value)) throw new UnsafeFilterValueError(`"${value}" cannot be used in a workflow filter.`);
  return `'${value}'`;
}

/** The Temporal visibility query (its SQL-like list filter) for the admin console's filters. */
export function visibilityQuery(filter: WorkflowListFilter): string {
  const clauses = [`WorkflowType = 'collectionWorkflow'`];
  if (filter.status === 'paused') {
    clauses.push(`ExecutionStatus = 'Running'`, `${pausedKey.name} = 'true'`);
  } else if (filter.status) {
    clauses.push(`ExecutionStatus = ${literal(EXECUTION_STATUS[filter.status])}`);
  }
  if (filter.strategyVersionId) clauses.push(`${strategyVersionKey.name} = ${literal(filter.strategyVersionId)}`);
  if (filter.nodeId) clauses.push(`${nodeKey.name} = ${literal(filter.nodeId)}`);
  if (filter.segment) clauses.push(`${segmentKey.name} = ${literal(filter.segment)}`);
  if (filter.collectorId) clauses.push(`${collectorKey.name} = ${literal(filter.collectorId)}`);
  return clauses.join(' AND ');
}

/** Temporal's execution status, with a running workflow that an admin paused told apart. */
export function statusOf(name: WorkflowExecutionStatusName, paused: boolean): WorkflowStatus {
  switch (name) {
    case 'RUNNING':
    case 'PAUSED':
    case 'UNSPECIFIED':
    case 'UNKNOWN':
      return paused ? 'paused' : 'running';
    case 'COMPLETED':
      return 'completed';
    case 'FAILED':
      return 'failed';
    case 'CANCELLED':
      return 'canceled';
    case 'TERMINATED':
      return 'terminated';
    case 'CONTINUED_AS_NEW':
      return 'continued-as-new';
    case 'TIMED_OUT':
      return 'timed-out';
  }
}
