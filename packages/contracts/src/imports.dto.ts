import { z } from 'zod';
import { calendarDateSchema, timeZoneSchema } from './common.dto.ts';
import { currencyCodeSchema, moneyInputSchema } from './money.dto.ts';

export const CUSTOMER_TYPES = ['consumer', 'business'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];
export const customerTypeSchema = z.enum(CUSTOMER_TYPES);

export const consentSchema = z.object({
  email: z.boolean(),
  sms: z.boolean(),
  phone: z.boolean(),
  letter: z.boolean(),
});

export const contactInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an e-mail address' })).optional(),
  phone: z.string().trim().min(3).max(40).optional(),
  /** As printed on a letter, lines separated by newlines. */
  postalAddress: z.string().trim().min(1).max(500).optional(),
  timeZone: timeZoneSchema.optional(),
  isPrimary: z.boolean().optional(),
  consent: consentSchema,
});
export type ContactInput = z.infer<typeof contactInputSchema>;

export const invoiceInputSchema = z
  .object({
    number: z.string().trim().min(1).max(64),
    issueDate: calendarDateSchema,
    dueDate: calendarDateSchema,
    amount: moneyInputSchema,
  })
  .superRefine((invoice, ctx) => {
    if (invoice.dueDate < invoice.issueDate) {
      ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'due date is before the issue date' });
    }
  });
export type InvoiceInput = z.infer<typeof invoiceInputSchema>;

export const accountInputSchema = z.object({
  externalRef: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  customerType: customerTypeSchema,
  segment: z.string().trim().min(1).max(64).optional(),
  currency: currencyCodeSchema,
  timeZone: timeZoneSchema,
  contacts: z.array(contactInputSchema).max(50).default([]),
  invoices: z.array(invoiceInputSchema).max(10_000).default([]),
});
export type AccountInput = z.infer<typeof accountInputSchema>;

/** The body is checked loosely here; each account is then checked alone so one bad account names itself. */
export const portfolioImportRequestSchema = z.object({
  accounts: z.array(z.unknown()).min(1, { message: 'must list at least one account' }).max(100_000),
});
export type PortfolioImportRequest = z.infer<typeof portfolioImportRequestSchema>;

export const IMPORT_MODES = ['all-or-nothing', 'valid-only'] as const;
export const importQuerySchema = z.object({
  mode: z.enum(IMPORT_MODES).default('all-or-nothing'),
  filename: z.string().max(255).optional(),
});
export type ImportQuery = z.infer<typeof importQuerySchema>;

export const IMPORT_STATUSES = ['imported', 'partially-imported', 'rejected'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One refused row (CSV: 1-based line, header = 1) or account entry (JSON: line = index + 1). */
export const importRowProblemSchema = z.object({
  line: z.number().int().min(0),
  field: z.string(),
  reason: z.string(),
});
export type ImportRowProblem = z.infer<typeof importRowProblemSchema>;

export const skippedEntrySchema = z.object({
  accountRef: z.string().nullable(),
  lines: z.array(z.number().int()),
  problems: z.array(importRowProblemSchema),
});
export type SkippedEntry = z.infer<typeof skippedEntrySchema>;

/**
 * How far the starting of an import's collection workflows has gone. They start in the background after the import
 * commits: pending (not yet handed to Temporal, retried every minute), starting, started (every account dealt with,
 * some perhaps with an error) or failed (given up; the note says why).
 */
export const WORKFLOW_START_STATUSES = ['pending', 'starting', 'started', 'failed'] as const;
export type WorkflowStartStatus = (typeof WORKFLOW_START_STATUSES)[number];

export const importWorkflowStartsSchema = z.object({
  status: z.enum(WORKFLOW_START_STATUSES),
  /** Accounts the import wrote; those that owe nothing when their turn comes are dealt with but not started. */
  total: z.number().int(),
  processed: z.number().int(),
  started: z.number().int(),
  /** Accounts whose segment has no assignment while no default strategy is published. */
  withoutStrategy: z.number().int(),
  /** The first accounts that could not be started, with the reason. */
  errors: z.array(z.object({ accountId: z.string(), message: z.string() })),
  note: z.string().nullable(),
});
export type ImportWorkflowStarts = z.infer<typeof importWorkflowStartsSchema>;

export const importResultSchema = z.object({
  batchId: z.string(),
  status: z.enum(IMPORT_STATUSES),
  rowsTotal: z.number().int(),
  rowsImported: z.number().int(),
  accountsCreated: z.number().int(),
  accountsUpdated: z.number().int(),
  invoicesCreated: z.number().int(),
  /** Where the background starting of the import's workflows stood when the answer was given. */
  workflowStatus: z.enum(WORKFLOW_START_STATUSES),
  /** Accounts written, and of those how many were dealt with (started, owing nothing, or failed) by then. */
  workflowsTotal: z.number().int(),
  workflowsProcessed: z.number().int(),
  workflowsStarted: z.number().int(),
  workflowErrors: z.array(z.object({ accountId: z.string(), message: z.string() })),
  /** What a person should know about the starting (still going on, no strategy, given up), else null. */
  workflowNote: z.string().nullable(),
  skipped: z.array(skippedEntrySchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const importBatchViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  format: z.enum(['csv', 'json']),
  filename: z.string().nullable(),
  status: z.enum(IMPORT_STATUSES),
  rowsTotal: z.number().int(),
  rowsImported: z.number().int(),
  errors: z.unknown(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  /** null for a rejected batch, and for one imported before workflows started in the background. */
  workflows: importWorkflowStartsSchema.nullable(),
});
export type ImportBatchView = z.infer<typeof importBatchViewSchema>;

/** The CSV header columns; amount (major units) or amount_minor, one of them. */
export const CSV_REQUIRED_COLUMNS = [
  'account_ref',
  'account_name',
  'customer_type',
  'time_zone',
  'invoice_number',
  'issue_date',
  'due_date',
  'currency',
] as const;
export const CSV_OPTIONAL_COLUMNS = [
  'segment',
  'contact_name',
  'email',
  'phone',
  'consent_email',
  'amount',
  'amount_minor',
] as const;
