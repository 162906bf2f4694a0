import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProductivityBlock } from '@recoup/contracts';
import { scopedAccounts } from './kpi-scope.ts';
import type { ResolvedFilters } from './kpi-filters.ts';
import { join, sql } from './sql.ts';

interface Row {
  id: string;
  name: string;
  email: string;
  tasks_closed: number;
  promises: number;
  promised: string;
  collected: string;
}

/**
 * Per collector, in the period and on the scoped accounts: tasks they closed (done, by them), promises they
 * recorded (count in every currency, amount in the dashboard's), and money applied in the period to invoices of
 * the accounts assigned to them now (there is no assignment history to do better).
 */
export const productivityQuery = async (em: EntityManager, filters: ResolvedFilters): Promise<ProductivityBlock> => {
  const collector = filters.collectorId === null ? sql`` : sql` and u.id = ${filters.collectorId}::uuid`;
  // A manager's rows are their team's collectors.
  const team =
    filters.team === null
      ? sql``
      : filters.team.length === 0
        ? sql` and false`
        : sql` and u.id in (${join(
            filters.team.map((member) => sql`${member}::uuid`),
            ', ',
          )})`;
  const query = sql`with scoped as (${scopedAccounts(filters)}),
    closed as (
      select t.completed_by as user_id, count(*)::int as n
        from collector_task t join scoped s on s.id = t.account_id
       where t.status = 'done' and t.completed_at >= ${filters.startTs}::timestamptz and t.completed_at < ${filters.endTs}::timestamptz
       group by 1
    ),
    promised as (
      select pr.created_by as user_id, count(*)::int as n,
             coalesce(sum(pr.amount_minor) filter (where pr.currency = ${filters.currency}), 0) as amount
        from promise pr join scoped s on s.id = pr.account_id
       where pr.created_at >= ${filters.startTs}::timestamptz and pr.created_at < ${filters.endTs}::timestamptz
       group by 1
    ),
    collected as (
      select s.assigned_collector_id as user_id, sum(al.amount_minor) as amount
        from allocation al
        join payment p on p.id = al.payment_id
        join invoice i on i.id = al.invoice_id
        join scoped s on s.id = i.account_id
       where i.currency = ${filters.currency} and s.assigned_collector_id is not null
         and least(al.created_at, p.received_at) >= ${filters.startTs}::timestamptz
         and least(al.created_at, p.received_at) < ${filters.endTs}::timestamptz
       group by 1
    )
    select u.id, u.name, u.email, coalesce(c.n, 0) as tasks_closed, coalesce(pm.n, 0) as promises,
           coalesce(pm.amount, 0)::text as promised, coalesce(col.amount, 0)::text as collected
      from app_user u
      left join closed c on c.user_id = u.id
      left join promised pm on pm.user_id = u.id
      left join collected col on col.user_id = u.id
     where u.role = 'collector'${collector}${team}
     order by u.name, u.id`;
  const rows = await em.execute<Row[]>(query.text, [...query.params]);
  return {
    rows: rows.map((row) => ({
      collectorId: row.id,
      name: row.name,
      email: row.email,
      tasksClosed: Number(row.tasks_closed),
      promisesObtained: Number(row.promises),
      promisedMinor: row.promised,
      collectedMinor: row.collected,
    })),
  };
};
