import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { AppUser } from './app-user.entity.ts';
import type { JsonObject } from './json.ts';

/** A saved column mapping for one bank's CSV export, chosen by name when a file is imported. */
export const CsvStatementMappingRow = defineEntity({
  name: 'CsvStatementMappingRow',
  tableName: 'csv_statement_mapping',
  properties: {
    name: p.text().primary(),
    mapping: p.json<JsonObject>(),
    updatedBy: () => p.manyToOne(AppUser).nullable(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type ICsvStatementMappingRow = InferEntity<typeof CsvStatementMappingRow>;
