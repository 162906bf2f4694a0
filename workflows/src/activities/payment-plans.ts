import { ApplicationFailure } from '@temporalio/activity';
import { LockMode, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { Account, PaymentPlan, PaymentPromise, collectibleAmounts, debtorTimeZone, type IPaymentPlan } from '@recoup/db';
import { addCalendarDays, planInstallments, promiseDeadline, wallClockAt } from '@recoup/domain';
import type { CreatePaymentPlanInput, CreatePaymentPlanResult } from './activity-types.ts';
import type { ActivityDeps } from './deps.ts';
import { FAILURE_TYPES } from '../shared/definitions.ts';

/**
 * Creates a payment plan over the account's collectible balance (open minus disputed), once per key: one promise
 * per installment, due `firstDueInDays` after today on the debtor's wall clock and `intervalDays` apart. A retry
 * answers the plan and promises the first attempt created.
 */
export async function createPaymentPlan(deps: ActivityDeps, input: CreatePaymentPlanInput): Promise<CreatePaymentPlanResult> {
  const em = deps.orm.em.fork();
  const existing = await em.findOne(PaymentPlan, { key: input.key });
  if (existing) return planResult(em, existing);
  const now = deps.now?.() ?? new Date();
  try {
    return await em.transactional(async (tx) => {
      // Serialises plan creation with the API's writes to the account (promises, disputes) for a consistent balance.
      const account = await tx.findOneOrFail(Account, { id: input.accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const { collectibleMinor, currency } = await collectibleAmounts(tx, account.id);
      if (collectibleMinor <= 0n) {
        throw ApplicationFailure.nonRetryable(
          `Account ${account.id} has nothing collectible (${collectibleMinor} minor units): there is nothing to plan.`,
          FAILURE_TYPES.nothingToPlan,
        );
      }
      // A balance of fewer minor units than installments gets one installment per unit rather than empty ones.
      const count = collectibleMinor < BigInt(input.installments) ? Number(collectibleMinor) : input.installments;
      const timeZone = await debtorTimeZone(tx, account.id);
      const firstDue = addCalendarDays(wallClockAt(now, timeZone).date, input.firstDueInDays);
      const schedule = planInstallments(collectibleMinor, currency, count, firstDue, input.intervalDays);
      const plan = tx.create(PaymentPlan, {
        account,
        key: input.key,
        workflowId: input.workflowId,
        nodeId: input.nodeId,
        installments: count,
        intervalDays: input.intervalDays,
        graceDays: input.graceDays,
        totalMinor: collectibleMinor,
        currency,
        status: 'active',
        resolvedAt: null,
      });
      const promises = schedule.map((installment, index) =>
        tx.create(PaymentPromise, {
          account,
          amountMinor: installment.amountMinor,
          currency,
          dueDate: installment.dueDate,
          graceDays: input.graceDays,
          until: promiseDeadline(installment.dueDate, input.graceDays, timeZone),
          status: 'open',
          source: 'plan',
          plan,
          installmentNo: index + 1,
          task: null,
          createdBy: null,
          resolvedAt: null,
        }),
      );
      await tx.flush();
      return {
        planId: plan.id,
        installments: promises.map((p) => ({ promiseId: p.id, until: p.until.toISOString(), amountMinor: p.amountMinor.toString() })),
      };
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      // A concurrent attempt with the same key won: answer its plan.
      const fork = deps.orm.em.fork();
      return planResult(fork, await fork.findOneOrFail(PaymentPlan, { key: input.key }));
    }
    throw error;
  }
}

async function planResult(em: EntityManager, plan: IPaymentPlan): Promise<CreatePaymentPlanResult> {
  const promises = await em.find(PaymentPromise, { plan: plan.id }, { orderBy: { installmentNo: 'asc' } });
  return {
    planId: plan.id,
    installments: promises.map((p) => ({ promiseId: p.id, until: p.until.toISOString(), amountMinor: p.amountMinor.toString() })),
  };
}
