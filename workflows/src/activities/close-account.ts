import { LockMode } from '@mikro-orm/postgresql';
import { Account, CreditNote, Invoice, appendAudit, closeOpenTasks } from '@recoup/db';
import type { CloseAccountInput, CloseAccountResult } from './activity-types.ts';
import { loadAccountFacts } from './account-facts.ts';
import type { ActivityDeps } from './deps.ts';

const WRITE_OFF_REASON = 'write-off';

/**
 * Closes an account's collection: its open tasks are cancelled with the reason, whatever the outcome, and an
 * account that was not paid is recorded as written off or handed to an agency. Once per account: a retry finds
 * the tasks closed and the outcome already recorded, and reports the same figure.
 */
export async function closeAccount(deps: ActivityDeps, input: CloseAccountInput, now: Date): Promise<CloseAccountResult> {
  return deps.orm.em.fork().transactional(async (tx) => {
    // The account before its tasks, the order every other writer takes them in.
    const account = await tx.findOneOrFail(Account, { id: input.accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const ids = await closeOpenTasks(tx, input.accountId, input.outcome, now);
    if (ids.length > 0) {
      await appendAudit(tx, {
        actorId: null,
        action: 'tasks.closed',
        entity: 'account',
        entityId: input.accountId,
        details: { key: input.key, nodeId: input.nodeId, outcome: input.outcome, taskIds: ids },
      });
    }
    if (input.outcome !== 'written-off' && input.outcome !== 'agency') return { writtenOffMinor: '0' };
    const outcome = input.outcome;
    const facts = await loadAccountFacts(tx, input.accountId, now);
    if (account.closedOutcome !== null) {
      // Already closed by an earlier attempt: report what it wrote off.
      const credits = await tx.find(CreditNote, { account: input.accountId, reason: WRITE_OFF_REASON });
      return { writtenOffMinor: String(credits.reduce((sum, c) => sum + c.amountMinor, 0n)) };
    }
    let writtenOff = 0n;
    if (outcome === 'written-off') {
      // The whole open amount leaves the books as credit notes, so the balance is invoices - payments - credits.
      const open = await tx.find(Invoice, { account: input.accountId, status: 'open', openMinor: { $gt: 0n } });
      for (const invoice of open) {
        tx.create(CreditNote, {
          account: input.accountId,
          invoice,
          amountMinor: invoice.openMinor,
          currency: invoice.currency,
          reason: WRITE_OFF_REASON,
          dispute: null,
          createdBy: null,
        });
        writtenOff += invoice.openMinor;
      }
    }
    const writtenOffMinor = String(writtenOff);
    account.closedOutcome = outcome;
    account.closedAt = now;
    await tx.flush();
    await appendAudit(tx, {
      actorId: null,
      action: outcome === 'written-off' ? 'account.written-off' : 'account.handed-to-agency',
      entity: 'account',
      entityId: input.accountId,
      details: { key: input.key, nodeId: input.nodeId, openMinor: String(facts.totalOpenMinor), writtenOffMinor, currency: facts.currency },
    });
    return { writtenOffMinor };
  });
}
