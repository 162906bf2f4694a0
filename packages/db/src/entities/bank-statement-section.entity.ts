import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { BankStatement } from './bank-statement.entity.ts';
import type { JsonObject } from './json.ts';

/** One statement of a file (one account and period), with its balances; its key tells the same statement in another file. */
export const BankStatementSection = defineEntity({
  name: 'BankStatementSection',
  tableName: 'bank_statement_section',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    bankStatement: () => p.manyToOne(BankStatement),
    position: p.integer(),
    accountNumber: p.text(),
    currency: p.text(),
    statementKey: p.text(),
    identity: p.json<string[]>(),
    source: p.text(),
    openingDate: p.date().nullable(),
    openingMinor: p.bigint().nullable(),
    closingDate: p.date().nullable(),
    closingMinor: p.bigint().nullable(),
    imbalances: p.json<JsonObject[]>().default('[]'),
    information: p.text().nullable(),
    lineCount: p.integer(),
    rejected: p.boolean().default(false),
  },
});

export type IBankStatementSection = InferEntity<typeof BankStatementSection>;
