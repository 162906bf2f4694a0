import type { EntityManager } from '@mikro-orm/postgresql';
import { PaymentPlan, PaymentPromise, collectibleAmounts, debtorTimeZone, type IAccount, type ICollectorTask } from '@recoup/db';
import { InvalidPaymentPlanError, PROMISE_DEFAULT_GRACE_DAYS, addCalendarDays, planInstallments, promiseDeadline, wallClockAt, type PlannedInstallment } from '@recoup/domain';
import type { PlanProposal } from '@recoup/contracts';
import type { PlanMessage } from '@recoup/workflows';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { BusinessRuleError } from '../errors.ts';
import { userActor, type Actor } from './promise-recorder.ts';
import { toPromiseMessage } from './promise-view.ts';

/** A first installment further out than this is a promise for another day, not a plan agreed on this call. */
const MAX_FIRST_DUE_DAYS = 92;

const refuse = (field: string, reason: string): BusinessRuleError =>
  new BusinessRuleError('plan-invalid', `plan.${field} ${reason}.`, { fields: [{ in: 'body', path: `plan.${field}`, reason }] });

/**
 * Stores a payment plan the collector agreed on a call: the collectible balance (open minus disputed) split into
 * the installments, each a promise, in the same way a strategy's payment-plan node splits it. Runs inside the
 * task's completion, so a plan the workflow does not take is never committed. The caller holds the account locked.
 */
export async function storeAgreedPlan(
  em: EntityManager,
  account: IAccount,
  task: ICollectorTask,
  proposal: PlanProposal,
  user: AuthUser,
  now: Date,
): Promise<PlanMessage> {
  const { collectibleMinor, currency } = await collectibleAmounts(em, account.id);
  if (collectibleMinor <= 0n) throw new BusinessRuleError('plan-invalid', 'Nothing on the account is collectible, so there is nothing to plan.');
  const timeZone = await debtorTimeZone(em, account.id);
  const today = wallClockAt(now, timeZone).date;
  if (proposal.firstDueDate < today) throw refuse('firstDueDate', `must not be before today (${today}) on the debtor's calendar`);
  if (proposal.firstDueDate > addCalendarDays(today, MAX_FIRST_DUE_DAYS)) {
    throw refuse('firstDueDate', `must be within ${MAX_FIRST_DUE_DAYS} days of today (${today})`);
  }
  let schedule;
  try {
    schedule = planInstallments(collectibleMinor, currency, proposal.installments, proposal.firstDueDate, proposal.intervalDays);
  } catch (error) {
    if (error instanceof InvalidPaymentPlanError) {
      const field = error.field === 'balanceMinor' ? 'installments' : error.field;
      throw refuse(field, `is not possible: ${error.message}`);
    }
    throw error;
  }
  return storePlan(em, account, {
    key: `task:${task.id}:plan`,
    workflowId: task.workflowId,
    nodeId: task.nodeId,
    taskId: task.id,
    actor: userActor(user),
    schedule,
    intervalDays: proposal.intervalDays,
    graceDays: proposal.graceDays ?? PROMISE_DEFAULT_GRACE_DAYS,
    totalMinor: collectibleMinor,
    currency,
    timeZone,
  });
}

export interface PlanToStore {
  /** Unique per plan, so a retried request never stores a second one. */
  key: string;
  workflowId: string;
  nodeId: string;
  taskId: string | null;
  actor: Actor;
  schedule: PlannedInstallment[];
  intervalDays: number;
  graceDays: number;
  totalMinor: bigint;
  currency: string;
  timeZone: string;
}

/** Writes a plan and its installments (each a promise) and audits it, in the caller's transaction. */
export async function storePlan(em: EntityManager, account: IAccount, spec: PlanToStore): Promise<PlanMessage> {
  const { schedule, currency, graceDays } = spec;
  const plan = em.create(PaymentPlan, {
    account,
    key: spec.key,
    workflowId: spec.workflowId,
    nodeId: spec.nodeId,
    installments: schedule.length,
    intervalDays: spec.intervalDays,
    graceDays,
    totalMinor: spec.totalMinor,
    currency,
    status: 'active',
    resolvedAt: null,
  });
  const promises = schedule.map((installment, index) =>
    em.create(PaymentPromise, {
      account,
      amountMinor: installment.amountMinor,
      currency,
      dueDate: installment.dueDate,
      graceDays,
      until: promiseDeadline(installment.dueDate, graceDays, spec.timeZone),
      status: 'open',
      source: 'plan',
      plan,
      installmentNo: index + 1,
      task: spec.taskId,
      createdBy: spec.actor.userId,
      resolvedAt: null,
    }),
  );
  await em.flush();
  await audit(em, {
    actorId: spec.actor.userId,
    action: 'payment-plan.agreed',
    entity: 'payment_plan',
    entityId: plan.id,
    details: {
      ...spec.actor.auditDetails,
      accountId: account.id,
      ...(spec.taskId ? { taskId: spec.taskId } : {}),
      totalMinor: spec.totalMinor.toString(),
      currency,
      installments: schedule.map((i) => ({ dueDate: i.dueDate, amountMinor: i.amountMinor.toString() })),
    },
  });
  return { planId: plan.id, installments: promises.map(toPromiseMessage) };
}
