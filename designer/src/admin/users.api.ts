import type { CreateUserRequest, UpdateUserRequest, UserAdminView } from '@recoup/contracts';
import type { ApiClient } from '../api/api-client.ts';

// The user-administration endpoints (admins only), typed with the API's own contracts.

export const listUsers = (api: ApiClient, signal?: AbortSignal) => api.get<UserAdminView[]>('/api/users', signal);

export const createUser = (api: ApiClient, body: CreateUserRequest) => api.post<UserAdminView>('/api/users', body);

export const updateUser = (api: ApiClient, id: string, body: UpdateUserRequest) =>
  api.request<UserAdminView>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const resetPassword = (api: ApiClient, id: string, password: string) =>
  api.post<UserAdminView>(`/api/users/${encodeURIComponent(id)}/password`, { password });

/** Lifts the lock that failed sign-ins put on the user, and forgets those failures. */
export const unlockSignIn = (api: ApiClient, id: string) =>
  api.post<UserAdminView>(`/api/users/${encodeURIComponent(id)}/unlock-sign-in`);
