export interface OpenInvoice {
  id: string;
  number: string;
  dueDate: string;
  issueDate: string;
  openMinor: bigint;
}

export interface PlannedAllocation {
  invoice: OpenInvoice;
  amountMinor: bigint;
}

/**
 * The invoices the payer named first, in their order; then oldest due date first (then issue date, then number,
 * so the order is total and repeatable).
 */
export const planAllocations = (invoices: readonly OpenInvoice[], amountMinor: bigint, preferInvoiceIds: readonly string[] = []): PlannedAllocation[] => {
  const rank = new Map(preferInvoiceIds.map((id, index) => [id, index]));
  const ordered = [...invoices].sort(
    (a, b) =>
      (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity) ||
      a.dueDate.localeCompare(b.dueDate) ||
      a.issueDate.localeCompare(b.issueDate) ||
      a.number.localeCompare(b.number),
  );
  const plan: PlannedAllocation[] = [];
  let left = amountMinor;
  for (const invoice of ordered) {
    if (left === 0n) break;
    if (invoice.openMinor <= 0n) continue;
    const share = invoice.openMinor < left ? invoice.openMinor : left;
    plan.push({ invoice, amountMinor: share });
    left -= share;
  }
  return plan;
};
