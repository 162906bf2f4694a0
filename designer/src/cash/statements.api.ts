import type { StatementProgress } from '@recoup/domain';
import { z } from 'zod';
import type { ApiClient } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import { isRecord, unexpected } from '../api/response-reading.ts';

// The bank-statement endpoints. Responses are parsed here: a shape the page does not know becomes one clear
// error instead of a half-drawn table.

export const STATEMENT_FORMATS = ['camt.053', 'camt.054', 'mt940', 'bai2', 'csv'] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];
/** What the upload form offers: a format, or leaving it to the server to recognise. */
export type FormatChoice = StatementFormat | 'auto';

export const STATEMENT_STATUSES = ['received', 'reconciling', 'reconciled', 'failed', 'unbalanced', 'rejected'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

const moneySchema = z.object({ amountMinor: z.string().regex(/^-?\d+$/), currency: z.string() });

// Checked against the one declaration of the shape, so the parser and the server cannot drift apart.
const progressSchema: z.ZodType<StatementProgress> = z.object({
  lines: z.number().int(),
  pending: z.number().int(),
  applied: z.number().int(),
  reversed: z.number().int(),
  exceptions: z.number().int(),
  skipped: z.number().int(),
  appliedMinor: z.array(moneySchema),
});
export type { StatementProgress };

const imbalanceSchema = z.object({
  where: z.string(),
  account: z.string(),
  currency: z.string(),
  /** Stated minus computed; null when a count, not an amount, is off. */
  differenceMinor: z.string().regex(/^-?\d+$/).nullable(),
  message: z.string(),
});
export type Imbalance = z.infer<typeof imbalanceSchema>;

const alreadySeenLineSchema = z.object({
  source: z.string(),
  matchedLineId: z.string(),
  matchedStatementId: z.string(),
  matchedSource: z.string(),
  reason: z.string(),
});
export type AlreadySeenLine = z.infer<typeof alreadySeenLineSchema>;

const formatSchema = z.enum(STATEMENT_FORMATS);
const statusSchema = z.enum(STATEMENT_STATUSES);

const importResultSchema = z.object({
  id: z.string(),
  format: formatSchema,
  statementRef: z.string(),
  duplicate: z.boolean(),
  lines: z.number().int(),
  newLines: z.number().int(),
  alreadySeen: z.number().int(),
  filename: z.string(),
  status: statusSchema,
  createdAt: z.string(),
  imbalances: z.array(imbalanceSchema),
  alreadySeenLines: z.array(alreadySeenLineSchema),
  review: z.object({ decision: z.enum(['released', 'rejected']), reason: z.string(), byUserId: z.string().nullable(), at: z.string() }).nullable(),
});
export type StatementImport = z.infer<typeof importResultSchema>;
export type StatementReview = NonNullable<StatementImport['review']>;

/** A list item: the import figures with the same counts as the detail. */
const summarySchema = importResultSchema.omit({ alreadySeenLines: true }).extend({ progress: progressSchema });
export type StatementSummary = z.infer<typeof summarySchema>;

const detailSchema = importResultSchema.extend({
  progress: progressSchema,
  workflow: z.object({ workflowId: z.string(), status: z.string() }).nullable(),
});
export type StatementDetail = z.infer<typeof detailSchema>;

function read<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw unexpected(what);
  return parsed.data;
}

const path = (id: string) => `/api/bank-statements/${encodeURIComponent(id)}`;

export interface StatementUpload {
  content: Blob;
  filename: string;
  format: FormatChoice;
  /** The saved column mapping a CSV export is read with. */
  mapping: string;
}

export async function uploadStatement(api: ApiClient, upload: StatementUpload): Promise<StatementImport> {
  const query = new URLSearchParams();
  // Left out, the server recognises camt.053, camt.054, MT940 and BAI2 from the content itself.
  if (upload.format !== 'auto') query.set('format', upload.format);
  if (upload.format === 'csv' && upload.mapping.trim() !== '') query.set('mapping', upload.mapping.trim());
  if (upload.filename) query.set('filename', upload.filename.slice(0, 200));
  // Sent as bytes with no charset claimed: the server tells the encoding (UTF-8, Latin-1, a BOM) from the file.
  const body = await api.postRaw<unknown>(`/api/bank-statements?${query.toString()}`, upload.content, 'application/octet-stream');
  return read(importResultSchema, body, 'an import result');
}

/** Where the statement list sits in the query cache: whatever changes a statement reads the list again through it. */
export const STATEMENTS_KEY = ['bank-statements'] as const;

export async function listStatements(api: ApiClient, signal?: AbortSignal): Promise<StatementSummary[]> {
  const body = await api.get<unknown>('/api/bank-statements', signal);
  // The list is an array, or a page of items.
  const items = isRecord(body) && Array.isArray(body['items']) ? body['items'] : body;
  return read(z.array(summarySchema), items, 'a statement list');
}

export async function getStatement(api: ApiClient, id: string, signal?: AbortSignal): Promise<StatementDetail> {
  return read(detailSchema, await api.get<unknown>(path(id), signal), 'a statement');
}

export async function releaseStatement(api: ApiClient, id: string, reason: string): Promise<void> {
  await api.post<unknown>(`${path(id)}/release`, { reason });
}

export async function rejectStatement(api: ApiClient, id: string, reason: string): Promise<void> {
  await api.post<unknown>(`${path(id)}/reject`, { reason });
}

/** A refused file in words: the server's message and the line or XML element it names. */
export interface StatementRefusal {
  message: string;
  where: string | null;
  fields: { path: string; reason: string }[];
}

export function describeRefusal(error: unknown): StatementRefusal {
  if (!(error instanceof ApiError)) return { message: 'The statement could not be imported.', where: null, fields: [] };
  const details = isRecord(error.details) ? error.details : {};
  const where = typeof details['where'] === 'string' ? details['where'] : null;
  const listed = Array.isArray(details['fields']) ? details['fields'] : [];
  const fields = listed.flatMap((f) =>
    isRecord(f) && typeof f['path'] === 'string' ? [{ path: f['path'], reason: typeof f['reason'] === 'string' ? f['reason'] : error.message }] : [],
  );
  return { message: error.message, where, fields };
}

/** Statuses after which nothing changes by itself any more, so a page stops asking. */
export const isSettled = (status: StatementStatus): boolean => status !== 'received' && status !== 'reconciling';
