/**
 * Where a statement's reconciliation stands, counted from its lines (the truth, whatever the workflow is doing).
 * The database counts it, the API answers it and the web app draws it: this is the one declaration of its shape.
 */
export interface StatementProgress {
  lines: number;
  pending: number;
  applied: number;
  reversed: number;
  exceptions: number;
  skipped: number;
  /** Money received and applied to accounts, per currency (credits that became payments). */
  appliedMinor: { currency: string; amountMinor: string }[];
}
