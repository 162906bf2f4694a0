import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context.ts';
import { listTemplates } from './templates.api.ts';

/** The key of the templates list in the query cache, for whoever changes a template. */
export const TEMPLATES_KEY = ['templates'] as const;

/** Every template, read through the query cache: the templates page edits them, strategies' reminders pick one. */
export function useTemplates() {
  const api = useApi();
  return useQuery({ queryKey: TEMPLATES_KEY, queryFn: ({ signal }) => listTemplates(api, signal) });
}
