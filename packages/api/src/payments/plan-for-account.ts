import type { EntityManager } from '@mikro-orm/postgresql';
import { Invoice, lockInvoices } from '@recoup/db';
import { planAllocations, type PlannedAllocation } from './allocate.ts';

/**
 * Spreads an amount over the account's open invoices in one currency, oldest due first, or first the invoices the
 * payer named (in their order) and then the rest oldest due first. The invoices are locked first, so the plan is
 * made on the amounts the allocations will meet.
 */
export async function planForAccount(
  em: EntityManager,
  accountId: string,
  currency: string,
  amountMinor: bigint,
  preferInvoiceIds: readonly string[] = [],
): Promise<PlannedAllocation[]> {
  const open = await em.find(
    Invoice,
    { account: accountId, status: 'open', currency, openMinor: { $gt: 0n } },
    { orderBy: { dueDate: 'asc', issueDate: 'asc', number: 'asc' } },
  );

  const locked = new Map((await lockInvoices(em, open.map((i) => i.id))).map((i) => [i.invoiceId, i.openMinor]));
  return planAllocations(
    open.map((invoice) => ({
      id: invoice.id,
      number: invoice.number,
      dueDate: String(invoice.dueDate),
      issueDate: String(invoice.issueDate),
      openMinor: locked.get(invoice.id) ?? 0n,
    })),
    amountMinor,
    preferInvoiceIds,
  );
}
