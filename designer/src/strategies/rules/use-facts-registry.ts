import { useEffect, useState } from 'react';
import { useApi } from '../../api/api-context.ts';
import { ApiError } from '../../api/api-error.ts';
import { fetchFactsRegistry } from './facts.api.ts';
import type { FactsRegistry } from './facts-registry.ts';

export type FactsRegistryState =
  | { status: 'loading' }
  | { status: 'ready'; registry: FactsRegistry }
  | { status: 'failed'; error: ApiError };

/** The facts registry from the API, loaded once per mount; what a RuleBuilder needs as its `registry`. */
export function useFactsRegistry(): FactsRegistryState {
  const api = useApi();
  const [state, setState] = useState<FactsRegistryState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    fetchFactsRegistry(api, controller.signal).then(
      (registry) => {
        if (!controller.signal.aborted) setState({ status: 'ready', registry });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: 'failed',
          error: error instanceof ApiError ? error : new ApiError(0, 'unknown', 'Could not load the facts registry.'),
        });
      },
    );
    return () => controller.abort();
  }, [api]);

  return state;
}
