import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Account } from './account.entity.ts';

export const Payment = defineEntity({
  name: 'Payment',
  tableName: 'payment',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    account: () => p.manyToOne(Account),
    amountMinor: p.bigint(),
    currency: p.character().length(3),
    receivedAt: p.datetime(),
    reference: p.text(),
    payerName: p.text().nullable(),
    idempotencyKey: p.text().nullable().unique(),
    // Maintained by the allocation trigger; set it equal to amountMinor on insert.
    unallocatedMinor: p.bigint(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type IPayment = InferEntity<typeof Payment>;
