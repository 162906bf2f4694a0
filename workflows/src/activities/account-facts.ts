import type { EntityManager } from '@mikro-orm/postgresql';

/** The facts a strategy condition can use (see the domain's facts registry). Amounts are minor units. */
export interface AccountFacts {
  daysPastDue: number;
  overdueAmountMinor: number;
  totalOpenMinor: number;
  openInvoiceCount: number;
  customerType: string;
  segment: string;
  riskScore: number | null;
  remindersSent: number;
  currency: string;
  oldestDueDate: string | null;
}

interface FactsRow {
  customer_type: string;
  segment: string;
  risk_score: number | null;
  currency: string;
  total_open: string | null;
  overdue: string | null;
  open_count: string;
  oldest_due: string | null;
  reminders: string;
}

export class AccountNotFoundError extends Error {
  override readonly name = 'AccountNotFoundError';
}

/** Sums in minor units fit a JS number exactly up to 2^53; a larger balance is refused, never rounded. */
function safeNumber(value: string | null, field: string): number {
  const n = BigInt(value ?? '0');
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${field} exceeds the exact integer range of a rule fact.`);
  return Number(n);
}

/** Computes the facts for one account from the database, in the account's currency. */
export async function loadAccountFacts(em: EntityManager, accountId: string, now: Date): Promise<AccountFacts> {
  const rows = await em.execute<FactsRow[]>(
    `select a.customer_type, a.segment, a.risk_score, a.currency,
            sum(i.open_minor) filter (where i.status = 'open')::text as total_open,
            sum(i.open_minor) filter (where i.status = 'open' and i.due_date < (?::timestamptz at time zone 'UTC')::date)::text as overdue,
            count(i.id) filter (where i.status = 'open')::text as open_count,
            to_char(min(i.due_date) filter (where i.status = 'open'), 'YYYY-MM-DD') as oldest_due,
            (select count(*) from communication c where c.account_id = a.id and c.status = 'sent')::text as reminders
       from account a
       left join invoice i on i.account_id = a.id and i.currency = a.currency
      where a.id = ?
      group by a.id`,
    [now.toISOString(), accountId],
  );
  const row = rows[0];
  if (!row) throw new AccountNotFoundError(`Account ${accountId} does not exist.`);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const daysPastDue = row.oldest_due ? Math.max(0, Math.round((today - Date.parse(`${row.oldest_due}T00:00:00Z`)) / 86_400_000)) : 0;
  return {
    daysPastDue,
    overdueAmountMinor: safeNumber(row.overdue, 'overdueAmountMinor'),
    totalOpenMinor: safeNumber(row.total_open, 'totalOpenMinor'),
    openInvoiceCount: Number(row.open_count),
    customerType: row.customer_type,
    segment: row.segment,
    riskScore: row.risk_score,
    remindersSent: Number(row.reminders),
    currency: row.currency.trim(),
    oldestDueDate: row.oldest_due,
  };
}
