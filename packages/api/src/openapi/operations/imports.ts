import {
  CSV_OPTIONAL_COLUMNS,
  CSV_REQUIRED_COLUMNS,
  idParamsSchema,
  importBatchViewSchema,
  importQuerySchema,
  importResultSchema,
  portfolioImportRequestSchema,
} from '@recoup/contracts';
import { file, json, MANAGERS, type Operations } from '../operation.ts';

const IMPORT_OUTCOME =
  'With `mode=all-or-nothing` (the default) a single problem refuses the whole file and nothing is stored; with `mode=valid-only` each good account is imported and the others are listed in `skipped`. Either way every problem is reported with its line and field. ' +
  'Accounts are matched by their reference: a new one is created, a stored one the caller may work on is updated, and invoice numbers already stored are refused. ' +
  "The answer comes once the import is committed and its accounts' collection workflows have started, or after a while with `workflowStatus` saying how far the starting had got; the rest goes on in the background (see GET /api/imports/:id). " +
  'A long answer is kept alive with leading spaces before the JSON. Only a few imports run at a time per server; one more is refused with Retry-After before its file is read.';

export const importOperations: Operations = {
  'POST /api/imports/portfolio': {
    tag: 'imports',
    summary: 'Import a portfolio of accounts, contacts and invoices as JSON',
    description: IMPORT_OUTCOME,
    access: MANAGERS,
    query: importQuerySchema,
    body: {
      schema: portfolioImportRequestSchema,
      contentType: 'application/json',
      checkedOffRequest: true,
      description:
        '`{ "accounts": [...] }`, UTF-8 (or UTF-16 when the charset says so), read as a bounded stream. Each entry is checked on its own as an account: `externalRef`, `name`, `customerType`, optional `segment`, `currency`, `timeZone`, `contacts` and `invoices` (`number`, `issueDate`, `dueDate`, `amount`), so a bad entry is reported by its position rather than refusing the body.',
      required: true,
    },
    responses: { 201: json('What the import wrote and how far the starting of its workflows got.', importResultSchema) },
  },
  'POST /api/imports/portfolio.csv': {
    tag: 'imports',
    summary: 'Import a portfolio from a CSV file, one row per invoice',
    description: IMPORT_OUTCOME,
    access: MANAGERS,
    query: importQuerySchema,
    body: {
      contentType: 'text/csv',
      description: `The CSV file with a header row, read as a bounded stream; the charset is the one the content type names, UTF-8 when none. Required columns: ${CSV_REQUIRED_COLUMNS.join(', ')}, and one of amount (major units) or amount_minor. Optional: ${CSV_OPTIONAL_COLUMNS.filter((column) => column !== 'amount' && column !== 'amount_minor').join(', ')}. The account columns repeat on every row of the account and must agree. Problems name the 1-based line, the header being line 1.`,
      required: true,
    },
    responses: { 201: json('What the import wrote and how far the starting of its workflows got.', importResultSchema) },
  },
  'GET /api/imports/:id': {
    tag: 'imports',
    summary: 'An import batch, with the problems found and the state of its workflow starts',
    access: MANAGERS,
    params: idParamsSchema,
    responses: { 200: json('The batch.', importBatchViewSchema) },
  },
  'GET /api/imports/:id/raw': {
    tag: 'imports',
    summary: 'Download the file of an import as it was uploaded',
    description:
      'Offered as an attachment under the uploaded file name. A CSV import comes back as text/csv, a JSON import as application/json; the body is the uploaded bytes, never parsed.',
    access: MANAGERS,
    params: idParamsSchema,
    responses: { 200: file('The uploaded file (text/csv for a CSV import, application/json for a JSON one).', ['text/csv', 'application/json']) },
  },
};
