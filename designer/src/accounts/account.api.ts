import type { AccountDetail, AccountSummary, CommunicationBody, DecisionTimeline, NoteView, Page } from '@recoup/contracts';
import type { ApiClient } from '../api/api-client.ts';

// The account endpoints behind the account list and the account 360, typed with the API's own contracts.

const path = (id: string) => `/api/accounts/${encodeURIComponent(id)}`;

export function listAccounts(api: ApiClient, query: string, offset: number, limit: number, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: String(limit), offset: String(offset) });
  if (query.trim()) params.set('q', query.trim());
  return api.get<Page<AccountSummary>>(`/api/accounts?${params.toString()}`, signal);
}

/** The cached account detail: the account 360 and the inbox's dispute form read it, and what changes an account refreshes it. */
export const accountKey = (id: string) => ['account', id] as const;

export const getAccount = (api: ApiClient, id: string, signal?: AbortSignal) => api.get<AccountDetail>(path(id), signal);
export const getTimeline = (api: ApiClient, id: string, signal?: AbortSignal) => api.get<DecisionTimeline>(`${path(id)}/timeline`, signal);
export const getCommunication = (api: ApiClient, id: string, communicationId: string, signal?: AbortSignal) =>
  api.get<CommunicationBody>(`${path(id)}/communications/${encodeURIComponent(communicationId)}`, signal);
export const addNote = (api: ApiClient, id: string, body: string) => api.post<NoteView>(`${path(id)}/notes`, { body });
