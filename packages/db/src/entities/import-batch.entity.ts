import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { JsonValue } from './json.ts';

export const IMPORT_KINDS = ['customers-invoices'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_FORMATS = ['csv', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const IMPORT_STATUSES = ['imported', 'partially-imported', 'rejected'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

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
  },
});

export type IImportBatch = InferEntity<typeof ImportBatch>;
