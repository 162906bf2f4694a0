import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { AppUser } from './app-user.entity.ts';

export const STATEMENT_FORMATS = ['camt.053', 'camt.054', 'mt940', 'bai2', 'csv'] as const;
/**
 * received: stored, its reconciliation not started yet. unbalanced: its own balances or control totals do not add
 * up; stored whole, nothing applied until a manager releases it. rejected: a manager refused it; nothing applied.
 */
export const BANK_STATEMENT_STATUSES = ['received', 'unbalanced', 'reconciling', 'reconciled', 'failed', 'rejected'] as const;

/** A statement of the file whose arithmetic does not hold, as stored in bank_statement.imbalances. */
export interface StoredImbalance {
  account: string;
  currency: string;
  where: string;
  message: string;
  /** Stated minus computed, minor units; null for a count that is off. */
  differenceMinor: string | null;
}

/** A line of the file not stored because the same transaction was stored before, and the line it matched. */
export interface AlreadySeenLine {
  source: string;
  matchedLineId: string;
  matchedStatementId: string;
  matchedSource: string;
  reason: string;
}

/** A bank statement file as received; its bytes are kept whatever happens to its lines. */
export const BankStatement = defineEntity({
  name: 'BankStatement',
  tableName: 'bank_statement',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    format: p.enum(STATEMENT_FORMATS),
    /** The file's own labels (message id, :20: and :28C:, file id), for people; statements are identified by their sections. */
    statementRef: p.text(),
    fileSha256: p.text().unique(),
    filename: p.text(),
    raw: p.blob().lazy(),
    lineCount: p.integer(),
    /** Lines not seen in any earlier statement. */
    newLineCount: p.integer(),
    status: p.enum(BANK_STATEMENT_STATUSES).default('received'),
    imbalances: p.json<StoredImbalance[]>().default('[]'),
    alreadySeen: p.json<AlreadySeenLine[]>().lazy().default('[]'),
    reviewReason: p.text().nullable(),
    reviewedBy: () => p.manyToOne(AppUser).nullable(),
    reviewedAt: p.datetime().nullable(),
    createdBy: () => p.manyToOne(AppUser).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type IBankStatement = InferEntity<typeof BankStatement>;
