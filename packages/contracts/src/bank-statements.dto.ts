import type { StatementProgress } from '@recoup/domain';
import { z } from 'zod';
import { uuidSchema } from './common.dto.ts';
import { positiveMinorSchema } from './money.dto.ts';

export const STATEMENT_FORMAT_VALUES = ['camt.053', 'camt.054', 'mt940', 'bai2', 'csv'] as const;
export const STATEMENT_STATUS_VALUES = ['received', 'unbalanced', 'reconciling', 'reconciled', 'failed', 'rejected'] as const;
export type StatementStatus = (typeof STATEMENT_STATUS_VALUES)[number];

/**
 * POST /api/bank-statements[?format=...]: the file is the request body, as it came from the bank. Without a format
 * (or with "auto") camt.053/054, MT940 and BAI2 are told from the content; a CSV export needs its saved mapping.
 */
export const statementImportQuerySchema = z
  .object({
    format: z.enum([...STATEMENT_FORMAT_VALUES, 'auto']).default('auto'),
    /** The saved column mapping to read a CSV export with. */
    mapping: z.string().min(1).max(100).optional(),
    filename: z.string().min(1).max(200).optional(),
  })
  .strict()
  .refine((q) => q.format !== 'csv' || q.mapping !== undefined, { path: ['mapping'], message: 'a CSV export needs the name of a saved column mapping' });

export type StatementImportQuery = z.infer<typeof statementImportQuerySchema>;

const columnName = z.string().min(1).max(100);

/** How to read one bank's CSV export (see the domain's CsvStatementMapping). */
export const csvStatementMappingSchema = z
  .object({
    delimiter: z.string().length(1).optional(),
    hasHeader: z.boolean(),
    columns: z
      .object({
        valueDate: columnName,
        amount: columnName,
        currency: columnName.optional(),
        direction: columnName.optional(),
        bankRef: columnName.optional(),
        customerRef: columnName.optional(),
        text: z.array(columnName).max(10).optional(),
        counterparty: columnName.optional(),
      })
      .strict(),
    debitValues: z.array(z.string().min(1).max(20)).max(10).optional(),
    currency: z.string().length(3).optional(),
    dateFormat: z.enum(['YYYY-MM-DD', 'DD.MM.YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY']),
    decimalSeparator: z.enum(['.', ',']),
    thousandsSeparator: z.enum(['', '.', ',', ' ', "'"]).optional(),
    accountNumber: z.string().min(1).max(64),
  })
  .strict()
  .refine((m) => m.columns.currency !== undefined || m.currency !== undefined, {
    path: ['currency'],
    message: 'give a currency column or a currency for the whole file',
  });

export const mappingNameParamsSchema = z.object({ name: z.string().min(1).max(100) });

/** A statement of the file whose own balances, control totals or counts do not add up. */
export interface StatementImbalanceView {
  account: string;
  currency: string;
  where: string;
  message: string;
  /** Stated minus computed, in minor units; null for a count that is off. */
  differenceMinor: string | null;
}

/** A line of the file that was not stored because the same transaction was imported before. */
export interface AlreadySeenLineView {
  /** Where the line is in this file. */
  source: string;
  matchedLineId: string;
  matchedStatementId: string;
  matchedSource: string;
  reason: string;
}

export interface StatementReviewView {
  decision: 'released' | 'rejected';
  reason: string;
  byUserId: string | null;
  at: string;
}

export interface StatementImportResult {
  id: string;
  format: (typeof STATEMENT_FORMAT_VALUES)[number];
  statementRef: string;
  filename: string;
  status: StatementStatus;
  createdAt: string;
  /** True when this very file, or every statement in it, was imported before: nothing changed. */
  duplicate: boolean;
  lines: number;
  /** Lines stored now; the others were transactions already seen in an earlier statement. */
  newLines: number;
  alreadySeen: number;
  /** Each line not stored as already seen, with the line it matched, so a person can check. */
  alreadySeenLines: AlreadySeenLineView[];
  /** Empty when the statement adds up; otherwise it is held ('unbalanced') until a manager releases or rejects it. */
  imbalances: StatementImbalanceView[];
  review: StatementReviewView | null;
}

/** GET /api/bank-statements: each statement with its progress; the already-seen lines are on the detail. */
export interface StatementListItem extends Omit<StatementImportResult, 'alreadySeenLines'> {
  progress: StatementProgress;
}

/** POST /api/bank-statements/:id/release and /reject: a manager's decision on an unbalanced statement. */
export const statementReviewSchema = z.object({ reason: z.string().trim().min(3).max(500) }).strict();

/** GET /api/bank-statements/:id: the statement, its progress counted from its lines, and its workflow. */
export interface StatementDetail extends StatementImportResult {
  progress: StatementProgress;
  workflow: { workflowId: string; status: string } | null;
}

/** POST /api/statement-lines/:id/match: apply a line by hand to an account, oldest invoices first unless told. */
export const manualMatchSchema = z
  .object({
    accountId: uuidSchema,
    allocations: z
      .array(z.object({ invoiceId: uuidSchema, amountMinor: positiveMinorSchema }).strict())
      .max(200)
      .optional(),
    note: z.string().max(500).optional(),
  })
  .strict();
export type ManualMatchRequest = z.infer<typeof manualMatchSchema>;

/** POST /api/statement-lines/:id/skip: not a customer payment (a bank fee, a transfer between own accounts). */
export const skipLineSchema = z.object({ reason: z.string().trim().min(3).max(500) }).strict();

/** POST /api/statement-lines/:id/reverse: the payment a returned item takes back, chosen by a person. */
export const reverseLineSchema = z.object({ paymentId: uuidSchema }).strict();

export const exceptionQuerySchema = z
  .object({
    statementId: uuidSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const deductionQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();
