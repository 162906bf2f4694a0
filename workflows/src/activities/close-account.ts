import { LockMode } from '@mikro-orm/postgresql';
import { Account, appendAudit } from '@recoup/db';
import type { CloseAccountInput, CloseAccountResult } from './activity-types.ts';
import { loadAccountFacts } from './account-facts.ts';
import type { ActivityDeps } from './deps.ts';

/**
 * Records how an account's collection closed when it was not paid: written off or handed to an agency. Once per
 * account: a retry finds the outcome already recorded and reports the same figure.
 */
export async function closeAccount(deps: ActivityDeps, input: CloseAccountInput, now: Date): Promise<CloseAccountResult> {
  if (input.outcome !== 'written-off' && input.outcome !== 'agency') return { writtenOffMinor: '0' };
  const outcome = input.outcome;
  return deps.orm.em.fork().transactional(async (tx) => {
    const account = await tx.findOneOrFail(Account, { id: input.accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const facts = await loadAccountFacts(tx, input.accountId, now);
    const writtenOffMinor = outcome === 'written-off' ? String(facts.totalOpenMinor) : '0';
    if (account.closedOutcome === null) {
      account.closedOutcome = outcome;
      account.closedAt = now;
      await tx.flush();
      await appendAudit(tx, {
        actorId: null,
        action: outcome === 'written-off' ? 'account.written-off' : 'account.handed-to-agency',
        entity: 'account',
        entityId: input.accountId,
        details: { key: input.key, nodeId: input.nodeId, openMinor: String(facts.totalOpenMinor), currency: facts.currency },
      });
    }
    return { writtenOffMinor };
  });
}
