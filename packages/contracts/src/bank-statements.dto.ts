import type { StatementProgress } from '@recoup/domain';
import { z } from 'zod';
import { uuidSchema } from './common.dto.ts';
import { moneySchema, positiveMinorSchema } from './money.dto.ts';

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
export const statementImbalanceViewSchema = z.object({
  account: z.string(),
  currency: z.string(),
  where: z.string(),
  message: z.string(),
  /** Stated minus computed, in minor units; null for a count that is off. */
  differenceMinor: z.string().nullable(),
});
export type StatementImbalanceView = z.infer<typeof statementImbalanceViewSchema>;

/** A line of the file that was not stored because the same transaction was imported before. */
export const alreadySeenLineViewSchema = z.object({
  /** Where the line is in this file. */
  source: z.string(),
  matchedLineId: z.string(),
  matchedStatementId: z.string(),
  matchedSource: z.string(),
  reason: z.string(),
});
export type AlreadySeenLineView = z.infer<typeof alreadySeenLineViewSchema>;

export const statementReviewViewSchema = z.object({
  decision: z.enum(['released', 'rejected']),
  reason: z.string(),
  byUserId: z.string().nullable(),
  at: z.string(),
});
export type StatementReviewView = z.infer<typeof statementReviewViewSchema>;

export const statementImportResultSchema = z.object({
  id: z.string(),
  format: z.enum(STATEMENT_FORMAT_VALUES),
  statementRef: z.string(),
  filename: z.string(),
  status: z.enum(STATEMENT_STATUS_VALUES),
  createdAt: z.string(),
  /** True when this very file, or every statement in it, was imported before: nothing changed. */
  duplicate: z.boolean(),
  lines: z.number().int(),
  /** Lines stored now; the others were transactions already seen in an earlier statement. */
  newLines: z.number().int(),
  alreadySeen: z.number().int(),
  /** Each line not stored as already seen, with the line it matched, so a person can check. */
  alreadySeenLines: z.array(alreadySeenLineViewSchema),
  /** Empty when the statement adds up; otherwise it is held ('unbalanced') until a manager releases or rejects it. */
  imbalances: z.array(statementImbalanceViewSchema),
  review: statementReviewViewSchema.nullable(),
});
export type StatementImportResult = z.infer<typeof statementImportResultSchema>;

/** Where a statement's reconciliation stands, counted from its lines (the domain's StatementProgress). */
export const statementProgressSchema = z.object({
  lines: z.number().int(),
  pending: z.number().int(),
  applied: z.number().int(),
  reversed: z.number().int(),
  exceptions: z.number().int(),
  skipped: z.number().int(),
  /** Money received and applied to accounts, per currency (credits that became payments). */
  appliedMinor: z.array(z.object({ currency: z.string(), amountMinor: z.string() })),
}) satisfies z.ZodType<StatementProgress>;

/** GET /api/bank-statements: each statement with its progress; the already-seen lines are on the detail. */
export const statementListItemSchema = statementImportResultSchema.omit({ alreadySeenLines: true }).extend({
  progress: statementProgressSchema,
});
export type StatementListItem = z.infer<typeof statementListItemSchema>;

/** POST /api/bank-statements/:id/release and /reject: a manager's decision on an unbalanced statement. */
export const statementReviewSchema = z.object({ reason: z.string().trim().min(3).max(500) }).strict();

/** GET /api/bank-statements/:id: the statement, its progress counted from its lines, and its workflow. */
export const statementDetailSchema = statementImportResultSchema.extend({
  progress: statementProgressSchema,
  /** The reconciliation workflow as Temporal reports it; null when none was started or Temporal could not be asked. */
  workflow: z.object({ workflowId: z.string(), status: z.string() }).nullable(),
});
export type StatementDetail = z.infer<typeof statementDetailSchema>;

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

/** PUT /api/statement-mappings/:name: the name the mapping was saved under. */
export const savedStatementMappingSchema = z.object({ name: z.string() });
export type SavedStatementMapping = z.infer<typeof savedStatementMappingSchema>;

