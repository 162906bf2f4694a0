import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Invoice } from './invoice.entity.ts';
import { Payment } from './payment.entity.ts';

// Inserting or deleting an allocation moves money between payment.unallocated_minor and invoice.open_minor in a
// database trigger, so entities of the payment and invoice loaded before the flush are stale afterwards: refresh them.
export const Allocation = defineEntity({
  name: 'Allocation',
  tableName: 'allocation',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    payment: () => p.manyToOne(Payment),
    invoice: () => p.manyToOne(Invoice),
    amountMinor: p.bigint(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type IAllocation = InferEntity<typeof Allocation>;
