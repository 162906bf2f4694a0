import { DomainError } from '../errors.ts';

// What every bank-statement parser produces: the file's statements (one per account and period), and their entries,
// amounts in bigint minor units of the entry's currency. Nothing is converted between currencies.

export type StatementFormat = 'camt.053' | 'camt.054' | 'mt940' | 'bai2' | 'csv';

export interface StatementEntry {
  /**
   * The bank's own reference for the transaction, only when the file gives a real one: never NONREF, NOTPROVIDED,
   * an empty field, or a position in the file. Without one, a transaction is known by its statement and its place.
   */
  bankRef: string | null;
  customerRef: string | null;
  direction: 'credit' | 'debit';
  /** Zero is valid: banks report zero-amount lines (fees waived, information), which are kept but never applied. */
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
  /**
   * Why this entry must not be applied without a person, when the file itself leaves its money in doubt (a batch
   * transaction that carried no amount of its own and shows the whole batch's).
   */
  doubt?: string;
}

/** A balance as the statement states it: signed minor units (negative is a debit balance). */
export interface StatementBalance {
  date: string;
  amountMinor: bigint;
  source: string;
}

/** The statement's own arithmetic does not hold: opening balance plus entries is not the closing balance, or a control total or count is off. */
export interface StatementImbalance {
  where: string;
  message: string;
  /** Stated minus computed, in minor units of the statement's currency; null for a count that is off. */
  differenceMinor: bigint | null;
}

/** One statement of a file: one account, one period (one MT940 :20: block, one camt Stmt or Ntfctn, one BAI2 03 account). */
export interface StatementAccount {
  accountNumber: string;
  currency: string;
  entries: StatementEntry[];
  /**
   * What the file says identifies this statement at its bank (statement and sequence numbers, period, message id),
   * as name=value pairs. With the account, the balances and the entries, it tells the same statement in another file.
   */
  identity?: string[];
  opening?: StatementBalance;
  closing?: StatementBalance;
  imbalances?: StatementImbalance[];
  /** Information the bank gives for the statement as a whole (MT940 :86: after the closing balance, camt AddtlStmtInf). */
  information?: string;
  /** Where the statement starts in the file. */
  source?: string;
}

export interface ParsedStatement {
  format: StatementFormat;
  /** A label for the file as its bank names it (file or message id, statement numbers); not its identity. */
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

/** The signed effect of an entry on the account's balance. */
export const signedAmount = (entry: Pick<StatementEntry, 'direction' | 'amountMinor'>): bigint =>
  entry.direction === 'credit' ? entry.amountMinor : -entry.amountMinor;

/** Opening balance plus entries against the closing balance, when the statement states both. */
export function balanceCheck(
  statement: Pick<StatementAccount, 'opening' | 'closing' | 'currency'>,
  moved: bigint,
): StatementImbalance | null {
  const { opening, closing } = statement;
  if (!opening || !closing) return null;
  const computed = opening.amountMinor + moved;
  if (computed === closing.amountMinor) return null;
  return {
    where: closing.source,
    message: `the opening balance ${opening.amountMinor} and the entries (${moved}) come to ${computed} minor units of ${statement.currency}, but the closing balance is ${closing.amountMinor}.`,
    differenceMinor: closing.amountMinor - computed,
  };
}
