import { auditListResponseSchema, auditVerificationSchema, type AuditListResponse, type AuditVerification } from '@recoup/contracts';
import type { ApiClient } from '../api/api-client.ts';
import { unexpected } from '../api/response-reading.ts';

// The audit log endpoints (admins only). Responses are parsed with the API's own schemas.

/** The filters as the form holds them; dates are calendar days on the admin's own clock. */
export interface AuditFilters {
  actorId: string;
  action: string;
  entity: string;
  entityId: string;
  fromDate: string;
  toDate: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = { actorId: '', action: '', entity: '', entityId: '', fromDate: '', toDate: '' };

export const AUDIT_PAGE_SIZE = 25;

/** Local midnight at the start of a YYYY-MM-DD day, plus `days`; the text itself when it is no date, for the API to refuse. */
function startOfLocalDay(date: string, days = 0): string {
  const day = new Date(`${date}T00:00:00`);
  if (Number.isNaN(day.getTime())) return date;
  day.setDate(day.getDate() + days);
  return day.toISOString();
}

/**
 * The query for one page. The range covers whole days on the admin's clock: from the start of the first day to the
 * start of the day after the last, which the API takes as inclusive and exclusive.
 */
export function auditQuery(filters: AuditFilters, before: string | null): URLSearchParams {
  const query = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  for (const name of ['actorId', 'action', 'entity', 'entityId'] as const) {
    const value = filters[name].trim();
    if (value) query.set(name, value);
  }
  if (filters.fromDate) query.set('from', startOfLocalDay(filters.fromDate));
  if (filters.toDate) query.set('to', startOfLocalDay(filters.toDate, 1));
  if (before) query.set('before', before);
  return query;
}

export async function listAudit(api: ApiClient, filters: AuditFilters, before: string | null, signal?: AbortSignal): Promise<AuditListResponse> {
  const parsed = auditListResponseSchema.safeParse(await api.get<unknown>(`/api/admin/audit?${auditQuery(filters, before).toString()}`, signal));
  if (!parsed.success) throw unexpected('an audit log page');
  return parsed.data;
}

export async function verifyAuditChain(api: ApiClient): Promise<AuditVerification> {
  const parsed = auditVerificationSchema.safeParse(await api.post<unknown>('/api/admin/audit/verify'));
  if (!parsed.success) throw unexpected('a chain check');
  return parsed.data;
}

/** The cursor of the page that starts with the entry `id`: the API lists the entries before a cursor. */
export const cursorAt = (id: string): string => (BigInt(id) + 1n).toString();
