import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Account } from './account.entity.ts';
import { Dispute } from './dispute.entity.ts';
import { Invoice } from './invoice.entity.ts';

// Inserting a credit note lowers invoice.open_minor in a trigger (which refuses over-credit and another currency),
// so an invoice entity loaded before the flush is stale afterwards. Credit notes are immutable.
export const CreditNote = defineEntity({
  name: 'CreditNote',
  tableName: 'credit_note',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    account: () => p.manyToOne(Account),
    invoice: () => p.manyToOne(Invoice),
    amountMinor: p.bigint(),
    currency: p.character().length(3),
    reason: p.text(),
    dispute: () => p.manyToOne(Dispute).nullable(),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type ICreditNote = InferEntity<typeof CreditNote>;
