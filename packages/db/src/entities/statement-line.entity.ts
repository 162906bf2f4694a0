import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Account } from './account.entity.ts';
import { AppUser } from './app-user.entity.ts';
import { BankStatement } from './bank-statement.entity.ts';
import { BankStatementSection } from './bank-statement-section.entity.ts';
import type { JsonObject } from './json.ts';

/**
 * pending: not looked at yet. exception: a person decides (no match, too little confidence, a currency mismatch,
 * a return without its payment). applied: it became a payment, or reversed one. skipped: not a customer payment
 * (or a zero amount). rejected: its statement was rejected by a manager.
 */
export const STATEMENT_LINE_STATUSES = ['pending', 'exception', 'applied', 'skipped', 'rejected'] as const;

/** One transaction of a statement; (account number, fingerprint) is unique, so a transaction is stored once. */
export const StatementLine = defineEntity({
  name: 'StatementLine',
  tableName: 'statement_line',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    bankStatement: () => p.manyToOne(BankStatement),
    /** The line's place in its file, from 1: lines are listed in the order the bank wrote them. */
    position: p.integer(),
    accountNumber: p.text(),
    /** The bank's own reference, when the file gives a real one. */
    bankRef: p.text().nullable(),
    /** What identifies the transaction across files (see the domain's identifyStatement). */
    fingerprint: p.text(),
    /** The statement of the file the line belongs to. */
    section: () => p.manyToOne(BankStatementSection).nullable(),
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
    /** The account the line was matched to, or the best suggestion for an exception. */
    account: () => p.manyToOne(Account).nullable(),
    rule: p.text().nullable(),
    /** 0 to 1, three decimals: how sure the matcher was. Not money. */
    confidence: p.decimal('number').precision(4).scale(3).nullable(),
    reason: p.text().nullable(),
    /** The matcher's proposal (allocations, unapplied credit) as it stood, kept for the exception queue. */
    proposal: p.json<JsonObject>().nullable(),
    /** Left open on the invoices a short payment named: a deduction to look into. */
    residualMinor: p.bigint().nullable(),
    resolvedBy: () => p.manyToOne(AppUser).nullable(),
    resolvedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type IStatementLine = InferEntity<typeof StatementLine>;
