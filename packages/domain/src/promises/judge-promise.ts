import { addCalendarDays, nextCalendarDate, zonedWallTime } from '../calendar.ts';
import type { PromiseJudgement, PromiseStatus } from './promise-rules.ts';

export interface JudgeablePromise {
  status: PromiseStatus;
  amountMinor: bigint;
  paidMinor: bigint;
  /** The deadline from promiseDeadline. */
  until: Date | string;
}

/**
 * The deadline of a promise: the end of its grace period's last day on the debtor's wall clock, i.e. the instant
 * the following day begins there. The promise is broken from that instant on unless paid in full.
 */
export function promiseDeadline(dueDate: string, graceDays: number, timeZone: string): Date {
  return zonedWallTime(nextCalendarDate(addCalendarDays(dueDate, graceDays)), 0, 0, timeZone);
}

/**
 * Kept once paid in full, broken once its deadline has come without full payment, open before that. A promise
 * already judged keeps its judgement; a cancelled one no longer holds anything back, so it counts as not kept.
 */
export function judgePromise(promise: JudgeablePromise, now: Date): PromiseJudgement {
  switch (promise.status) {
    case 'kept':
    case 'broken':
      return promise.status;
    case 'cancelled':
      return 'broken';
    case 'open': {
      if (promise.paidMinor >= promise.amountMinor) return 'kept';
      const until = promise.until instanceof Date ? promise.until.getTime() : Date.parse(promise.until);
      return now.getTime() >= until ? 'broken' : 'open';
    }
  }
}
