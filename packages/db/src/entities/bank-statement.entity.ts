import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { AppUser } from './app-user.entity.ts';

export const STATEMENT_FORMATS = ['camt.053', 'camt.054', 'mt940', 'bai2', 'csv'] as const;
export const BANK_STATEMENT_STATUSES = ['received', 'reconciling', 'reconciled', 'failed'] as const;

/** A bank statement file as received; its bytes are kept whatever happens to its lines. */
export const BankStatement = defineEntity({
  name: 'BankStatement',
  tableName: 'bank_statement',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    format: p.enum(STATEMENT_FORMATS),
    /** The statement's own id (message id, file id): the same statement is recognised on a re-import. */
    statementRef: p.text(),
    fileSha256: p.text().unique(),
    filename: p.text(),
    raw: p.blob().lazy(),
    lineCount: p.integer(),
    /** Lines not seen in any earlier statement. */
    newLineCount: p.integer(),
    status: p.enum(BANK_STATEMENT_STATUSES).default('received'),
    createdBy: () => p.manyToOne(AppUser).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type IBankStatement = InferEntity<typeof BankStatement>;
