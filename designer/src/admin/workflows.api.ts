import {
  workflowActionRecordSchema,
  workflowFilterOptionsSchema,
  workflowInspectionSchema,
  workflowListResponseSchema,
  workflowTimelineSchema,
  type WorkflowAction,
  type WorkflowActionRecord,
  type WorkflowFilterOptions,
  type WorkflowInspection,
  type WorkflowListResponse,
  type WorkflowStatus,
  type WorkflowTimeline,
} from '@recoup/contracts';
import type { z } from 'zod';
import type { ApiClient } from '../api/api-client.ts';
import { unexpected } from '../api/response-reading.ts';

// The admin workflow endpoints. Responses are parsed with the API's own schemas: a shape the page does not know
// becomes one clear error rather than a broken table.

function read<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw unexpected(what);
  return parsed.data;
}

export interface WorkflowFilters {
  status: WorkflowStatus | '';
  strategyVersionId: string;
  nodeId: string;
  segment: string;
  collectorId: string;
}

export const NO_FILTERS: WorkflowFilters = { status: '', strategyVersionId: '', nodeId: '', segment: '', collectorId: '' };

export const PAGE_SIZE = 25;

export async function listWorkflows(
  api: ApiClient,
  filters: WorkflowFilters,
  pageToken: string | null,
  signal?: AbortSignal,
): Promise<WorkflowListResponse> {
  const query = new URLSearchParams({ pageSize: String(PAGE_SIZE) });
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  if (pageToken) query.set('pageToken', pageToken);
  return read(workflowListResponseSchema, await api.get<unknown>(`/api/admin/workflows?${query.toString()}`, signal), 'a workflow list');
}

export async function getFilterOptions(api: ApiClient, signal?: AbortSignal): Promise<WorkflowFilterOptions> {
  return read(workflowFilterOptionsSchema, await api.get<unknown>('/api/admin/workflows/filter-options', signal), 'filter options');
}

export async function inspectWorkflow(api: ApiClient, accountId: string, signal?: AbortSignal): Promise<WorkflowInspection> {
  const body = await api.get<unknown>(`/api/admin/accounts/${encodeURIComponent(accountId)}/workflow`, signal);
  return read(workflowInspectionSchema, body, 'a workflow inspection');
}

export async function getTimeline(api: ApiClient, accountId: string, signal?: AbortSignal): Promise<WorkflowTimeline> {
  const body = await api.get<unknown>(`/api/admin/accounts/${encodeURIComponent(accountId)}/timeline`, signal);
  return read(workflowTimelineSchema, body, 'a workflow timeline');
}

export async function actOnWorkflow(api: ApiClient, accountId: string, action: WorkflowAction, reason: string): Promise<WorkflowActionRecord> {
  const body = await api.post<unknown>(`/api/admin/accounts/${encodeURIComponent(accountId)}/workflow/${action}`, { reason });
  return read(workflowActionRecordSchema, body, 'an action record');
}
