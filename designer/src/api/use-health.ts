import { useQuery } from '@tanstack/react-query';
import { useApi } from './api-context.ts';
import { ApiError } from './api-error.ts';
import { fetchHealth } from './auth.api.ts';
import type { Health } from './auth.types.ts';

export type HealthState =
  | { status: 'loading' }
  | { status: 'ready'; health: Health }
  | { status: 'failed'; error: ApiError };

/** The server's status, read once and shared by the pages that show it (home and sign-in). */
export function useHealth(): HealthState {
  const api = useApi();
  const health = useQuery({ queryKey: ['health'], queryFn: ({ signal }) => fetchHealth(api, signal) });
  if (health.isPending) return { status: 'loading' };
  if (health.isError) {
    const error = health.error instanceof ApiError ? health.error : new ApiError(0, 'unknown', 'Could not load the server status.');
    return { status: 'failed', error };
  }
  return { status: 'ready', health: health.data };
}
