import { DomainError } from '../errors.ts';

// What every bank-statement parser produces: the statement, its accounts and their entries, amounts in bigint
// minor units of the entry's currency. Nothing is converted between currencies.

export type StatementFormat = 'camt.053' | 'camt.054' | 'mt940' | 'bai2' | 'csv';

export interface StatementEntry {
  /** The bank's own reference for the transaction: with the statement id, it makes a re-import a no-op. */
  bankRef: string;
  customerRef: string | null;
  direction: 'credit' | 'debit';
  amountMinor: bigint;
  currency: string;
  /** YYYY-MM-DD, or null when the file gives none. */
  valueDate: string | null;
  /** Remittance text and anything else the bank passed on, joined. */
  text: string;
  /** The payer (for a credit) or payee (for a debit) as the bank names them, when the file says. */
  counterparty: string | null;
  /** The bank's transaction code (BAI2 type code, camt BkTxCd, MT940 transaction type). */
  typeCode: string;
  /** A returned, bounced or NSF item: it reverses an earlier payment. */
  returned: boolean;
  /** Where the entry is in the file (a line number, or an XML path), for error messages and the exception queue. */
  source: string;
}

export interface StatementAccount {
  accountNumber: string;
  currency: string;
  entries: StatementEntry[];
}

export interface ParsedStatement {
  format: StatementFormat;
  /** Unique per statement at the sending bank (file id, message id). */
  statementId: string;
  /** YYYY-MM-DD */
  createdOn: string;
  accounts: StatementAccount[];
}

/** A file that cannot be read as a statement; `where` names the line or element. Nothing of it is applied. */
export class StatementParseError extends DomainError {
  override readonly name = 'StatementParseError';
  readonly where: string;

  constructor(where: string, message: string) {
    super('statement-invalid', `${where}: ${message}`);
    this.where = where;
  }
}
