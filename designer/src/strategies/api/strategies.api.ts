import type { FactDefinition, FactType } from '@recoup/domain';
import type {
  SimulationResponse,
  StrategyAssignmentsResponse,
  StrategyAssignmentView,
  StrategyLiveCounts,
  StrategyProblem,
  StrategyVersionSummary,
  StrategyVersionView,
  StrategyView,
} from '@recoup/contracts';
import type { ApiClient } from '../../api/api-client.ts';
import type { TemplateChoice } from '../registry/node-spec.ts';

// The strategy endpoints the designer calls, typed with the API's own contracts.

export const listStrategies = (api: ApiClient, signal?: AbortSignal) => api.get<StrategyView[]>('/api/strategies', signal);

export const getStrategy = (api: ApiClient, id: string, signal?: AbortSignal) =>
  api.get<StrategyView>(`/api/strategies/${encodeURIComponent(id)}`, signal);

export const createStrategy = (api: ApiClient, body: { name: string; description?: string; draft?: unknown }) =>
  api.post<StrategyView>('/api/strategies', body);

export const saveDraft = (api: ApiClient, id: string, body: { name?: string; description?: string; draft?: unknown }) =>
  api.request<StrategyView>(`/api/strategies/${encodeURIComponent(id)}`, { method: 'PUT', body });

export const publishStrategy = (api: ApiClient, id: string) =>
  api.post<StrategyVersionView>(`/api/strategies/${encodeURIComponent(id)}/publish`);

export const listVersions = (api: ApiClient, id: string, signal?: AbortSignal) =>
  api.get<StrategyVersionSummary[]>(`/api/strategies/${encodeURIComponent(id)}/versions`, signal);

export const getVersion = (api: ApiClient, versionId: string, signal?: AbortSignal) =>
  api.get<StrategyVersionView>(`/api/strategy-versions/${encodeURIComponent(versionId)}`, signal);

export const validateOnServer = (api: ApiClient, graph: unknown) =>
  api.post<{ valid: boolean; problems: StrategyProblem[] }>('/api/strategies/validate', graph);

export interface FactsResponse {
  facts: FactDefinition[];
  operators: string[];
  operatorsByType: Record<FactType, string[]>;
}

export const getFacts = (api: ApiClient, signal?: AbortSignal) => api.get<FactsResponse>('/api/facts', signal);

export const listTemplateChoices = (api: ApiClient, signal?: AbortSignal) => api.get<TemplateChoice[]>('/api/templates', signal);

export const listAssignments = (api: ApiClient, signal?: AbortSignal) =>
  api.get<StrategyAssignmentsResponse>('/api/strategy-assignments', signal);

export const putAssignment = (
  api: ApiClient,
  segment: string,
  splits: { strategyVersionId: string; percent: number; label?: string }[],
) => api.request<StrategyAssignmentView>(`/api/strategy-assignments/${encodeURIComponent(segment)}`, { method: 'PUT', body: { splits } });

export const runSimulation = (api: ApiClient, body: Record<string, unknown>) => api.post<SimulationResponse>('/api/simulations', body);


export const getLiveCounts = (api: ApiClient, versionId: string, signal?: AbortSignal) =>
  api.get<StrategyLiveCounts>(`/api/strategy-versions/${encodeURIComponent(versionId)}/live`, signal);
