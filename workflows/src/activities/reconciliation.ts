import { heartbeat } from '@temporalio/activity';
import { BankStatement, reconcileBatch, statementProgress, type MikroORM } from '@recoup/db';
import { mapBounded } from '../client/starting/bounded.ts';
import type { PaymentAppliedMessage } from '../shared/definitions.ts';
import type { NotifyAccountsInput, ReconciliationActivities } from './activity-types.ts';

/** How the reconciliation tells collection workflows what happened to their accounts. */
export interface AccountNotifier {
  /** Those of the accounts whose collection workflow runs (or may: see running-collections.ts); the others are not told. */
  collecting(accountIds: string[]): Promise<Set<string>>;
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
 * Tells each account touched by a batch whose collection workflow runs; an account without one (settled, never
 * started) has no one to tell, and a signal to it would only find that out, one round trip per account. Safe to
 * repeat: a second signal only makes the workflow read the account again, and starting collection for an account
 * already collecting changes nothing.
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
  const touched = [...new Set(rows.map((r) => r.account_id))];
  const reopened = new Set(rows.filter((r) => r.rule === 'reversal').map((r) => r.account_id));
  const collecting = touched.length > 0 ? await deps.notifier.collecting(touched) : new Set<string>();
  heartbeat();
  const toTell = rows.filter((r) => collecting.has(r.account_id));
  await mapBounded(toTell, SIGNAL_CONCURRENCY, async (row) => {
    heartbeat();
    if (row.rule === 'reversal') await deps.notifier.accountChanged(row.account_id);
    else if (row.payment_id) {
      await deps.notifier.paymentApplied(row.account_id, { paymentId: row.payment_id, amountMinor: row.allocated_minor ?? '0', currency: row.currency });
    }
  });
  // Started whether or not a workflow was listed: the start is idempotent, and an account owing again after a
  // reversal must be collected even if its last run ended a moment ago.
  const { started } = reopened.size > 0 ? await deps.notifier.collectAgain([...reopened]) : { started: 0 };
  return { notified: touched.length, told: new Set(toTell.map((r) => r.account_id)).size, restarted: started };
}
