import { parseCalendarDate } from '../calendar.ts';
import type { PromiseStatus } from '../promises/promise-rules.ts';
import { assertMinor, ratioToNumber } from './ratio.ts';

export interface PromiseTally {
  keptCount: number;
  brokenCount: number;
  keptMinor: bigint;
  brokenMinor: bigint;
}

export interface PromiseKeptRate {
  /** kept / (kept + broken) by number of promises, as a percentage. */
  byCount: number | null;
  /** The same weighted by the promised amounts. */
  byAmount: number | null;
}

export interface TalliedPromise {
  status: PromiseStatus;
  /** YYYY-MM-DD, the date the debtor promised to pay by. */
  dueDate: string;
  amountMinor: bigint;
}

/**
 * Counts the kept and broken promises whose date has passed by `asOfDate` (YYYY-MM-DD, exclusive). Open promises
 * (still in their grace days) and cancelled ones are neither kept nor broken and stay out of the rate.
 */
export function tallyPromises(promises: readonly TalliedPromise[], asOfDate: string): PromiseTally {
  const asOf = parseCalendarDate(asOfDate);
  const tally: PromiseTally = { keptCount: 0, brokenCount: 0, keptMinor: 0n, brokenMinor: 0n };
  promises.forEach((promise, i) => {
    assertMinor(promise.amountMinor, `promises[${i}].amountMinor`);
    if (parseCalendarDate(promise.dueDate) >= asOf) return;
    if (promise.status === 'kept') {
      tally.keptCount += 1;
      tally.keptMinor += promise.amountMinor;
    } else if (promise.status === 'broken') {
      tally.brokenCount += 1;
      tally.brokenMinor += promise.amountMinor;
    }
  });
  return tally;
}

/** Promise-to-pay kept rate = kept / (kept + broken), by count and by amount. */
export function promiseKeptRate(tally: PromiseTally): PromiseKeptRate {
  assertMinor(tally.keptMinor, 'keptMinor');
  assertMinor(tally.brokenMinor, 'brokenMinor');
  return {
    byCount: ratioToNumber(BigInt(tally.keptCount) * 100n, BigInt(tally.keptCount + tally.brokenCount)),
    byAmount: ratioToNumber(tally.keptMinor * 100n, tally.keptMinor + tally.brokenMinor),
  };
}
