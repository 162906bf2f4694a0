import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { BankStatement } from './bank-statement.entity.ts';

export const STATEMENT_LINE_STATUSES = ['pending', 'matched', 'exception', 'applied', 'skipped'] as const;

/** One transaction of a statement; (account number, bank reference) is unique, so a transaction is stored once. */
export const StatementLine = defineEntity({
  name: 'StatementLine',
  tableName: 'statement_line',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    bankStatement: () => p.manyToOne(BankStatement),
    /** The line's place in its file, from 1: lines are listed in the order the bank wrote them. */
    position: p.integer(),
    accountNumber: p.text(),
    bankRef: p.text(),
    customerRef: p.text().nullable(),
    direction: p.enum(['credit', 'debit'] as const),
    amountMinor: p.bigint(),
    currency: p.character().length(3),
    valueDate: p.date().nullable(),
    text: p.text(),
    counterparty: p.text().nullable(),
    typeCode: p.text(),
    returned: p.boolean(),
    source: p.text(),
    status: p.enum(STATEMENT_LINE_STATUSES).default('pending'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type IStatementLine = InferEntity<typeof StatementLine>;
