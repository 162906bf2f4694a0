import { Account, StrategyVersion } from '@recoup/db';
import { strategyGraphSchema, zonedWallTime, type AccountSnapshot } from '@recoup/domain';
import type { CollectionActivities } from './activity-types.ts';
import { loadAccountFacts } from './account-facts.ts';
import { assignToPool } from './assign-pool.ts';
import { closeAccount } from './close-account.ts';
import { createTask } from './create-task.ts';
import type { ActivityDeps } from './deps.ts';
import { escalate } from './escalate.ts';
import { createPaymentPlan } from './payment-plans.ts';
import { checkPromise } from './promises.ts';
import { evaluateConditionForAccount } from './evaluate-condition.ts';
import { firstMatchingRule } from './evaluate-switch.ts';
import { sendReminder } from './send-reminder.ts';
import { setTags } from './set-tags.ts';

/** The activity implementations registered on the worker, bound to this process's database and mailer. */
export function createActivities(deps: ActivityDeps): CollectionActivities {
  const now = () => deps.now?.() ?? new Date();
  const asOf = (input: { asOf?: string }) => (input.asOf ? new Date(input.asOf) : now());
  return {
    async loadStrategyVersion(strategyVersionId) {
      const version = await deps.orm.em.fork().findOneOrFail(StrategyVersion, { id: strategyVersionId });
      return { graph: strategyGraphSchema.parse(version.graph), checksum: version.checksum };
    },
    async loadAccountSnapshot(accountId): Promise<AccountSnapshot> {
      const em = deps.orm.em.fork();
      const account = await em.findOneOrFail(Account, { id: accountId });
      const facts = await loadAccountFacts(em, accountId, now());
      return {
        balanceMinor: String(facts.totalOpenMinor),
        disputedMinor: String(facts.disputedAmountMinor),
        currency: account.currency.trim(),
        // Offsets from the due date land at 09:00 on the debtor's wall clock, a civil hour for a reminder.
        oldestDueAt: facts.oldestDueDate ? zonedWallTime(facts.oldestDueDate, 9, 0, account.timeZone).toISOString() : null,
      };
    },
    async evaluateCondition(input) {
      const evaluated = await evaluateConditionForAccount(deps.orm.em.fork(), input.accountId, input.condition, asOf(input));
      return { nodeId: input.nodeId, ...evaluated };
    },
    async evaluateSwitch(input) {
      const facts = { ...(await loadAccountFacts(deps.orm.em.fork(), input.accountId, asOf(input))) };
      const winner = await firstMatchingRule(input.rules, facts);
      return { nodeId: input.nodeId, outcome: winner.name, matched: winner.matched, facts };
    },
    sendReminder: (input) => sendReminder(deps, input),
    createTask: (input) => createTask(deps, input),
    escalate: (input) => escalate(deps, input),
    assignCollector: (input) => assignToPool(deps, input, now()),
    setTags: (input) => setTags(deps, input),
    closeAccount: (input) => closeAccount(deps, input, now()),
    createPaymentPlan: (input) => createPaymentPlan(deps, input),
    checkPromise: (input) => checkPromise(deps, input),
  };
}
