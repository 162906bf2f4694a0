import type { EntityManager } from '@mikro-orm/postgresql';
import type { PromiseTally } from '@recoup/domain';
import { scopedAccounts } from './kpi-scope.ts';
import type { ResolvedFilters } from './kpi-filters.ts';
import { sql } from './sql.ts';

interface Row {
  kept_count: number;
  broken_count: number;
  kept: string;
  broken: string;
}

/**
 * Kept and broken promises (plan instalments included) dated inside the period whose date has passed (before
 * today). Promises still in their grace days are open, and cancelled ones neither kept nor broken: both stay out.
 * Amounts are the promised amounts.
 */
export const promisesQuery = async (em: EntityManager, filters: ResolvedFilters): Promise<PromiseTally> => {
  const query = sql`with scoped as (${scopedAccounts(filters)})
    select count(*) filter (where pr.status = 'kept')::int as kept_count,
           count(*) filter (where pr.status = 'broken')::int as broken_count,
           coalesce(sum(pr.amount_minor) filter (where pr.status = 'kept'), 0)::text as kept,
           coalesce(sum(pr.amount_minor) filter (where pr.status = 'broken'), 0)::text as broken
      from promise pr join scoped s on s.id = pr.account_id
     where pr.currency = ${filters.currency}
       and pr.due_date >= ${filters.from}::date and pr.due_date <= ${filters.to}::date and pr.due_date < ${filters.today}::date`;
  const [row] = await em.execute<Row[]>(query.text, [...query.params]);
  return {
    keptCount: Number(row?.kept_count ?? 0),
    brokenCount: Number(row?.broken_count ?? 0),
    keptMinor: BigInt(row?.kept ?? 0),
    brokenMinor: BigInt(row?.broken ?? 0),
  };
};
