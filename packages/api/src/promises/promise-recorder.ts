import { LockMode } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Account, PaymentPromise, collectibleAmounts, debtorTimeZone, type IPaymentPromise } from '@recoup/db';
import type { PromiseMessage } from '@recoup/workflows';
import type { Logger } from '../http/logger.ts';
import { toPromiseMessage } from './promise-view.ts';
import { errorMessage, hasErrorCode, PROMISE_DEFAULT_GRACE_DAYS, promiseDeadline, promiseProblems, type RecoupError, wallClockAt } from '@recoup/domain';
import type { PromiseRequest } from '@recoup/contracts';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/current-user.ts';
import { BusinessRuleError, ConflictError, ApiError, NotFoundError, UnavailableError } from '../errors.ts';

/**
 * Who made an arrangement: a signed-in user, or a debtor's contact in the portal (no user id; the contact is named
 * in the audit details).
 */
export interface Actor {
  userId: string | null;
  auditDetails?: Record<string, unknown>;
}

export const userActor = (user: AuthUser): Actor => ({ userId: user.id });

export interface PromiseOrigin {
  source: 'api' | 'task' | 'portal';
  taskId?: string;
  actor: Actor;
  /** Where the promise sits in the request body, so problems name the field as the caller sent it. */
  fieldPrefix: string;
  now?: Date;
}

/**
 * Validates and stores a promise to pay, committed on its own. The workflow is told afterwards: it may judge the
 * promise in an activity at once, which must find the row. Callers cancel it when the workflow does not take it.
 * The caller has checked that the user may work on the account.
 */
export async function storePromise(orm: MikroORM, accountId: string, input: PromiseRequest, origin: PromiseOrigin): Promise<IPaymentPromise> {
  const now = origin.now ?? new Date();
  return orm.em.fork().transactional(async (em) => {
    // Serialises promises and disputes of one account, so the collectible balance checked here stays true.
    const account = await em.findOne(Account, { id: accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!account) throw new NotFoundError('account');
    const { collectibleMinor, currency } = await collectibleAmounts(em, account.id);
    const timeZone = await debtorTimeZone(em, account.id);
    const graceDays = input.graceDays ?? PROMISE_DEFAULT_GRACE_DAYS;
    const amountMinor = BigInt(input.amount.amountMinor);
    const problems = promiseProblems(
      { amountMinor, currency: input.amount.currency, dueDate: input.dueDate, graceDays },
      { collectibleMinor, accountCurrency: currency, today: wallClockAt(now, timeZone).date },
    );
    if (problems.length > 0) {
      throw new BusinessRuleError('promise-invalid', problems.map((p) => `${origin.fieldPrefix}${p.message}`).join(' '), {
        fields: problems.map((p) => ({ in: 'body', path: `${origin.fieldPrefix}${p.field}`, reason: p.message, code: p.code })),
      });
    }
    const promise = em.create(PaymentPromise, {
      account,
      amountMinor,
      currency,
      dueDate: input.dueDate,
      graceDays,
      until: promiseDeadline(input.dueDate, graceDays, timeZone),
      status: 'open',
      source: origin.source,
      plan: null,
      installmentNo: null,
      task: origin.taskId ?? null,
      createdBy: origin.actor.userId,
      resolvedAt: null,
    });
    await em.flush();
    await audit(em, {
      actorId: origin.actor.userId,
      action: 'promise.recorded',
      entity: 'promise',
      entityId: promise.id,
      details: {
        ...origin.actor.auditDetails,
        accountId: account.id,
        amountMinor: amountMinor.toString(),
        currency,
        dueDate: input.dueDate,
        graceDays,
        until: promise.until.toISOString(),
        source: origin.source,
        ...(origin.taskId ? { taskId: origin.taskId } : {}),
      },
    });
    return promise;
  });
}

/** Marks a promise the workflow did not take as cancelled, so it holds nothing back and no payment is matched to it. */
export async function cancelPromise(orm: MikroORM, promiseId: string, actor: Actor, reason: string): Promise<void> {
  await orm.em.fork().transactional(async (em) => {
    const promise = await em.findOne(PaymentPromise, { id: promiseId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    // A payment may have kept it meanwhile; a kept promise is a fact, not something to cancel.
    if (!promise || promise.status !== 'open') return;
    promise.status = 'cancelled';
    promise.resolvedAt = new Date();
    await em.flush();
    await audit(em, {
      actorId: actor.userId,
      action: 'promise.cancelled',
      entity: 'promise',
      entityId: promise.id,
      details: { ...actor.auditDetails, accountId: promise.account.id, reason },
    });
  });
}

/**
 * Stores the promise, then hands it to the account's workflow. When the workflow refuses it, has ended or cannot be
 * reached, the promise is cancelled (a promise the workflow does not know would hold nothing) and the refusal thrown.
 */
export async function recordPromiseWith(
  orm: MikroORM,
  accountId: string,
  input: PromiseRequest,
  origin: PromiseOrigin,
  handOver: (message: PromiseMessage) => Promise<void>,
  logger: Logger,
): Promise<IPaymentPromise> {
  const promise = await storePromise(orm, accountId, input, origin);
  try {
    await handOver(toPromiseMessage(promise));
  } catch (error) {
    const answer = workflowRefusal(error);
    if (answer.kind === 'unavailable') logger.warn('could not hand a promise to the workflow', { accountId, error: errorMessage(error) });
    await cancelPromise(orm, promise.id, origin.actor, answer.message);
    throw answer;
  }
  return promise;
}

/** The HTTP answer for a workflow that did not take a promise. */
export function workflowRefusal(error: unknown): RecoupError {
  if (error instanceof ApiError) return error;
  if (hasErrorCode(error, 'workflow-refused-promise')) {
    return new ConflictError('workflow-refused-promise', `The collection workflow refused the promise: ${error.message}`);
  }
  if (hasErrorCode(error, 'workflow-missing')) {
    return new ConflictError('workflow-missing', 'The account has no running collection workflow to hold the promise.');
  }
  return new UnavailableError(
    'workflow-unavailable',
    'The workflow service did not answer, so the promise was not recorded. Try again shortly.',
  );
}
