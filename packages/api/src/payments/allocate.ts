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

/** Oldest due date first (then issue date, then number, so the order is total and repeatable). */
export const planAllocations = (invoices: readonly OpenInvoice[], amountMinor: bigint): PlannedAllocation[] => {
  const ordered = [...invoices].sort(
    (a, b) =>
      a.dueDate.localeCompare(b.dueDate) || a.issueDate.localeCompare(b.issueDate) || a.number.localeCompare(b.number),
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
