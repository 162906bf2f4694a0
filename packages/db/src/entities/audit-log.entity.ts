import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { JsonObject } from './json.ts';

// Append-only (a trigger refuses UPDATE and DELETE). Insert rows through appendAudit, which maintains the hash chain.
export const AuditLog = defineEntity({
  name: 'AuditLog',
  tableName: 'audit_log',
  properties: {
    // bigserial; read as a string so it survives JSON.
    id: p.bigint('string').primary().autoincrement(),
    at: p.datetime(),
    actorId: p.uuid().nullable(),
    action: p.text(),
    entity: p.text(),
    entityId: p.text(),
    details: p.json<JsonObject>(),
    prevHash: p.text().nullable(),
    hash: p.text(),
  },
});

export type IAuditLog = InferEntity<typeof AuditLog>;
