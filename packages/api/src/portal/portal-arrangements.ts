import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Account, AccountNote, AppUser, CollectorTask, PaymentPlan, PaymentPromise, collectibleAmounts, debtorTimeZone } from '@recoup/db';
import {
  InvalidPaymentPlanError,
  PROMISE_DEFAULT_GRACE_DAYS,
  addCalendarDays,
  minimumInstallmentMinor,
  minimumPromiseMinor,
  planInstallments,
  planPolicyBreaches,
  portalPolicyOf,
  promisePolicyBreaches,
  wallClockAt,
  type PlannedInstallment,
  type PolicyBreach,
  type PortalPolicy,
} from '@recoup/domain';
import { collectionWorkflowId, recordAccountChange, type AccountEventOutbox, type CollectionClient } from '@recoup/workflows';
import { PLAN_OUTCOME } from '@recoup/contracts';
import type { Logger } from '../http/logger.ts';
import { storePlan } from '../promises/plan-recorder.ts';
import { recordPromiseWith, workflowRefusal, type Actor } from '../promises/promise-recorder.ts';
import { auditPortal } from './portal-audit.ts';
import type { PortalVisitor } from './portal-visitor.ts';

/** The intervals the portal offers between installments, in days. */
export const PLAN_INTERVALS = [7, 14, 30] as const;
/** The most installments the form offers; more than the policy allows still reaches a collector. */
export const PLAN_FORM_MAX_INSTALLMENTS = 24;
/** The review task's outcomes: the collector agrees a plan (entering its schedule, as on a call) or declines the request. */
export const PLAN_REVIEW_OUTCOMES = [PLAN_OUTCOME, 'declined'] as const;
const REVIEW_DUE_MS = 86_400_000;

/** What the portal may offer the visitor now, for the forms and their hints. */
export interface PortalOffer {
  policy: PortalPolicy;
  currency: string;
  payableMinor: bigint;
  /** The debtor's today, YYYY-MM-DD. */
  today: string;
  promise: { minimumMinor: bigint; latestDate: string } | null;
  plan: { maxInstallments: number; latestFirstDate: string; minimumInstallmentMinor: bigint; intervals: number[] } | null;
  /** An open promise or active plan that already holds the account; the forms then explain instead of offering. */
  current: { kind: 'promise'; amountMinor: bigint; dueDate: string } | { kind: 'plan'; installments: number; nextDueDate: string | null } | { kind: 'review' } | null;
}

export type PromiseAnswer = { status: 'recorded'; amountMinor: bigint; dueDate: string } | { status: 'refused'; breaches: PolicyBreach[] };
export type PlanAnswer =
  | { status: 'accepted'; schedule: PlannedInstallment[] }
  | { status: 'review' }
  | { status: 'refused'; breaches: PolicyBreach[] };

export interface PlanRequest {
  installments: number;
  intervalDays: number;
  firstDueDate: string;
}

const portalActor = (visitor: PortalVisitor): Actor => ({
  userId: null,
  auditDetails: { actor: { kind: 'contact', contactId: visitor.contactId, name: visitor.contactName } },
});

/** The policy of the strategy the account's latest collection run is on; the defaults when it has none. */
export async function portalPolicyFor(em: EntityManager, accountId: string): Promise<PortalPolicy> {
  const rows = await em.execute<{ graph: unknown }[]>(
    `select v.graph from collection_run r join strategy_version v on v.id = r.strategy_version_id
      where r.account_id = ? order by r.started_at desc, r.id desc limit 1`,
    [accountId],
  );
  const graph = rows[0]?.graph;
  return portalPolicyOf(typeof graph === 'object' && graph !== null ? (graph as { portal?: never }) : null);
}

/**
 * Promises and payment plans the debtor makes in the portal, bounded by the strategy's policy. A promise or plan
 * within it goes to the account's workflow exactly as a collector's would; a plan outside it becomes a review task
 * for the account's collector, and the workflow hears that it was asked for.
 */
export class PortalArrangements {
  readonly #orm: MikroORM;
  readonly #collections: CollectionClient;
  readonly #accountEvents: AccountEventOutbox;
  readonly #logger: Logger;

  constructor(orm: MikroORM, collections: CollectionClient, accountEvents: AccountEventOutbox, logger: Logger) {
    this.#orm = orm;
    this.#collections = collections;
    this.#accountEvents = accountEvents;
    this.#logger = logger;
  }

