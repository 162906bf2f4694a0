import { EMPTY, join, sql, type Sql } from './sql.ts';
import { isScoped, scopedAccounts } from './kpi-scope.ts';
import type { ResolvedFilters } from './kpi-filters.ts';

/** A moment at which the AR is reconstructed: invoices issued before `issuedBefore`, money applied before `ts`. */
export interface ArInstant {
  name: 'start' | 'end' | 'hist';
  /** 00:00 UTC of the day after the last day counted. */
  ts: string;
  /** The first calendar day not counted (YYYY-MM-DD). */
  issuedBefore: string;
}

/**
 * CTEs `scoped`, `inv` and `state`: every invoice of the scoped accounts in the currency with, per instant, its
 * open amount then (`open_<name>`) and what was applied to it before then (`paid_<name>`).
 *
 * The invoice table only holds today's open amount, so a past AR is rebuilt from the ledger: an invoice counts from
 * its issue date, and drops by each allocation and credit note dated before the instant. An allocation row is
 * written when the money is applied, which for imported history or a late match is long after the money arrived,
 * so it is dated by the earlier of its own creation and its payment's receipt: the AR fell when the cash came in.
 * A reversed payment's allocations are deleted, so its money never lowered any AR (the history is restated).
 * Cancelled invoices were never receivable and stay out everywhere.
 */
export const arState = (filters: ResolvedFilters, instants: readonly ArInstant[], lastIssueDay: string): Sql => {
  const paidSums = join(
    instants.map((i) => sql`coalesce(sum(al.amount_minor) filter (where least(al.created_at, p.received_at) < ${i.ts}::timestamptz), 0) as ${raw(`before_${i.name}`)}`),
    ', ',
  );
  const creditSums = join(
    instants.map((i) => sql`coalesce(sum(cn.amount_minor) filter (where cn.created_at < ${i.ts}::timestamptz), 0) as ${raw(`before_${i.name}`)}`),
    ', ',
  );
  const columns = join(
    instants.map(
      (i) => sql`case when inv.issue_date < ${i.issuedBefore}::date
          then inv.amount_minor - coalesce(pd.${raw(`before_${i.name}`)}, 0) - coalesce(cr.${raw(`before_${i.name}`)}, 0) else 0 end as ${raw(`open_${i.name}`)},
        coalesce(pd.${raw(`before_${i.name}`)}, 0) as ${raw(`paid_${i.name}`)}`,
    ),
    ',\n        ',
  );
  // Only a narrowed dashboard joins the scope: the whole portfolio needs no account lookup per invoice.
  const scope = isScoped(filters) ? sql` and i.account_id in (select id from scoped)` : EMPTY;
  // The ledger sums run over the allocation and credit-note tables alone and are joined to the invoices once, so
  // the invoice set is read a single time instead of being materialised (and spilled) for every join.
  return sql`scoped as (${scopedAccounts(filters)}),
    inv as (
      select i.id, i.account_id, i.issue_date, i.due_date, i.amount_minor
        from invoice i
       where i.currency = ${filters.currency} and i.status <> 'cancelled' and i.issue_date <= ${lastIssueDay}::date${scope}
    ),
    paid as (
      select al.invoice_id, ${paidSums}
        from allocation al join payment p on p.id = al.payment_id
       where p.currency = ${filters.currency}
       group by al.invoice_id
    ),
    credited as (
      select cn.invoice_id, ${creditSums}
        from credit_note cn
       where cn.currency = ${filters.currency}
       group by cn.invoice_id
    ),
    state as (
      select inv.id, inv.account_id, inv.issue_date, inv.due_date, inv.amount_minor,
        ${columns}
        from inv left join paid pd on pd.invoice_id = inv.id left join credited cr on cr.invoice_id = inv.id
    )`;
};

/** Column names are fixed by the code above, never taken from input. */
const raw = (text: string): Sql => ({ text: `"${text}"`, params: [] });

/** `case` giving the index of the aging bucket of a day count, for bounds such as [30, 60, 90]. */
export const bucketIndex = (days: Sql, bounds: readonly number[]): Sql => {
  const whens = [sql`when ${days} <= 0 then 0`, ...bounds.map((bound, i) => sql` when ${days} <= ${bound}::int then ${i + 1}::int`)];
  return sql`(case ${join(whens, '')} else ${bounds.length + 1}::int end)`;
};
