import type { EntityManager } from '@mikro-orm/postgresql';
import { AccountMissingError } from '../errors.ts';

/**
 * The amount under open disputes per invoice of one account (`?` is the account id), to join as `d` on
 * `d.invoice_id`. Each query caps it by the invoice's open amount, since a payment can lower an invoice below what
 * was disputed on it.
 */
export const DISPUTED_BY_INVOICE = `(
         select di.invoice_id, sum(di.amount_minor) as disputed
           from dispute_item di join dispute ds on ds.id = di.dispute_id
          where ds.status = 'open' and ds.account_id = ?
          group by di.invoice_id
       )`;

/** What an account owes in its own currency, and how much of it can be collected now. Minor units. */
export interface CollectibleAmounts {
  currency: string;
  /** Sum of open invoices. */
  openMinor: bigint;
  /** The part of openMinor under open disputes: each item counts at most what its invoice still has open. */
  disputedMinor: bigint;
  /** openMinor - disputedMinor: what reminders, promises and plans may ask for. */
  collectibleMinor: bigint;
}

interface Row {
  currency: string;
  open: string;
  disputed: string;
}

/**
 * Open, disputed and collectible amounts of one account in its currency. A payment can lower an invoice below
 * what was disputed on it, so the disputed part is capped by the invoice's open amount.
 */
export async function collectibleAmounts(em: EntityManager, accountId: string): Promise<CollectibleAmounts> {
  const rows = await em.execute<Row[]>(
    `select a.currency,
            coalesce(sum(i.open_minor), 0)::text as open,
            coalesce(sum(least(i.open_minor, coalesce(d.disputed, 0))), 0)::text as disputed
       from account a
       left join invoice i on i.account_id = a.id and i.currency = a.currency and i.status = 'open'
       left join ${DISPUTED_BY_INVOICE} d on d.invoice_id = i.id
      where a.id = ?
      group by a.id`,
    [accountId, accountId],
  );
  const row = rows[0];
  if (!row) throw new AccountMissingError(`Account ${accountId} does not exist.`);
  const openMinor = BigInt(row.open);
  const disputedMinor = BigInt(row.disputed);
  return { currency: row.currency.trim(), openMinor, disputedMinor, collectibleMinor: openMinor - disputedMinor };
}

/** The time zone of the debtor's wall clock: the primary contact's, else the account's. */
export async function debtorTimeZone(em: EntityManager, accountId: string): Promise<string> {
  const rows = await em.execute<{ time_zone: string }[]>(
    `select coalesce(
        (select c.time_zone from contact c where c.account_id = a.id order by c.is_primary desc, c.created_at asc limit 1),
        a.time_zone) as time_zone
       from account a where a.id = ?`,
    [accountId],
  );
  const row = rows[0];
  if (!row) throw new AccountMissingError(`Account ${accountId} does not exist.`);
  return row.time_zone;
}
