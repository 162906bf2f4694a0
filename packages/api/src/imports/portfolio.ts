import type { CustomerType, ImportRowProblem } from '@recoup/contracts';

// The import formats (CSV, JSON) are both read into this one shape, so every later check and the writing code
// exist once.

export interface PortfolioInvoice {
  number: string;
  issueDate: string;
  dueDate: string;
  amountMinor: bigint;
  currency: string;
  /** Source line (CSV) or account entry (JSON), 1-based. */
  line: number;
  /** Field path used when this invoice has a problem found later (duplicate number). */
  numberField: string;
}

export interface PortfolioContact {
  name: string;
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
  timeZone: string | null;
  isPrimary: boolean;
  consent: { email: boolean; sms: boolean; phone: boolean; letter: boolean };
}

export interface PortfolioAccount {
  externalRef: string;
  name: string;
  customerType: CustomerType;
  segment: string | null;
  currency: string;
  timeZone: string;
  contacts: PortfolioContact[];
  invoices: PortfolioInvoice[];
  lines: number[];
  problems: ImportRowProblem[];
}

export interface PortfolioParse {
  rowsTotal: number;
  accounts: PortfolioAccount[];
  /** Bad rows that belong to no account (no account reference), skipped on their own in valid-only mode. */
  orphans: { line: number; problems: ImportRowProblem[] }[];
  /** Problems that make the whole file unusable (missing columns, broken quoting): never partially imported. */
  fatal: ImportRowProblem[];
}

/** Flags duplicate invoice numbers within the file; the first occurrence stays valid. */
export const flagDuplicateInvoiceNumbers = (accounts: PortfolioAccount[]): void => {
  const seen = new Map<string, number>();
  for (const account of accounts) {
    for (const invoice of account.invoices) {
      const first = seen.get(invoice.number);
      if (first === undefined) {
        seen.set(invoice.number, invoice.line);
      } else {
        account.problems.push({
          line: invoice.line,
          field: invoice.numberField,
          reason: `duplicate invoice number ${invoice.number} (already on line ${first} of this file)`,
        });
      }
    }
  }
};

/** Flags invoice numbers that already exist in the database. */
export const flagExistingInvoiceNumbers = (accounts: PortfolioAccount[], existing: ReadonlySet<string>): void => {
  for (const account of accounts) {
    for (const invoice of account.invoices) {
      if (existing.has(invoice.number)) {
        account.problems.push({
          line: invoice.line,
          field: invoice.numberField,
          reason: `invoice number ${invoice.number} was already imported`,
        });
      }
    }
  }
};

/** Problems as the import lists them: by line, then field. */
export const sortedProblems = (problems: ImportRowProblem[]): ImportRowProblem[] =>
  problems.sort((a, b) => a.line - b.line || a.field.localeCompare(b.field));
