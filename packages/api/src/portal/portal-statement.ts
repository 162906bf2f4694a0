import type { EntityManager } from '@mikro-orm/postgresql';
import { loadOpenItems, type OpenItem, type OpenItemMoney, type OpenItemTotal } from '@recoup/db';

// What the debtor may see of their account, read with the account id of their session bound into every query:
// nothing here joins to collectors, strategies, workflows or any other account.

export type PortalMoney = OpenItemMoney;

export type PortalOpenInvoice = OpenItem;

export interface PortalPaidInvoice {
  id: string;
  number: string;
  issueDate: string;
  dueDate: string;
  amount: PortalMoney;
  /** The day its last payment arrived. */
  paidOn: string | null;
}

export interface PortalPayment {
  id: string;
  receivedAt: string;
  amount: PortalMoney;
  reference: string;
  unallocatedMinor: string;
  allocations: { invoiceNumber: string; amountMinor: string }[];
}

export interface PortalStatement {
  account: { id: string; name: string; ref: string; currency: string };
  contact: { name: string; postalAddress: string | null };
  /** Ordered by due date. */
  open: PortalOpenInvoice[];
  recentlyPaid: PortalPaidInvoice[];
  payments: PortalPayment[];
  /** Per currency: what is open, what of it is overdue, and what is asked for (open less disputed). */
  totals: OpenItemTotal[];
  asOf: string;
}

/** How far back paid invoices and payments are listed. */
const HISTORY_DAYS = 365;

const day = (value: Date | string): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

export async function loadPortalStatement(em: EntityManager, accountId: string, contactId: string, now: Date): Promise<PortalStatement | null> {
  const [account] = await em.execute<{ id: string; name: string; external_ref: string; currency: string }[]>(
    `select id, name, external_ref, currency from account where id = ?`,
    [accountId],
  );
  if (!account) return null;
  const [contact] = await em.execute<{ name: string; postal_address: string | null }[]>(
    `select name, postal_address from contact where id = ? and account_id = ?`,
    [contactId, accountId],
  );
  if (!contact) return null;
  const today = day(now);
  const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);

  const { open, totals } = await loadOpenItems(em, accountId, today);
  const paid = await em.execute<
    { id: string; number: string; issue_date: string; due_date: string; currency: string; amount_minor: string; paid_on: string | null }[]
  >(
    `select i.id, i.number, to_char(i.issue_date, 'YYYY-MM-DD') as issue_date, to_char(i.due_date, 'YYYY-MM-DD') as due_date,
            i.currency, i.amount_minor::text, to_char(max(p.received_at), 'YYYY-MM-DD') as paid_on
       from invoice i
       left join allocation a on a.invoice_id = i.id
       left join payment p on p.id = a.payment_id and p.reversed_at is null
      where i.account_id = ? and i.status = 'paid'
      group by i.id
     having coalesce(max(p.received_at), i.due_date) >= ?
      order by max(p.received_at) desc nulls last, i.number
      limit 100`,
    [accountId, since],
  );
  const payments = await em.execute<
    { id: string; received_at: Date; amount_minor: string; currency: string; reference: string; unallocated_minor: string; allocations: { invoiceNumber: string; amountMinor: string }[] | null }[]
  >(
    `select p.id, p.received_at, p.amount_minor::text, p.currency, p.reference, p.unallocated_minor::text,
            (select json_agg(json_build_object('invoiceNumber', i.number, 'amountMinor', a.amount_minor::text) order by i.due_date, i.number)
               from allocation a join invoice i on i.id = a.invoice_id where a.payment_id = p.id) as allocations
       from payment p
      where p.account_id = ? and p.reversed_at is null and p.received_at >= ?
      order by p.received_at desc
      limit 100`,
    [accountId, since],
  );

  return {
    account: { id: account.id, name: account.name, ref: account.external_ref, currency: account.currency.trim() },
    contact: { name: contact.name, postalAddress: contact.postal_address },
    open,
    recentlyPaid: paid.map((row) => ({
      id: row.id,
      number: row.number,
      issueDate: row.issue_date,
      dueDate: row.due_date,
      amount: { amountMinor: row.amount_minor, currency: row.currency.trim() },
      paidOn: row.paid_on,
    })),
    payments: payments.map((row) => ({
      id: row.id,
      receivedAt: new Date(row.received_at).toISOString(),
      amount: { amountMinor: row.amount_minor, currency: row.currency.trim() },
      reference: row.reference,
      unallocatedMinor: row.unallocated_minor,
      allocations: row.allocations ?? [],
    })),
    totals,
    asOf: today,
  };
}
