import { useEffect, useState } from 'react';
import { useApi } from './api-context.ts';
import { ApiError } from './api-error.ts';
import { fetchHealth } from './auth.api.ts';
import type { Health } from './auth.types.ts';

export type HealthState =
  | { status: 'loading' }
  | { status: 'ready'; health: Health }
  | { status: 'failed'; error: ApiError };

export function useHealth(): HealthState {
  const api = useApi();
  const [state, setState] = useState<HealthState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    fetchHealth(api, controller.signal).then(
      (health) => setState({ status: 'ready', health }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(0, 'unknown', 'Could not load the server status.');
        setState({ status: 'failed', error: apiError });
      },
    );
    return () => controller.abort();
  }, [api]);

  return state;
}
