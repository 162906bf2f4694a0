import {
  importBatchViewSchema,
  importResultSchema,
  importRowProblemSchema,
  skippedEntrySchema,
  type ImportResult,
  type ImportRowProblem,
  type ImportWorkflowStarts,
  type SkippedEntry,
} from '@recoup/contracts';
import { z } from 'zod';
import type { ApiClient } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import { unexpected } from '../api/response-reading.ts';

// Portfolio CSV imports: a file with a bad row is refused whole, naming every bad row, unless the valid rows
// alone are asked for.

export type ImportMode = 'all-or-nothing' | 'valid-only';

export type PortfolioImportOutcome =
  | { kind: 'imported'; result: ImportResult }
  | { kind: 'refused'; message: string; rowsTotal: number | null; rows: ImportRowProblem[]; skipped: SkippedEntry[] };

const refusalSchema = z.object({
  rowsTotal: z.number().int().optional(),
  rows: z.array(importRowProblemSchema).default([]),
  skipped: z.array(skippedEntrySchema).default([]),
});

export async function importPortfolioCsv(api: ApiClient, content: Blob, filename: string, mode: ImportMode): Promise<PortfolioImportOutcome> {
  const query = new URLSearchParams({ mode });
  if (filename) query.set('filename', filename.slice(0, 255));
  try {
    const parsed = importResultSchema.safeParse(await api.postRaw<unknown>(`/api/imports/portfolio.csv?${query.toString()}`, content, 'text/csv'));
    if (!parsed.success) throw unexpected('an import result');
    return { kind: 'imported', result: parsed.data };
  } catch (error) {
    // A refused file is an expected answer with its rows, not a failure of the page.
    if (error instanceof ApiError && error.code === 'import-rejected') {
      const details = refusalSchema.safeParse(error.details ?? {});
      const rows = details.success ? details.data.rows : [];
      return {
        kind: 'refused',
        message: error.message,
        rowsTotal: details.success ? (details.data.rowsTotal ?? null) : null,
        rows,
        skipped: details.success ? details.data.skipped : [],
      };
    }
    throw error;
  }
}

/** How far the background starting of an imported batch's collection workflows has gone. */
export async function getImportWorkflowStarts(api: ApiClient, batchId: string, signal?: AbortSignal): Promise<ImportWorkflowStarts | null> {
  const parsed = importBatchViewSchema.safeParse(await api.get<unknown>(`/api/imports/${encodeURIComponent(batchId)}`, signal));
  if (!parsed.success) throw unexpected('an import');
  return parsed.data.workflows;
}

/** Whether the starting has ended, so there is nothing more to wait for. */
export const startsSettled = (starts: ImportWorkflowStarts | null): boolean => starts === null || starts.status === 'started' || starts.status === 'failed';
