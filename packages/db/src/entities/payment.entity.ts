import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Account } from './account.entity.ts';
import { StatementLine } from './statement-line.entity.ts';

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
    /** The bank statement line the money arrived on, when it came from a statement. */
    statementLine: () => p.manyToOne(StatementLine).nullable(),
    /** Set when the bank took the money back (returned, bounced, NSF); a reversed payment holds nothing. */
    reversedAt: p.datetime().nullable(),
    reversalReason: p.text().nullable(),
    reversalLine: () => p.manyToOne(StatementLine).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type IPayment = InferEntity<typeof Payment>;
