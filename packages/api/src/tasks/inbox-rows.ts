import type { EntityManager } from '@mikro-orm/postgresql';
import { nextCalendarDate, wallClockAt, zonedWallTime } from '@recoup/domain';
import type { InboxQuery } from '@recoup/contracts';
import { isManagerOrAdmin, type AuthUser } from '../auth/current-user.ts';

/** One task with the account figures its ranking needs, as the inbox query reads it. */
export interface InboxRow {
  id: string;
  account_id: string;
  key: string;
  workflow_id: string;
  node_id: string;
  task_type: string;
  title: string;
  status: 'open' | 'done' | 'cancelled';
  assignee_id: string | null;
  outcomes: string[];
  outcome: string | null;
  note: string | null;
  due_at: Date | string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  created_at: Date | string;
  completed_at: Date | string | null;
  completed_by: string | null;
  account_name: string;
  external_ref: string;
  segment: string;
  time_zone: string;
  currency: string;
  risk_score: number | null;
  /** The oldest open due date in the account's currency, YYYY-MM-DD, or null. */
  oldest_due: string | null;
  /** Open and past due on the debtor's calendar, in minor units of the account's currency. */
  overdue_minor: string;
}

/** More than this many tasks in one inbox is a queue to split, not one to rank in memory. */
export const INBOX_ROW_LIMIT = 5_000;

const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The tasks of one inbox view with their accounts' overdue figures, filtered in SQL. Ranking needs every row (the
 * score is computed in the domain, not in SQL), so paging happens after it; INBOX_ROW_LIMIT bounds the read.
 * Overdue is judged on each debtor's own calendar, as aging is.
 */
export async function loadInboxRows(em: EntityManager, user: AuthUser, query: InboxQuery, now: Date): Promise<InboxRow[]> {
  const where: string[] = [];
  const params: unknown[] = [now];
  if (query.scope === 'mine') {
    where.push('t.assignee_id = ?');
    params.push(user.id);
  } else {
    where.push("t.assignee_id is null and t.status = 'open'");
    if (!isManagerOrAdmin(user)) {
      // Collectors claim calls and reviews of their pools; an account no rule placed in a pool is open to all.
      where.push("t.task_type in ('call', 'review')");
      where.push('(a.pool is null or a.pool in (select unnest(u.pools) from app_user u where u.id = ?))');
      params.push(user.id);
    }
  }
  where.push('t.status = ?');
  params.push(query.status);
  // An account whose collection closed is nobody's work, even if a task of it were somehow still open.
  where.push("(t.status <> 'open' or a.closed_outcome is null)");
  if (query.type) {
    where.push('t.task_type = ?');
    params.push(query.type);
  }
  if (query.segment) {
    where.push('a.segment = ?');
    params.push(query.segment);
  }
  if (query.q) {
    where.push('(a.name ilike ? or a.external_ref ilike ?)');
    params.push(likePattern(query.q), likePattern(query.q));
  }
  if (query.due === 'overdue') {
    where.push('t.due_at < ?');
    params.push(now);
  } else if (query.due === 'today') {
    const tz = query.tz ?? 'UTC';
    const today = wallClockAt(now, tz).date;
    where.push('t.due_at >= ? and t.due_at < ?');
    params.push(zonedWallTime(today, 0, 0, tz), zonedWallTime(nextCalendarDate(today), 0, 0, tz));
  }
  params.push(INBOX_ROW_LIMIT);
  return em.execute<InboxRow[]>(
    `select t.id, t.account_id, t.key, t.workflow_id, t.node_id, t.task_type, t.title, t.status, t.assignee_id, t.outcomes,
            t.outcome, t.note, t.due_at, t.priority, t.created_at, t.completed_at, t.completed_by,
            a.name as account_name, a.external_ref, a.segment, a.time_zone, trim(a.currency) as currency, a.risk_score,
            f.oldest_due::text as oldest_due, f.overdue_minor
       from collector_task t
       join account a on a.id = t.account_id
       cross join lateral (
         select min(i.due_date) as oldest_due,
                coalesce(sum(i.open_minor) filter (where i.due_date < (?::timestamptz at time zone a.time_zone)::date), 0)::text as overdue_minor
           from invoice i
          where i.account_id = a.id and i.status = 'open' and i.open_minor > 0 and i.currency = a.currency
       ) f
      where ${where.join(' and ')}
      limit ?`,
    params,
  );
}

/** The segments of the user's own open tasks, for the inbox's segment filter. */
export async function inboxSegments(em: EntityManager, user: AuthUser): Promise<string[]> {
  const rows = await em.execute<{ segment: string }[]>(
    `select distinct a.segment from collector_task t join account a on a.id = t.account_id
      where t.status = 'open' and (t.assignee_id = ? or t.assignee_id is null) order by a.segment`,
    [user.id],
  );
  return rows.map((r) => r.segment);
}
