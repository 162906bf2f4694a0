import { kpiDashboardSchema, kpiOptionsSchema, type KpiBlock, type KpiDashboard, type KpiOptions } from '@recoup/contracts';
import type { ApiClient } from '../api/api-client.ts';
import { unexpected } from '../api/response-reading.ts';

/** The filters as the form holds them; an empty string leaves the choice to the server's default. */
export interface DashboardFilters {
  from: string;
  to: string;
  currency: string;
  segment: string;
  strategyVersionId: string;
  arm: string;
}

export const NO_FILTERS: DashboardFilters = { from: '', to: '', currency: '', segment: '', strategyVersionId: '', arm: '' };

/** The query string of the filters that are set, in a stable order. */
export function filterQuery(filters: DashboardFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== '') params.set(key, value);
  return params.toString();
}

/** Where a block's CSV downloads from, with the filters the page shows. */
export function csvUrl(block: KpiBlock, filters: DashboardFilters): string {
  const query = filterQuery(filters);
  return `/api/kpis/${block}.csv${query ? `?${query}` : ''}`;
}

export async function fetchDashboard(client: ApiClient, filters: DashboardFilters, signal?: AbortSignal): Promise<KpiDashboard> {
  const query = filterQuery(filters);
  const parsed = kpiDashboardSchema.safeParse(await client.get<unknown>(`/api/kpis${query ? `?${query}` : ''}`, signal));
  if (!parsed.success) throw unexpected('the dashboard figures');
  return parsed.data;
}

export async function fetchOptions(client: ApiClient, signal?: AbortSignal): Promise<KpiOptions> {
  const parsed = kpiOptionsSchema.safeParse(await client.get<unknown>('/api/kpis/options', signal));
  if (!parsed.success) throw unexpected('the dashboard filters');
  return parsed.data;
}
