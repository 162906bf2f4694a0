import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Dispute } from './dispute.entity.ts';
import { Invoice } from './invoice.entity.ts';

// Immutable; a trigger refuses more than the invoice has open, another account's invoice, or an invoice that an
// open dispute already covers.
export const DisputeItem = defineEntity({
  name: 'DisputeItem',
  tableName: 'dispute_item',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    dispute: () => p.manyToOne(Dispute),
    invoice: () => p.manyToOne(Invoice),
    amountMinor: p.bigint(),
  },
});

export type IDisputeItem = InferEntity<typeof DisputeItem>;
