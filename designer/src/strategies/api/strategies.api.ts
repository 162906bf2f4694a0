import type {
  SimulationResponse,
  StrategyAssignmentsResponse,
  StrategyAssignmentView,
  StrategyLiveCounts,
  StrategyVersionSummary,
  StrategyVersionView,
  StrategyView,
} from '@recoup/contracts';
import type { ApiClient } from '../../api/api-client.ts';

// The strategy endpoints the designer calls, typed with the API's own contracts.

/** The query cache's keys for the strategy list and one strategy, which the editor updates when it saves. */
export const STRATEGIES_KEY = ['strategies'] as const;
export const strategyKey = (id: string) => ['strategy', id] as const;

export const listStrategies = (api: ApiClient, signal?: AbortSignal) => api.get<StrategyView[]>('/api/strategies', signal);

export const getStrategy = (api: ApiClient, id: string, signal?: AbortSignal) =>
  api.get<StrategyView>(`/api/strategies/${encodeURIComponent(id)}`, signal);

export interface NewStrategy {
  name: string;
  description?: string;
  draft?: unknown;
}

export const createStrategy = (api: ApiClient, body: NewStrategy) => api.post<StrategyView>('/api/strategies', body);

export const saveDraft = (api: ApiClient, id: string, body: { name?: string; description?: string; draft?: unknown }) =>
  api.request<StrategyView>(`/api/strategies/${encodeURIComponent(id)}`, { method: 'PUT', body });

export const publishStrategy = (api: ApiClient, id: string) =>
  api.post<StrategyVersionView>(`/api/strategies/${encodeURIComponent(id)}/publish`);

export const listVersions = (api: ApiClient, id: string, signal?: AbortSignal) =>
  api.get<StrategyVersionSummary[]>(`/api/strategies/${encodeURIComponent(id)}/versions`, signal);

export const getVersion = (api: ApiClient, versionId: string, signal?: AbortSignal) =>
  api.get<StrategyVersionView>(`/api/strategy-versions/${encodeURIComponent(versionId)}`, signal);

export const listAssignments = (api: ApiClient, signal?: AbortSignal) =>
  api.get<StrategyAssignmentsResponse>('/api/strategy-assignments', signal);

/** One arm of a segment's assignment: a version and its share of the segment's new accounts. */
export interface AssignmentSplit {
  strategyVersionId: string;
  percent: number;
  label?: string;
}

export const putAssignment = (api: ApiClient, segment: string, splits: AssignmentSplit[]) =>
  api.request<StrategyAssignmentView>(`/api/strategy-assignments/${encodeURIComponent(segment)}`, { method: 'PUT', body: { splits } });

export const runSimulation = (api: ApiClient, body: Record<string, unknown>) => api.post<SimulationResponse>('/api/simulations', body);

export const getLiveCounts = (api: ApiClient, versionId: string, signal?: AbortSignal) =>
  api.get<StrategyLiveCounts>(`/api/strategy-versions/${encodeURIComponent(versionId)}/live`, signal);
