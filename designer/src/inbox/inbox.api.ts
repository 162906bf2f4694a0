import type { CallCheckView, CompleteTaskRequest, InboxPage, TaskView } from '@recoup/contracts';
import type { CollectorTaskStatus, CollectorTaskType } from '@recoup/domain';
import type { ApiClient } from '../api/api-client.ts';

// The inbox endpoints, typed with the API's own contracts.

export interface InboxFilters {
  scope: 'mine' | 'claimable';
  status: CollectorTaskStatus;
  type: '' | CollectorTaskType;
  due: '' | 'today' | 'overdue';
  segment: string;
  q: string;
  sort: 'priority' | 'due';
}

export const DEFAULT_FILTERS: InboxFilters = { scope: 'mine', status: 'open', type: '', due: '', segment: '', q: '', sort: 'priority' };

/** Every inbox list in the query cache, whatever its filters: what changes a task asks them all again. */
export const INBOX_KEY = ['inbox'] as const;

export function inboxPath(filters: InboxFilters, limit: number, timeZone: string): string {
  const params = new URLSearchParams({ scope: filters.scope, status: filters.status, sort: filters.sort, limit: String(limit), tz: timeZone });
  if (filters.type) params.set('type', filters.type);
  if (filters.due) params.set('due', filters.due);
  if (filters.segment) params.set('segment', filters.segment);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  return `/api/tasks/inbox?${params.toString()}`;
}

export const loadInbox = (api: ApiClient, filters: InboxFilters, limit: number, timeZone: string, signal?: AbortSignal) =>
  api.get<InboxPage>(inboxPath(filters, limit, timeZone), signal);

export const claimTask = (api: ApiClient, id: string) => api.post<TaskView>(`/api/tasks/${encodeURIComponent(id)}/claim`);
export const releaseTask = (api: ApiClient, id: string) => api.post<TaskView>(`/api/tasks/${encodeURIComponent(id)}/release`);
export const checkCall = (api: ApiClient, id: string, signal?: AbortSignal) =>
  api.get<CallCheckView>(`/api/tasks/${encodeURIComponent(id)}/call-check`, signal);
export const completeTask = (api: ApiClient, id: string, body: CompleteTaskRequest) =>
  api.post<TaskView>(`/api/tasks/${encodeURIComponent(id)}/complete`, body);