/**
 * pending: not looked at yet. exception: a person decides. applied: it became a payment, or reversed one. skipped:
 * not a customer payment (or a zero amount). rejected: its statement was rejected by a manager.
 */
export const STATEMENT_LINE_STATUS_VALUES = ['pending', 'exception', 'applied', 'skipped', 'rejected'] as const;

/** GET /api/bank-statements/:id/lines: one transaction of the statement and what became of it. */
export const statementLineViewSchema = z.object({
  id: z.string(),
  accountNumber: z.string(),
  bankRef: z.string().nullable(),
  customerRef: z.string().nullable(),
  direction: z.enum(['credit', 'debit']),
  amount: moneySchema,
  /** YYYY-MM-DD, when the file gives one. */
  valueDate: z.string().nullable(),
  text: z.string(),
  counterparty: z.string().nullable(),
  /** A returned, bounced or NSF item. */
  returned: z.boolean(),
  status: z.enum(STATEMENT_LINE_STATUS_VALUES),
  /** Where the line is in its file. */
  source: z.string(),
  /** The account it was matched to, or the best suggestion for an exception. */
  accountId: z.string().nullable(),
  rule: z.string().nullable(),
  /** 0 to 1: how sure the matcher was. */
  confidence: z.number().nullable(),
  reason: z.string().nullable(),
  /** Left open on the invoices a short payment named. */
  residualMinor: z.string().nullable(),
});
export type StatementLineView = z.infer<typeof statementLineViewSchema>;

/** GET /api/statement-lines/exceptions: a line the matcher left for a person. */
export const exceptionViewSchema = z.object({
  id: z.string(),
  statementId: z.string(),
  position: z.number().int(),
  source: z.string(),
  bankRef: z.string().nullable(),
  customerRef: z.string().nullable(),
  direction: z.enum(['credit', 'debit']),
  returned: z.boolean(),
  amount: moneySchema,
  valueDate: z.string().nullable(),
  text: z.string(),
  counterparty: z.string().nullable(),
  reason: z.string().nullable(),
  /** The matcher's best guess, if it had one: the account, and how it would have applied the money. */
  suggestion: z
    .object({
      accountId: z.string(),
      accountRef: z.string(),
      accountName: z.string(),
      rule: z.string().nullable(),
      confidence: z.number().nullable(),
      allocations: z.array(z.object({ invoiceId: z.string(), invoiceNumber: z.string(), amountMinor: z.string() })),
    })
    .nullable(),
});
export type ExceptionView = z.infer<typeof exceptionViewSchema>;

/** GET /api/statement-lines/deductions: a short payment, applied, with an amount left open on the invoices it named, to be claimed or disputed. */
export const deductionViewSchema = z.object({
  lineId: z.string(),
  statementId: z.string(),
  account: z.object({ id: z.string(), externalRef: z.string(), name: z.string() }),
  amount: moneySchema,
  residualMinor: z.string(),
  text: z.string(),
  valueDate: z.string().nullable(),
  /** The invoices the payment named, with what they still owe now. */
  invoices: z.array(z.object({ invoiceId: z.string(), number: z.string(), openMinor: z.string() })),
});
export type DeductionView = z.infer<typeof deductionViewSchema>;

/** POST /api/statement-lines/:id/match, /reverse and /skip: what became of the line. */
export const lineResolutionSchema = z.object({
  lineId: z.string(),
  status: z.enum(['applied', 'skipped']),
  /** The payment made from the line, or the one it reversed; null for a skipped line. */
  paymentId: z.string().nullable(),
  accountId: z.string().nullable(),
});
export type LineResolution = z.infer<typeof lineResolutionSchema>;

export const exceptionListSchema = z.object({ items: z.array(exceptionViewSchema) });
export type ExceptionList = z.infer<typeof exceptionListSchema>;

export const deductionListSchema = z.object({ items: z.array(deductionViewSchema) });
export type DeductionList = z.infer<typeof deductionListSchema>;
