import { fillInOrder, readTypedAmount, type TypedAmount } from './cash-money.ts';

// The arithmetic of a manual match, apart from the form: what each typed amount is, what is left, and whether
// the server would take it. All in bigint minor units.

export interface OpenInvoice {
  id: string;
  number: string;
  dueDate: string;
  openMinor: bigint;
}

export interface MatchPlan {
  allocations: { invoiceId: string; amountMinor: bigint }[];
  allocatedMinor: bigint;
  /** What stays on the account as credit; negative when more is allocated than the line brings. */
  remainderMinor: bigint;
  /** Per invoice id: why its amount cannot be sent. */
  problems: Map<string, string>;
}

export function planMatch(lineMinor: bigint, currency: string, invoices: readonly OpenInvoice[], typed: Readonly<Record<string, string>>): MatchPlan {
  const allocations: MatchPlan['allocations'] = [];
  const problems = new Map<string, string>();
  let allocatedMinor = 0n;
  for (const invoice of invoices) {
    const amount: TypedAmount = readTypedAmount(typed[invoice.id] ?? '', currency);
    switch (amount.kind) {
      case 'empty':
        break;
      case 'invalid':
        problems.set(invoice.id, amount.reason);
        break;
      case 'amount':
        if (amount.minor > invoice.openMinor) problems.set(invoice.id, `more than the ${invoice.number} still owes`);
        allocations.push({ invoiceId: invoice.id, amountMinor: amount.minor });
        allocatedMinor += amount.minor;
        break;
    }
  }
  return { allocations, allocatedMinor, remainderMinor: lineMinor - allocatedMinor, problems };
}

/** The amounts the oldest-first rule would type in: each invoice by due date up to what it owes. */
export function oldestFirst(lineMinor: bigint, invoices: readonly OpenInvoice[]): Map<string, bigint> {
  const sorted = [...invoices].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  return new Map(fillInOrder(sorted, (i) => i.openMinor, lineMinor).map((share) => [share.item.id, share.amountMinor]));
}
