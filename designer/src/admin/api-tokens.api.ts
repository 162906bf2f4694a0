import type { ApiTokenList, ApiTokenView, CreateApiTokenRequest, CreatedApiToken } from '@recoup/contracts';
import type { ApiClient } from '../api/api-client.ts';

// The API-token endpoints (admins only), typed with the API's own contracts.

export interface ScopeChoice {
  scope: CreateApiTokenRequest['scopes'][number];
  description: string;
}

export const listApiTokens = (api: ApiClient, signal?: AbortSignal) => api.get<ApiTokenList>('/api/admin/api-tokens', signal);

export const listTokenScopes = (api: ApiClient, signal?: AbortSignal) => api.get<{ items: ScopeChoice[] }>('/api/admin/api-tokens/scopes', signal);

export const createApiToken = (api: ApiClient, body: CreateApiTokenRequest) => api.post<CreatedApiToken>('/api/admin/api-tokens', body);

export const revokeApiToken = (api: ApiClient, id: string) => api.request<ApiTokenView>(`/api/admin/api-tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
