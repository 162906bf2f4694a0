import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context.ts';
import { fetchFactsRegistry } from './facts.api.ts';

/** The facts registry from the API, shared through the query cache; its data is what a RuleBuilder needs as its `registry`. */
export function useFactsRegistry() {
  const api = useApi();
  return useQuery({ queryKey: ['facts'], queryFn: ({ signal }) => fetchFactsRegistry(api, signal) });
}
