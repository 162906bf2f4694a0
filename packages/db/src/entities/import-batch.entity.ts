import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { JsonValue } from './json.ts';

export const IMPORT_KINDS = ['customers-invoices'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_FORMATS = ['csv', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const IMPORT_STATUSES = ['imported', 'partially-imported', 'rejected'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
/**
 * How far the starting of a written import's collection workflows has gone: pending (committed, not yet handed to
 * Temporal), starting, started (every account done, some perhaps with an error) or failed (given up; see the note).
 */
export const WORKFLOW_START_STATUSES = ['pending', 'starting', 'started', 'failed'] as const;
export type WorkflowStartStatus = (typeof WORKFLOW_START_STATUSES)[number];
/** An account whose workflow could not be started, and why. */
export interface WorkflowStartError {
  accountId: string;
  message: string;
}

export const ImportBatch = defineEntity({
  name: 'ImportBatch',
  tableName: 'import_batch',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    kind: p.enum(IMPORT_KINDS),
    format: p.enum(IMPORT_FORMATS),
    filename: p.text(),
    raw: p.blob().lazy(),
    status: p.enum(IMPORT_STATUSES),
    rowsTotal: p.integer(),
    rowsImported: p.integer(),
    errors: p.json<JsonValue[]>(),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    /** The accounts the import wrote, in the order their workflows are started; null for a rejected batch. */
    workflowAccountIds: p.array().nullable().lazy(),
    /** null for a rejected batch, and for batches imported before workflows were started in the background. */
    workflowStatus: p.enum(WORKFLOW_START_STATUSES).nullable(),
    workflowsTotal: p.integer().default(0),
    /** Accounts dealt with so far: the first this many of workflowAccountIds. */
    workflowsProcessed: p.integer().default(0),
    workflowsStarted: p.integer().default(0),
    workflowsWithoutStrategy: p.integer().default(0),
    workflowErrors: p.json<WorkflowStartError[]>().onCreate(() => []),
    workflowNote: p.text().nullable(),
  },
});

export type IImportBatch = InferEntity<typeof ImportBatch>;