  async offer(visitor: PortalVisitor, now: Date): Promise<PortalOffer> {
    const em = this.#orm.em.fork();
    const policy = await portalPolicyFor(em, visitor.accountId);
    const { collectibleMinor, currency } = await collectibleAmounts(em, visitor.accountId);
    const today = wallClockAt(now, await debtorTimeZone(em, visitor.accountId)).date;
    const payable = collectibleMinor > 0n;
    return {
      policy,
      currency,
      payableMinor: collectibleMinor,
      today,
      promise: payable && policy.promise.enabled
        ? { minimumMinor: minimumPromiseMinor(policy.promise, collectibleMinor), latestDate: addCalendarDays(today, policy.promise.maxDaysAhead) }
        : null,
      plan: payable && policy.plan.enabled
        ? {
            maxInstallments: policy.plan.maxInstallments,
            latestFirstDate: addCalendarDays(today, policy.plan.maxFirstDueDays),
            minimumInstallmentMinor: minimumInstallmentMinor(policy.plan, currency),
            intervals: PLAN_INTERVALS.filter((days) => days <= policy.plan.maxIntervalDays),
          }
        : null,
      current: await currentArrangement(em, visitor.accountId),
    };
  }

  /** A promise within the policy is stored and held by the workflow; outside it, the bounds it broke are answered. */
  async promise(visitor: PortalVisitor, amountMinor: bigint, dueDate: string, now: Date): Promise<PromiseAnswer> {
    const offer = await this.offer(visitor, now);
    if (offer.current) return { status: 'refused', breaches: [{ field: 'amount', code: 'already-arranged', values: {} }] };
    const breaches = promisePolicyBreaches(offer.policy.promise, { amountMinor, dueDate, payableMinor: offer.payableMinor, today: offer.today });
    if (breaches.length > 0) return { status: 'refused', breaches };
    const actor = portalActor(visitor);
    await recordPromiseWith(
      this.#orm,
      visitor.accountId,
      { amount: { amountMinor: amountMinor.toString(), currency: offer.currency }, dueDate, graceDays: PROMISE_DEFAULT_GRACE_DAYS },
      { source: 'portal', actor, fieldPrefix: '', now },
      (promise) => this.#collections.recordArrangement(visitor.accountId, { origin: 'portal', promise }),
      this.#logger,
    );
    await auditPortal(this.#orm.em.fork(), visitor, 'promise-made', { amountMinor: amountMinor.toString(), currency: offer.currency, dueDate });
    return { status: 'recorded', amountMinor, dueDate };
  }

  /**
   * A plan within the policy is stored and handed to the workflow in one transaction, so a plan the workflow does
   * not take is never committed. A plan outside it goes to a collector. A first installment before today is no plan.
   */
  async plan(visitor: PortalVisitor, request: PlanRequest, now: Date): Promise<PlanAnswer> {
    let reviewEvent: string | null = null;
    const answer = await this.#orm.em.fork().transactional(async (em): Promise<PlanAnswer> => {
      const account = await em.findOneOrFail(Account, { id: visitor.accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (await currentArrangement(em, account.id)) return { status: 'refused', breaches: [{ field: 'installments', code: 'already-arranged', values: {} }] };
      const policy = await portalPolicyFor(em, account.id);
      const { collectibleMinor, currency } = await collectibleAmounts(em, account.id);
      const timeZone = await debtorTimeZone(em, account.id);
      const today = wallClockAt(now, timeZone).date;
      const facts = { ...request, payableMinor: collectibleMinor, currency, today };
      const breaches = planPolicyBreaches(policy.plan, facts);
      const unplannable = breaches.filter((b) => b.code === 'in-the-past' || b.code === 'not-offered');
      if (unplannable.length > 0) return { status: 'refused', breaches: unplannable };
      let schedule: PlannedInstallment[];
      try {
        schedule = planInstallments(collectibleMinor, currency, request.installments, request.firstDueDate, request.intervalDays);
      } catch (error) {
        if (!(error instanceof InvalidPaymentPlanError)) throw error;
        return { status: 'refused', breaches: [{ field: 'installments', code: 'installment-too-small', values: { minimumMinor: '1', currency } }] };
      }
      if (breaches.length > 0) {
        reviewEvent = await this.#requestReview(em, account, visitor, request, schedule, breaches, now);
        return { status: 'review' };
      }
      const plan = await storePlan(em, account, {
        key: `portal:${randomUUID()}`,
        workflowId: collectionWorkflowId(account.id),
        nodeId: 'portal',
        taskId: null,
        actor: portalActor(visitor),
        schedule,
        intervalDays: request.intervalDays,
        graceDays: PROMISE_DEFAULT_GRACE_DAYS,
        totalMinor: collectibleMinor,
        currency,
        timeZone,
      });
      await auditPortal(em, visitor, 'plan-set-up', { planId: plan.planId, installments: schedule.length, intervalDays: request.intervalDays });
      try {
        await this.#collections.recordArrangement(account.id, { origin: 'portal', plan });
      } catch (error) {
        throw workflowRefusal(error);
      }
      return { status: 'accepted', schedule };
    });
    // After the commit; the drainer delivers it should this process stop first.
    if (reviewEvent) await this.#accountEvents.deliver([reviewEvent]);
    return answer;
  }

  /** The review task, a note of what was asked, and the account event that tells the workflow; one transaction. */
  async #requestReview(
    em: EntityManager,
    account: Parameters<typeof storePlan>[1],
    visitor: PortalVisitor,
    request: PlanRequest,
    schedule: PlannedInstallment[],
    breaches: PolicyBreach[],
    now: Date,
  ): Promise<string> {
    const assignee = account.assignedCollector?.id ?? (await accountCollector(em, account.id));
    const money = (minor: bigint) => `${minor.toString()} ${account.currency.trim()} minor units`;
    const task = em.create(CollectorTask, {
      account,
      key: `portal-plan:${randomUUID()}`,
      workflowId: collectionWorkflowId(account.id),
      nodeId: 'portal',
      taskType: 'portal-request',
      title: `Plan request from the portal: ${request.installments} installments every ${request.intervalDays} days — ${account.name}`,
      status: 'open',
      assignee: assignee ? em.getReference(AppUser, assignee) : null,
      outcomes: [...PLAN_REVIEW_OUTCOMES],
      outcome: null,
      note: null,
      dueAt: new Date(now.getTime() + REVIEW_DUE_MS),
      priority: 'high',
      completedAt: null,
      completedBy: null,
    });
    const outside = breaches.map((b) => `${b.field} (${b.code}${Object.keys(b.values).length ? `: ${Object.entries(b.values).map(([k, v]) => `${k} ${String(v)}`).join(', ')}` : ''})`);
    em.create(AccountNote, {
      account,
      body: [
        `${visitor.contactName} asked in the portal for a payment plan: ${request.installments} installments every ${request.intervalDays} days from ${request.firstDueDate}.`,
        `Schedule: ${schedule.map((i) => `${i.dueDate} ${money(i.amountMinor)}`).join('; ')}.`,
        `Outside the strategy's policy: ${outside.join('; ')}.`,
      ].join('\n'),
      author: null,
      task,
    });
    await em.flush();
    await auditPortal(em, visitor, 'plan-requested', { taskId: task.id, ...request, breaches: breaches.map((b) => b.code) });
    return recordAccountChange(em, account.id, { kind: 'plan-requested' });
  }
}

