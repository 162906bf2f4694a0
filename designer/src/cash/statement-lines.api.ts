import { z } from 'zod';
import { deductionListSchema, exceptionListSchema, lineResolutionSchema, type DeductionView, type ExceptionView, type LineResolution } from '@recoup/contracts';
import type { ApiClient } from '../api/api-client.ts';
import { unexpected } from '../api/response-reading.ts';

// The exception queue, the short payments, and a manager's decisions on a line.

// The answers are read with the API's own schemas, so the page and the contract cannot disagree on a shape.
export type ExceptionLine = ExceptionView;
export type ShortPayment = DeductionView;
export type { LineResolution };

function read<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw unexpected(what);
  return parsed.data;
}

const linePath = (id: string) => `/api/statement-lines/${encodeURIComponent(id)}`;

export async function listExceptions(api: ApiClient, statementId: string | null, signal?: AbortSignal): Promise<ExceptionLine[]> {
  const query = new URLSearchParams({ limit: '200' });
  if (statementId) query.set('statementId', statementId);
  const body = await api.get<unknown>(`/api/statement-lines/exceptions?${query.toString()}`, signal);
  return read(exceptionListSchema, body, 'the exception queue').items;
}

export async function listShortPayments(api: ApiClient, signal?: AbortSignal): Promise<ShortPayment[]> {
  const body = await api.get<unknown>('/api/statement-lines/deductions?limit=200', signal);
  return read(deductionListSchema, body, 'the short payments').items;
}

export interface ManualMatch {
  accountId: string;
  /** Left out, the server applies the line oldest invoice first; what is not allocated stays as credit. */
  allocations?: { invoiceId: string; amountMinor: string }[];
  note?: string;
}

export async function matchLine(api: ApiClient, lineId: string, match: ManualMatch): Promise<LineResolution> {
  return read(lineResolutionSchema, await api.post<unknown>(`${linePath(lineId)}/match`, match), 'a matched line');
}

export async function pairReturn(api: ApiClient, lineId: string, paymentId: string): Promise<LineResolution> {
  return read(lineResolutionSchema, await api.post<unknown>(`${linePath(lineId)}/reverse`, { paymentId }), 'a reversed line');
}

export async function skipLine(api: ApiClient, lineId: string, reason: string): Promise<LineResolution> {
  return read(lineResolutionSchema, await api.post<unknown>(`${linePath(lineId)}/skip`, { reason }), 'a skipped line');
}

export interface DisputeItem {
  invoiceId: string;
  amount: { amountMinor: string; currency: string };
}

/** Opens a dispute on the account for the given parts of its invoices (POST /api/accounts/:id/disputes). */
export async function openDispute(api: ApiClient, accountId: string, reason: string, items: DisputeItem[]): Promise<{ id: string }> {
  const body = await api.post<unknown>(`/api/accounts/${encodeURIComponent(accountId)}/disputes`, { reason, items });
  return read(z.object({ id: z.string() }), body, 'a dispute');
}
