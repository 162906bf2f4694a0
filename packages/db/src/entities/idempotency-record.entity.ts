import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { JsonValue } from './json.ts';

export const IdempotencyRecord = defineEntity({
  name: 'IdempotencyRecord',
  tableName: 'idempotency_record',
  properties: {
    key: p.text().primary(),
    scope: p.text(),
    requestHash: p.text(),
    statusCode: p.integer(),
    response: p.json<JsonValue>(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type IIdempotencyRecord = InferEntity<typeof IdempotencyRecord>;
