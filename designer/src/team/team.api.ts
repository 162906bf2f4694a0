import type {
  AccountSummary,
  CollectorSettingsRequest,
  CollectorWorkload,
  Page,
  ReassignResult,
  TaskView,
  TeamWorkload,
} from '@recoup/contracts';
import type { ApiClient } from '../api/api-client.ts';

// The team endpoints the manager view calls, typed with the API's own contracts. Lists come from the ordinary
// task and account endpoints, which the server already narrows to what the manager may see.

/** Whose work a list shows: a collector's id, or 'none' for the unassigned queue. */
export type WorkOwner = string;
export const QUEUE: WorkOwner = 'none';

/** Where the team's workload figures sit in the query cache: a reassignment or changed settings read them again. */
export const WORKLOAD_KEY = ['team-workload'] as const;

/** The open tasks and accounts of every owner, as the reassign panel lists them: a reassignment changes two owners' lists. */
export const WORK_KEY = ['team-work'] as const;
export const workKey = (kind: 'tasks' | 'accounts', owner: WorkOwner) => [...WORK_KEY, kind, owner] as const;

export const getWorkload = (api: ApiClient, signal?: AbortSignal) => api.get<TeamWorkload>('/api/team/workload', signal);

export const listOpenTasks = (api: ApiClient, owner: WorkOwner, signal?: AbortSignal) =>
  api.get<Page<TaskView>>(`/api/tasks?status=open&limit=500&assignee=${encodeURIComponent(owner)}`, signal);

export const listAccounts = (api: ApiClient, owner: WorkOwner, signal?: AbortSignal) =>
  api.get<Page<AccountSummary>>(`/api/accounts?limit=500&assignee=${encodeURIComponent(owner)}`, signal);

export const reassignTasks = (api: ApiClient, taskIds: string[], collectorId: string) =>
  api.post<ReassignResult>('/api/team/tasks/reassign', { taskIds, collectorId });

export const reassignAccounts = (api: ApiClient, accountIds: string[], collectorId: string) =>
  api.post<ReassignResult>('/api/team/accounts/reassign', { accountIds, collectorId });

export const updateCollector = (api: ApiClient, id: string, body: CollectorSettingsRequest) =>
  api.request<CollectorWorkload>(`/api/team/collectors/${encodeURIComponent(id)}`, { method: 'PATCH', body });
