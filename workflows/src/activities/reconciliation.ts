import { heartbeat } from '@temporalio/activity';
import { BankStatement, reconcileBatch, statementProgress, type MikroORM } from '@recoup/db';
import { mapBounded } from '../client/starting/bounded.ts';
import type { PaymentAppliedMessage } from '../shared/definitions.ts';
import type { NotifyAccountsInput, ReconciliationActivities } from './activity-types.ts';

/** How the reconciliation tells collection workflows what happened to their accounts. */
export interface AccountNotifier {
  paymentApplied(accountId: string, message: PaymentAppliedMessage): Promise<void>;
  accountChanged(accountId: string): Promise<void>;
  /**
   * Accounts that owe again after a payment was reversed. An account whose collection had ended as settled has no
   * workflow to tell, so its collection starts again.
   */
  collectAgain(accountIds: string[]): Promise<{ started: number }>;
}

export interface ReconciliationDeps {
  orm: MikroORM;
  notifier: AccountNotifier;
  /** Proposals below this confidence go to the exception queue (default: the matcher's). */
  threshold?: number;
  now?: () => Date;
}

/** Signals in flight at once: a statement can touch tens of thousands of accounts. */
const SIGNAL_CONCURRENCY = 32;

interface AppliedLineRow {
  account_id: string;
  rule: string;
  payment_id: string | null;
  allocated_minor: string | null;
  currency: string;
}

export function createReconciliationActivities(deps: ReconciliationDeps): ReconciliationActivities {
  const now = () => deps.now?.() ?? new Date();
  const setStatus = async (statementId: string, status: 'reconciling' | 'reconciled' | 'failed') => {
    await deps.orm.em.fork().nativeUpdate(BankStatement, { id: statementId }, { status });
  };
  return {
    async beginReconciliation({ statementId }) {
      await setStatus(statementId, 'reconciling');
      return statementProgress(deps.orm.em.fork(), statementId);
    },
    async reconcileBatch(input) {
      const batch = await reconcileBatch(deps.orm.em, input.statementId, input.afterPosition, {
        limit: input.limit,
        now: now(),
        heartbeat: () => heartbeat(),
        ...(deps.threshold === undefined ? {} : { threshold: deps.threshold }),
      });
      // Counted from the lines, so lines an attempt lost after it committed are counted too.
      const counted = await statementProgress(deps.orm.em.fork(), input.statementId, { after: input.afterPosition, upTo: batch.lastPosition });
      return { lastPosition: batch.lastPosition, done: batch.done, counted };
    },
    notifyAccounts: (input) => notifyAccounts(deps, input),
    async endReconciliation({ statementId, status }) {
      await setStatus(statementId, status);
    },
  };
}

/**
 * Tells each account touched by a batch. Safe to repeat: a second signal only makes the workflow read the account
 * again, and starting collection for an account already collecting changes nothing.
 */
async function notifyAccounts(deps: ReconciliationDeps, input: NotifyAccountsInput) {
  const rows = await deps.orm.em.fork().execute<AppliedLineRow[]>(
    `select l.account_id, l.rule, p.id as payment_id, trim(l.currency) as currency,
            (select sum(a.amount_minor) from allocation a where a.payment_id = p.id)::text as allocated_minor
       from statement_line l left join payment p on p.statement_line_id = l.id
      where l.bank_statement_id = ? and l.position > ? and l.position <= ? and l.status = 'applied' and l.account_id is not null
      order by l.position`,
    [input.statementId, input.fromPosition, input.toPosition],
  );
  const reopened = new Set(rows.filter((r) => r.rule === 'reversal').map((r) => r.account_id));
  await mapBounded(rows, SIGNAL_CONCURRENCY, async (row) => {
    heartbeat();
    if (row.rule === 'reversal') await deps.notifier.accountChanged(row.account_id);
    else if (row.payment_id) {
      await deps.notifier.paymentApplied(row.account_id, { paymentId: row.payment_id, amountMinor: row.allocated_minor ?? '0', currency: row.currency });
    }
  });
  const { started } = reopened.size > 0 ? await deps.notifier.collectAgain([...reopened]) : { started: 0 };
  return { notified: new Set(rows.map((r) => r.account_id)).size, restarted: started };
}