/** The promise or plan that already holds the account, or an open review of a plan the debtor asked for. */
async function currentArrangement(em: EntityManager, accountId: string): Promise<PortalOffer['current']> {
  const plan = await em.findOne(PaymentPlan, { account: accountId, status: 'active' }, { orderBy: { createdAt: 'desc' } });
  if (plan) {
    const next = await em.findOne(PaymentPromise, { plan: plan.id, status: 'open' }, { orderBy: { dueDate: 'asc' } });
    return { kind: 'plan', installments: plan.installments, nextDueDate: next?.dueDate ?? null };
  }
  const promise = await em.findOne(PaymentPromise, { account: accountId, status: 'open', plan: null }, { orderBy: { dueDate: 'asc' } });
  if (promise) return { kind: 'promise', amountMinor: promise.amountMinor, dueDate: promise.dueDate };
  const review = await em.count(CollectorTask, { account: accountId, taskType: 'portal-request', status: 'open', key: { $like: 'portal-plan:%' } });
  return review > 0 ? { kind: 'review' } : null;
}

/** For an account with no assigned collector: who last had a task on it; null leaves the review in the team's queue. */
async function accountCollector(em: EntityManager, accountId: string): Promise<string | null> {
  const rows = await em.execute<{ id: string }[]>(
    `select u.id from collector_task t join app_user u on u.id = t.assignee_id
      where t.account_id = ? and u.role = 'collector' and u.active
      order by t.created_at desc, t.id desc limit 1`,
    [accountId],
  );
  return rows[0]?.id ?? null;
}
