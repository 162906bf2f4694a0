import type { EntityManager } from '@mikro-orm/postgresql';
import type { CollectorWorkload, Money, QueueWorkload, TeamWorkload } from '@recoup/contracts';

interface CollectorRow {
  id: string;
  name: string;
  email: string;
  active: boolean;
  manager_id: string | null;
  capacity: number;
  skills: string[];
  pools: string[];
  open_tasks: string;
  overdue_tasks: string;
  accounts: string;
  owing_accounts: string;
}

interface BalanceRow {
  collector_id: string | null;
  currency: string;
  open_minor: string;
}

/**
 * Whole percent of capacity used. Both assigners stop giving a collector work at capacity, one counting open tasks
 * and the other owing accounts, so the fuller of the two is what limits the collector.
 */
export const utilisationPercent = (capacity: number, openTasks: number, owingAccounts: number): number | null =>
  capacity <= 0 ? null : Math.floor((Math.max(openTasks, owingAccounts) * 100) / capacity);

const balances = (rows: BalanceRow[], collectorId: string | null): Money[] =>
  rows.filter((row) => row.collector_id === collectorId).map((row) => ({ amountMinor: row.open_minor, currency: row.currency }));

/**
 * Workload of the given collectors (a manager's team, or every collector for an admin) and of the unassigned
 * queue, in four queries whatever the team's size.
 */
export const teamWorkload = async (em: EntityManager, managerId: string | null, now: Date): Promise<TeamWorkload> => {
  const collectors = await em.execute<CollectorRow[]>(
    `select u.id, u.name, u.email, u.active, u.manager_id, u.capacity, u.skills, u.pools,
            (select count(*) from collector_task t where t.assignee_id = u.id and t.status = 'open')::text as open_tasks,
            (select count(*) from collector_task t where t.assignee_id = u.id and t.status = 'open' and t.due_at < ?)::text as overdue_tasks,
            (select count(*) from account a where a.assigned_collector_id = u.id)::text as accounts,
            (select count(*) from account a where a.assigned_collector_id = u.id
                and exists (select 1 from invoice i where i.account_id = a.id and i.status = 'open'))::text as owing_accounts
       from app_user u
      where u.role = 'collector' and (?::uuid is null or u.manager_id = ?::uuid)
      order by u.active desc, u.name, u.email`,
    [now, managerId, managerId],
  );
  const ids = collectors.map((c) => c.id);
  const balanceRows = await em.execute<BalanceRow[]>(
    `select a.assigned_collector_id as collector_id, trim(i.currency) as currency, sum(i.open_minor)::text as open_minor
       from invoice i join account a on a.id = i.account_id
      where i.status = 'open' and (a.assigned_collector_id is null or a.assigned_collector_id = any(?::uuid[]))
      group by a.assigned_collector_id, trim(i.currency)
      order by trim(i.currency)`,
    [`{${ids.join(',')}}`],
  );
  const [queue] = await em.execute<{ open_tasks: string; overdue_tasks: string; accounts: string }[]>(
    `select (select count(*) from collector_task where assignee_id is null and status = 'open')::text as open_tasks,
            (select count(*) from collector_task where assignee_id is null and status = 'open' and due_at < ?)::text as overdue_tasks,
            (select count(*) from account where assigned_collector_id is null)::text as accounts`,
    [now],
  );
  const queueView: QueueWorkload = {
    openTasks: Number(queue?.open_tasks ?? 0),
    overdueTasks: Number(queue?.overdue_tasks ?? 0),
    accounts: Number(queue?.accounts ?? 0),
    openBalance: balances(balanceRows, null),
  };
  return {
    asOf: now.toISOString(),
    collectors: collectors.map((row): CollectorWorkload => {
      const openTasks = Number(row.open_tasks);
      const owingAccounts = Number(row.owing_accounts);
      return {
        id: row.id,
        name: row.name,
        email: row.email,
        active: row.active,
        managerId: row.manager_id,
        capacity: row.capacity,
        skills: [...row.skills],
        pools: [...row.pools],
        openTasks,
        overdueTasks: Number(row.overdue_tasks),
        accounts: Number(row.accounts),
        owingAccounts,
        openBalance: balances(balanceRows, row.id),
        utilisationPercent: utilisationPercent(row.capacity, openTasks, owingAccounts),
      };
    }),
    queue: queueView,
  };
};
