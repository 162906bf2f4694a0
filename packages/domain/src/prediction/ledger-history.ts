// What the ledger knows about one customer, as dated events, for computing payment features at a point in time.
// Every date is an epoch day (days since 1970-01-01, as `parseCalendarDate` returns), so "known before t" is a plain
// integer comparison. The outcome of an invoice (its payments and the day it was settled) sits in the same record as
// the invoice, and the feature code is what keeps it out of sight until its day: see payment-features.ts.

export type InvoiceChannel = 'paper' | 'electronic';

export interface HistoryPayment {
  /** The day the money was applied to the invoice. */
  readonly on: number;
  readonly amountMinor: bigint;
}

export interface HistoryInvoice {
  readonly id: string;
  readonly issuedOn: number;
  readonly dueOn: number;
  readonly amountMinor: bigint;
  /** The exponent of the invoice's currency (2 for EUR), so amounts of different currencies compare in major units. */
  readonly currencyExponent: number;
  /** The ISO currency code, when the source says (the backtest sums per currency). */
  readonly currency?: string;
  /** How the invoice reached the customer; null when the ledger does not say. */
  readonly channel: InvoiceChannel | null;
  /** Money applied to the invoice, in any order. */
  readonly payments: readonly HistoryPayment[];
  /** The day the invoice was paid in full, or null while it is open. */
  readonly settledOn: number | null;
  /** The days disputes about this invoice were opened. */
  readonly disputesOpenedOn: readonly number[];
}

export interface HistoryPromise {
  readonly madeOn: number;
  /** The day the promise was judged kept or broken; null while it is still open. */
  readonly resolvedOn: number | null;
  readonly kept: boolean;
}

export interface HistoryReminder {
  readonly sentOn: number;
  /** The invoice the reminder was about, when it was about one. */
  readonly invoiceId: string | null;
}

export interface CustomerProfile {
  readonly customerId: string;
  /** 'consumer' or 'business'; null when unknown. */
  readonly customerType: string | null;
  readonly segment: string | null;
  readonly country: string | null;
}

export interface CustomerHistory {
  readonly customer: CustomerProfile;
  readonly invoices: readonly HistoryInvoice[];
  readonly promises: readonly HistoryPromise[];
  readonly reminders: readonly HistoryReminder[];
  /** The days the customer opted out of a channel. */
  readonly optOutsOn: readonly number[];
}
