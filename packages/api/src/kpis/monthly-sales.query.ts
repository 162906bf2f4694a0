import type { EntityManager } from '@mikro-orm/postgresql';
import { calendarDaysBetween, type MonthOfSales } from '@recoup/domain';
import { scopedAccounts } from './kpi-scope.ts';
import type { ResolvedFilters } from './kpi-filters.ts';
import { sql } from './sql.ts';

/** How far countback DSO walks back before calling the AR older than the history. */
export const COUNTBACK_MONTHS = 24;

export interface SalesMonth extends MonthOfSales {
  /** YYYY-MM */
  month: string;
}

/**
 * Credit sales per calendar month, latest first, for countback DSO: the month holding `to` counts its days up to
 * and including `to` (and the sales in them), every earlier month in full.
 */
export const monthlySalesQuery = async (em: EntityManager, filters: ResolvedFilters): Promise<SalesMonth[]> => {
  const months = monthsBack(filters.to, COUNTBACK_MONTHS);
  const first = months[months.length - 1]?.start ?? filters.to;
  const query = sql`with scoped as (${scopedAccounts(filters)})
    select to_char(i.issue_date, 'YYYY-MM') as month, sum(i.amount_minor)::text as sales
      from invoice i join scoped s on s.id = i.account_id
     where i.currency = ${filters.currency} and i.status <> 'cancelled'
       and i.issue_date >= ${first}::date and i.issue_date <= ${filters.to}::date
     group by 1`;
  const rows = await em.execute<{ month: string; sales: string }[]>(query.text, [...query.params]);
  const sales = new Map(rows.map((row) => [row.month, BigInt(row.sales)]));
  return months.map((m) => ({ month: m.month, days: m.days, salesMinor: sales.get(m.month) ?? 0n }));
};

function monthsBack(to: string, count: number): { month: string; start: string; days: number }[] {
  const [year = 0, month = 1] = to.split('-').map(Number);
  const result: { month: string; start: string; days: number }[] = [];
  for (let i = 0; i < count; i++) {
    const first = new Date(Date.UTC(year, month - 1 - i, 1));
    const start = first.toISOString().slice(0, 10);
    const nextStart = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
    const days = i === 0 ? calendarDaysBetween(start, to) + 1 : calendarDaysBetween(start, nextStart);
    result.push({ month: start.slice(0, 7), start, days });
  }
  return result;
}
