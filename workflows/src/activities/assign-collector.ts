import type { EntityManager } from '@mikro-orm/postgresql';

interface Candidate {
  id: string;
  open_tasks: string;
}

/**
 * Picks who gets a new task. least-loaded: the active user of the role with the fewest open tasks, below their
 * capacity. round-robin: the active user after the one who received the latest task of that role.
 * Returns null when nobody is available: the task then waits unassigned in the team queue.
 */
export async function pickAssignee(
  em: EntityManager,
  role: 'collector' | 'manager',
  policy: 'round-robin' | 'least-loaded',
): Promise<string | null> {
  const candidates = await em.execute<Candidate[]>(
    `select u.id, count(t.id)::text as open_tasks
       from app_user u
       left join collector_task t on t.assignee_id = u.id and t.status = 'open'
      where u.role = ? and u.active
      group by u.id, u.email, u.capacity
     having count(t.id) < u.capacity
      order by ${policy === 'least-loaded' ? 'count(t.id), u.email' : 'u.email'}`,
    [role],
  );
  if (candidates.length === 0) return null;
  if (policy === 'least-loaded') return candidates[0]?.id ?? null;
  const last = await em.execute<{ assignee_id: string }[]>(
    `select t.assignee_id from collector_task t join app_user u on u.id = t.assignee_id
      where u.role = ? order by t.created_at desc, t.id desc limit 1`,
    [role],
  );
  const lastIndex = candidates.findIndex((c) => c.id === last[0]?.assignee_id);
  return candidates[(lastIndex + 1) % candidates.length]?.id ?? null;
}
