import { z } from 'zod';

export const STATEMENT_FORMAT_VALUES = ['camt.053', 'camt.054', 'mt940', 'bai2', 'csv'] as const;

/** POST /api/bank-statements?format=...: the file is the request body, as text. */
export const statementImportQuerySchema = z
  .object({
    format: z.enum(STATEMENT_FORMAT_VALUES),
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

export interface StatementImportResult {
  id: string;
  format: (typeof STATEMENT_FORMAT_VALUES)[number];
  statementRef: string;
  /** True when this very file, or this statement, was imported before: nothing changed. */
  duplicate: boolean;
  lines: number;
  /** Lines stored now; the others were transactions already seen in an earlier statement. */
  newLines: number;
  alreadySeen: number;
}
