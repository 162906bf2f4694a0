// Inputs and results of the cash-application matcher. Amounts are bigint minor units in the line's currency.

export interface OpenInvoice {
  invoiceId: string;
  number: string;
  /** YYYY-MM-DD; oldest first is the default order of application. */
  dueDate: string;
  openMinor: bigint;
}

export interface MatchAccount {
  accountId: string;
  /** The customer number the creditor gave the debtor; debtors quote it in remittance text. */
  externalRef: string;
  name: string;
  currency: string;
  openInvoices: readonly OpenInvoice[];
}

export interface StatementLine {
  amountMinor: bigint;
  currency: string;
  /** Free remittance text (unstructured) and any structured reference the bank passed on. */
  remittance: string;
  payerName?: string;
  /** A customer reference the bank file carries on its own (e.g. a creditor reference or mandate id). */
  customerRef?: string;
}

export const MATCH_RULES = [
  'invoice-reference',
  'customer-exact-amount',
  'multiple-invoices',
  'partial-payment',
  'overpayment',
  'short-payment',
  'payer-name',
  'none',
] as const;
export type MatchRule = (typeof MATCH_RULES)[number];

export interface Allocation {
  invoiceId: string;
  amountMinor: bigint;
}

export interface MatchProposal {
  /** matched: apply it; exception: a person decides (the proposal, if any, is a suggestion). */
  status: 'matched' | 'exception';
  accountId: string | null;
  allocations: Allocation[];
  /** Paid beyond what the allocations cover: left as unapplied credit on the account. */
  unappliedMinor: bigint;
  /** Left open on a referenced invoice the line fell short of (a deduction or dispute to look into). */
  residualMinor: bigint;
  rule: MatchRule;
  /** 0 to 1. */
  confidence: number;
  reason: string;
}

export interface MatchOptions {
  /** Proposals below this confidence go to the exception queue. Default 0.75. */
  threshold?: number;
  /** How many of an account's oldest invoices the multiple-invoice search considers. Default 16. */
  subsetSearchLimit?: number;
  /**
   * The accounts (ids in the index) the payer's name may belong to, when the caller found them itself (a database
   * lookup by name). Without it, the payer is compared with every account of the index.
   */
  payerCandidates?: readonly string[];
}
