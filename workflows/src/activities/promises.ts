import { ApplicationFailure } from '@temporalio/activity';
import { LockMode } from '@mikro-orm/postgresql';
import { PaymentPromise } from '@recoup/db';
import { judgePromise } from '@recoup/domain';
import type { CheckPromiseInput, CheckPromiseResult } from './activity-types.ts';
import type { ActivityDeps } from './deps.ts';

/**
 * Judges a promise now: kept once paid in full (the payment matching already marked it), broken once its deadline
 * has come unpaid, which is recorded here, else still open. Idempotent: a judged promise keeps its judgement.
 */
export async function checkPromise(deps: ActivityDeps, input: CheckPromiseInput): Promise<CheckPromiseResult> {
  const now = deps.now?.() ?? new Date();
  return deps.orm.em.fork().transactional(async (em) => {
    const promise = await em.findOne(
      PaymentPromise,
      { id: input.promiseId, account: input.accountId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!promise) {
      // Retrying cannot make it appear: the workflow holds an id the database never had for this account.
      throw ApplicationFailure.nonRetryable(
        `Promise ${input.promiseId} does not exist on account ${input.accountId}.`,
        'PromiseNotFound',
      );
    }
    const status = judgePromise(promise, now);
    if (status === 'broken' && promise.status === 'open') {
      promise.status = 'broken';
      promise.resolvedAt = now;
      await em.flush();
    }
    return { status };
  });
}
