import { z } from 'zod';
import type { ApiClient } from '../api/api-client.ts';
import { unexpected } from '../api/response-reading.ts';

// The exception queue, the short payments, and a manager's decisions on a line.

const moneySchema = z.object({ amountMinor: z.string().regex(/^-?\d+$/), currency: z.string() });

const exceptionSchema = z.object({
  id: z.string(),
  statementId: z.string(),
  position: z.number().int(),
  source: z.string(),
  // Absent when the bank gave no reference (many CSV exports, some BAI2 lines).
  bankRef: z.string().nullable(),
  customerRef: z.string().nullable(),
  direction: z.enum(['credit', 'debit']),
  returned: z.boolean(),
  amount: moneySchema,
  valueDate: z.string().nullable(),
  text: z.string(),
  counterparty: z.string().nullable(),
  reason: z.string().nullable(),
  suggestion: z
    .object({
      accountId: z.string(),
      accountRef: z.string(),
      accountName: z.string(),
      rule: z.string().nullable(),
      confidence: z.number().nullable(),
      allocations: z.array(z.object({ invoiceId: z.string(), invoiceNumber: z.string(), amountMinor: z.string() })),
    })
    .nullable(),
});
export type ExceptionLine = z.infer<typeof exceptionSchema>;

const deductionSchema = z.object({
  lineId: z.string(),
  statementId: z.string(),
  account: z.object({ id: z.string(), externalRef: z.string(), name: z.string() }),
  amount: moneySchema,
  residualMinor: z.string().regex(/^\d+$/),
  text: z.string(),
  valueDate: z.string().nullable(),
  invoices: z.array(z.object({ invoiceId: z.string(), number: z.string(), openMinor: z.string() })),
});
export type ShortPayment = z.infer<typeof deductionSchema>;

const resolutionSchema = z.object({
  lineId: z.string(),
  status: z.enum(['applied', 'skipped']),
  paymentId: z.string().nullable(),
  accountId: z.string().nullable(),
});
export type LineResolution = z.infer<typeof resolutionSchema>;

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
  return read(z.object({ items: z.array(exceptionSchema) }), body, 'the exception queue').items;
}

export async function listShortPayments(api: ApiClient, signal?: AbortSignal): Promise<ShortPayment[]> {
  const body = await api.get<unknown>('/api/statement-lines/deductions?limit=200', signal);
  return read(z.object({ items: z.array(deductionSchema) }), body, 'the short payments').items;
}

export interface ManualMatch {
  accountId: string;
  /** Left out, the server applies the line oldest invoice first; what is not allocated stays as credit. */
  allocations?: { invoiceId: string; amountMinor: string }[];
  note?: string;
}

export async function matchLine(api: ApiClient, lineId: string, match: ManualMatch): Promise<LineResolution> {
  return read(resolutionSchema, await api.post<unknown>(`${linePath(lineId)}/match`, match), 'a matched line');
}

export async function pairReturn(api: ApiClient, lineId: string, paymentId: string): Promise<LineResolution> {
  return read(resolutionSchema, await api.post<unknown>(`${linePath(lineId)}/reverse`, { paymentId }), 'a reversed line');
}

export async function skipLine(api: ApiClient, lineId: string, reason: string): Promise<LineResolution> {
  return read(resolutionSchema, await api.post<unknown>(`${linePath(lineId)}/skip`, { reason }), 'a skipped line');
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
