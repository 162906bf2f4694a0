import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Account } from './account.entity.ts';

export const INVOICE_STATUSES = ['open', 'paid', 'cancelled'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const Invoice = defineEntity({
  name: 'Invoice',
  tableName: 'invoice',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    account: () => p.manyToOne(Account),
    number: p.text().unique(),
    /** ISO date, YYYY-MM-DD. */
    issueDate: p.date(),
    /** ISO date, YYYY-MM-DD. */
    dueDate: p.date(),
    currency: p.character().length(3),
    amountMinor: p.bigint(),
    // Maintained by the allocation trigger once allocations exist; set it equal to amountMinor on insert.
    openMinor: p.bigint(),
    status: p.enum(INVOICE_STATUSES).default('open'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type IInvoice = InferEntity<typeof Invoice>;
