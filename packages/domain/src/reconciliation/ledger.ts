// The ledger rules every application of money obeys, checked before anything is written. PostgreSQL enforces the
// same rules (CHECK constraints, triggers, a deferred ledger check); checking here first turns a violation into a
// clear refusal naming the invoice, rather than a database error.

export interface LedgerInvoice {
  invoiceId: string;
  number: string;
  accountId: string;
  currency: string;
  status: 'open' | 'paid' | 'cancelled';
  openMinor: bigint;
}

export interface LedgerPayment {
  accountId: string;
  currency: string;
  /** What the payment still has to give: its amount for a new payment. */
  availableMinor: bigint;
}

export interface AllocationRequest {
  invoiceId: string;
  amountMinor: bigint;
}

export type AllocationProblemCode =
  | 'amount-not-positive'
  | 'invoice-unknown'
  | 'invoice-of-other-account'
  | 'invoice-cancelled'
  | 'currency-mismatch'
  | 'above-invoice'
  | 'above-payment';

export interface AllocationProblem {
  code: AllocationProblemCode;
  /** The invoice at fault, when there is one. */
  invoiceId: string | null;
  message: string;
}

/**
 * Every reason the allocations cannot be made, or none. Invoices are those the allocations name, as they stand
 * (locked) now; the same invoice named twice counts twice.
 */
export function checkAllocations(payment: LedgerPayment, allocations: readonly AllocationRequest[], invoices: readonly LedgerInvoice[]): AllocationProblem[] {
  const byId = new Map(invoices.map((i) => [i.invoiceId, i]));
  const problems: AllocationProblem[] = [];
  const taken = new Map<string, bigint>();
  let total = 0n;
  for (const allocation of allocations) {
    const invoice = byId.get(allocation.invoiceId);
    if (allocation.amountMinor <= 0n) {
      problems.push({ code: 'amount-not-positive', invoiceId: allocation.invoiceId, message: `The amount for invoice ${invoice?.number ?? allocation.invoiceId} must be above zero.` });
      continue;
    }
    total += allocation.amountMinor;
    if (!invoice) {
      problems.push({ code: 'invoice-unknown', invoiceId: allocation.invoiceId, message: `There is no invoice ${allocation.invoiceId}.` });
      continue;
    }
    if (invoice.accountId !== payment.accountId) {
      problems.push({ code: 'invoice-of-other-account', invoiceId: invoice.invoiceId, message: `Invoice ${invoice.number} belongs to another account.` });
    }
    if (invoice.status === 'cancelled') {
      problems.push({ code: 'invoice-cancelled', invoiceId: invoice.invoiceId, message: `Invoice ${invoice.number} is cancelled.` });
    }
    if (invoice.currency !== payment.currency) {
      problems.push({
        code: 'currency-mismatch',
        invoiceId: invoice.invoiceId,
        message: `Invoice ${invoice.number} is in ${invoice.currency} and the payment in ${payment.currency}; nothing is converted.`,
      });
    }
    const onInvoice = (taken.get(invoice.invoiceId) ?? 0n) + allocation.amountMinor;
    taken.set(invoice.invoiceId, onInvoice);
    if (onInvoice > invoice.openMinor) {
      problems.push({
        code: 'above-invoice',
        invoiceId: invoice.invoiceId,
        message: `Invoice ${invoice.number} has ${invoice.openMinor} open; ${onInvoice} cannot be applied to it.`,
      });
    }
  }
  if (total > payment.availableMinor) {
    problems.push({ code: 'above-payment', invoiceId: null, message: `The allocations add up to ${total}, more than the ${payment.availableMinor} the payment has.` });
  }
  return problems;
}
