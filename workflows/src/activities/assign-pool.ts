import { LockMode } from '@mikro-orm/postgresql';
import { Account, AppUser, appendAudit } from '@recoup/db';
import type { AssignCollectorInput, AssignCollectorResult } from './activity-types.ts';
import { loadAccountFacts } from './account-facts.ts';
import type { ActivityDeps } from './deps.ts';
import { firstMatchingRule } from './evaluate-switch.ts';

interface PoolCandidate {
  id: string;
  load: string;
}

/**
 * Assignment rules choose a pool; in it, the active collector with every required skill, room under their
 * capacity and the fewest accounts still owing gets the account. Running it again gives the same answer unless
 * the account was reassigned meanwhile, so a retry is harmless.
 */
export async function assignToPool(deps: ActivityDeps, input: AssignCollectorInput, now: Date): Promise<AssignCollectorResult> {
  const em = deps.orm.em.fork();
  const facts = await loadAccountFacts(em, input.accountId, now);
  const chosen = await firstMatchingRule(input.rules, { ...facts });
  const pool = chosen.name ?? input.defaultPool;
  const why = chosen.name ? `rule "${pool}" held (${chosen.matched.join('; ')})` : `no rule held, so the default pool "${pool}"`;
  return em.transactional(async (tx) => {
    const account = await tx.findOneOrFail(Account, { id: input.accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const current = account.assignedCollector?.id ?? null;
    if (account.pool === pool && current) {
      return { pool, assigneeId: current, reason: `${why}; already with a collector of that pool` };
    }
    const candidates = await tx.execute<PoolCandidate[]>(
      `select u.id, count(a.id)::text as load
         from app_user u
         left join account a on a.assigned_collector_id = u.id
          and exists (select 1 from invoice i where i.account_id = a.id and i.status = 'open')
        where u.role = 'collector' and u.active and ? = any(u.pools) and u.skills @> array(select jsonb_array_elements_text(?::jsonb))
        group by u.id, u.email, u.capacity
       having count(a.id) < u.capacity
        order by count(a.id), u.email
        limit 1`,
      [pool, JSON.stringify(input.requiredSkills)],
    );
    const assigneeId = candidates[0]?.id ?? null;
    account.pool = pool;
    account.assignedCollector = assigneeId ? tx.getReference(AppUser, assigneeId) : null;
    await tx.flush();
    const reason = assigneeId
      ? `${why}; the least-loaded collector with capacity${input.requiredSkills.length ? ` and skills ${input.requiredSkills.join(', ')}` : ''}`
      : `${why}; nobody in the pool has capacity${input.requiredSkills.length ? ' and the skills' : ''}, so the account waits in the pool's queue`;
    await appendAudit(tx, {
      actorId: null,
      action: 'account.assigned',
      entity: 'account',
      entityId: input.accountId,
      details: { pool, assigneeId, reason, key: input.key },
    });
    return { pool, assigneeId, reason };
  });
}
