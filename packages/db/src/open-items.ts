import type { EntityManager } from '@mikro-orm/postgresql';
import { DISPUTED_BY_INVOICE } from './promises/collectible.ts';

// What an account owes, item by item, as the debtor is shown it: in the portal, on its statement and in a letter.

export interface OpenItemMoney {
  amountMinor: string;
  currency: string;
}

export interface OpenItem {
  id: string;
  number: string;
  issueDate: string;
  dueDate: string;
  amount: OpenItemMoney;
  open: OpenItemMoney;
  /** The part under an open dispute: shown, but not asked for. */
  disputedMinor: string;
  daysOverdue: number;
}

/** Per currency: what is open, what of it is overdue on `today`, and what is asked for (open less disputed). */
export interface OpenItemTotal {
  currency: string;
  openMinor: string;
  overdueMinor: string;
  payableMinor: string;
}

/** The account's open invoices by due date, and their totals per currency, as of `today` ("YYYY-MM-DD"). */
export async function loadOpenItems(em: EntityManager, accountId: string, today: string): Promise<{ open: OpenItem[]; totals: OpenItemTotal[] }> {
  const rows = await em.execute<
    { id: string; number: string; issue_date: string; due_date: string; currency: string; amount_minor: string; open_minor: string; disputed: string }[]
  >(
    `select i.id, i.number, to_char(i.issue_date, 'YYYY-MM-DD') as issue_date, to_char(i.due_date, 'YYYY-MM-DD') as due_date,
            i.currency, i.amount_minor::text, i.open_minor::text, least(i.open_minor, coalesce(d.disputed, 0))::text as disputed
       from invoice i
       left join ${DISPUTED_BY_INVOICE} d on d.invoice_id = i.id
      where i.account_id = ? and i.status = 'open' and i.open_minor > 0
      order by i.due_date, i.number`,
    [accountId, accountId],
  );
  const totals = new Map<string, { openMinor: bigint; overdueMinor: bigint; payableMinor: bigint }>();
  const open = rows.map((row): OpenItem => {
    const currency = row.currency.trim();
    const openMinor = BigInt(row.open_minor);
    const total = totals.get(currency) ?? { openMinor: 0n, overdueMinor: 0n, payableMinor: 0n };
    total.openMinor += openMinor;
    if (row.due_date < today) total.overdueMinor += openMinor;
    total.payableMinor += openMinor - BigInt(row.disputed);
    totals.set(currency, total);
    return {
      id: row.id,
      number: row.number,
      issueDate: row.issue_date,
      dueDate: row.due_date,
      amount: { amountMinor: row.amount_minor, currency },
      open: { amountMinor: row.open_minor, currency },
      disputedMinor: row.disputed,
      daysOverdue: Math.max(0, Math.round((Date.parse(today) - Date.parse(row.due_date)) / 86_400_000)),
    };
  });
  return {
    open,
    totals: [...totals].map(([currency, t]) => ({
      currency,
      openMinor: t.openMinor.toString(),
      overdueMinor: t.overdueMinor.toString(),
      payableMinor: t.payableMinor.toString(),
    })),
  };
}
