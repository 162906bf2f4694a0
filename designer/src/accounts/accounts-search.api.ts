import type { ApiClient } from '../api/api-client.ts';
import { isRecord, optionalString, unexpected } from '../api/response-reading.ts';

/** What an account picker shows of an account (GET /api/accounts items carry more). */
export interface AccountOption {
  id: string;
  name: string;
  externalRef: string;
  currency: string;
}

export interface AccountSearchResult {
  accounts: AccountOption[];
  total: number;
}

function readAccount(value: unknown): AccountOption {
  if (!isRecord(value) || typeof value['id'] !== 'string' || typeof value['name'] !== 'string') {
    throw unexpected('an account');
  }
  return {
    id: value['id'],
    name: value['name'],
    externalRef: optionalString(value['externalRef']) ?? '',
    currency: optionalString(value['currency']) ?? '',
  };
}

/**
 * Accounts whose name or external reference contains `query` (the API matches case-insensitively), first by
 * name. A collector only ever gets their own accounts back.
 */
export async function searchAccounts(
  client: ApiClient,
  query: string,
  limit: number,
  signal?: AbortSignal,
): Promise<AccountSearchResult> {
  const params = new URLSearchParams({ limit: String(limit) });
  if (query.trim() !== '') params.set('q', query.trim());
  const body = await client.get<unknown>(`/api/accounts?${params.toString()}`, signal);
  if (!isRecord(body) || !Array.isArray(body['items'])) throw unexpected('an account list');
  const total = typeof body['total'] === 'number' ? body['total'] : body['items'].length;
  return { accounts: body['items'].map(readAccount), total };
}
