import type { EntityManager } from '@mikro-orm/postgresql';
import { DISPUTED_BY_INVOICE, loadAccountPredictions } from '@recoup/db';
import { bucketOf, type FactValues } from '@recoup/domain';
import { WorkflowsError } from '../errors.ts';
import type { RecoupErrorOptions } from '@recoup/domain';

/** Every fact of the registry (packages/domain facts.ts), plus the oldest due date the engine's snapshot needs. */
export interface AccountFacts extends FactValues {
  oldestDueDate: string | null;
}

interface FactsRow {
  customer_type: 'consumer' | 'business';
  segment: string;
  tags: string[];
  risk_score: number | null;
  currency: string;
  total_open: string;
  overdue: string;
  disputed: string;
  open_count: string;
  oldest_due: string | null;
  reminders: string;
  last_contact: Date | null;
  contacts_7d: string;
  latest_promise: 'open' | 'kept' | 'broken' | 'cancelled' | null;
  kept: string;
  broken: string;
  dispute_open: boolean;
}

export class AccountNotFoundError extends WorkflowsError {
  override readonly name = 'AccountNotFoundError';
  constructor(message: string, options?: RecoupErrorOptions) {
    super('not-found', 'account-missing', message, options);
  }
}

/** Sums in minor units fit a JS number exactly up to 2^53; a larger balance is refused, never rounded. */
function safeNumber(value: string, field: string): number {
  const n = BigInt(value);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${field} exceeds the exact integer range of a rule fact.`);
  return Number(n);
}

const DAY_MS = 86_400_000;

/**
 * Computes the facts for one account from the database, in the account's currency. The disputed part of each
 * invoice (capped by what it still has open) is left out of every dunning figure. The predicted facts come from
 * the latest scoring of the open invoices by the active payment model (see the model-training workflow).
 */
export async function loadAccountFacts(em: EntityManager, accountId: string, now: Date): Promise<AccountFacts> {
  const rows = await em.execute<FactsRow[]>(
    `with items as (
       select i.due_date, i.open_minor - least(i.open_minor, coalesce(d.disputed, 0)) as collectible,
              least(i.open_minor, coalesce(d.disputed, 0)) as disputed
         from invoice i
         join account a on a.id = i.account_id and a.currency = i.currency
         left join ${DISPUTED_BY_INVOICE} d on d.invoice_id = i.id
        where i.account_id = ? and i.status = 'open'
     )
     select a.customer_type, a.segment, a.tags, a.risk_score, a.currency,
            (select coalesce(sum(collectible), 0) from items)::text as total_open,
            (select coalesce(sum(collectible), 0) from items
              where due_date < (?::timestamptz at time zone 'UTC')::date)::text as overdue,
            (select coalesce(sum(disputed), 0) from items)::text as disputed,
            (select count(*) from items where collectible > 0)::text as open_count,
            (select to_char(min(due_date), 'YYYY-MM-DD') from items where collectible > 0) as oldest_due,
            (select count(*) from communication c where c.account_id = a.id and c.status = 'sent')::text as reminders,
            greatest(
              (select max(c.sent_at) from communication c where c.account_id = a.id and c.status = 'sent'),
              (select max(ca.placed_at) from call_attempt ca where ca.account_id = a.id)
            ) as last_contact,
            ((select count(*) from communication c
               where c.account_id = a.id and c.status = 'sent' and c.sent_at > ?::timestamptz - interval '7 days')
             + (select count(*) from call_attempt ca
               where ca.account_id = a.id and ca.placed_at > ?::timestamptz - interval '7 days'))::text as contacts_7d,
            (select p.status from promise p where p.account_id = a.id and p.status <> 'cancelled'
              order by p.created_at desc, p.id desc limit 1) as latest_promise,
            (select count(*) from promise p where p.account_id = a.id and p.status = 'kept')::text as kept,
            (select count(*) from promise p where p.account_id = a.id and p.status = 'broken')::text as broken,
            exists (select 1 from dispute ds where ds.account_id = a.id and ds.status = 'open') as dispute_open
       from account a
      where a.id = ?`,
    [accountId, accountId, now.toISOString(), now.toISOString(), now.toISOString(), accountId],
  );
  const row = rows[0];
  if (!row) throw new AccountNotFoundError(`Account ${accountId} does not exist.`);
  const predicted = (await loadAccountPredictions(em, [accountId])).get(accountId);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const daysPastDue = row.oldest_due ? Math.max(0, Math.round((today - Date.parse(`${row.oldest_due}T00:00:00Z`)) / DAY_MS)) : 0;
  const lastContact = row.last_contact ? new Date(row.last_contact) : null;
  return {
    daysPastDue,
    overdueAmountMinor: safeNumber(row.overdue, 'overdueAmountMinor'),
    totalOpenMinor: safeNumber(row.total_open, 'totalOpenMinor'),
    openInvoiceCount: Number(row.open_count),
    currentBucket: bucketOf(daysPastDue),
    customerType: row.customer_type,
    segment: row.segment,
    tags: row.tags,
    riskScore: predicted?.riskScore ?? row.risk_score,
    importedRiskScore: row.risk_score,
    lateProbability: predicted?.lateProbability ?? null,
    predictedDaysLate: predicted?.predictedDaysLate ?? null,
    predictedPayDate: predicted?.predictedPayDate ?? null,
    currency: row.currency.trim(),
    remindersSent: Number(row.reminders),
    lastContactAt: lastContact ? lastContact.toISOString() : null,
    daysSinceLastContact: lastContact ? Math.floor((now.getTime() - lastContact.getTime()) / DAY_MS) : null,
    contactsLast7Days: Number(row.contacts_7d),
    promiseStatus: row.latest_promise === null || row.latest_promise === 'cancelled' ? 'none' : row.latest_promise,
    brokenPromises: Number(row.broken),
    keptPromises: Number(row.kept),
    disputeOpen: row.dispute_open,
    disputedAmountMinor: safeNumber(row.disputed, 'disputedAmountMinor'),
    oldestDueDate: row.oldest_due,
  };
}
