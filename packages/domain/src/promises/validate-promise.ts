import { addCalendarDays, parseCalendarDate } from '../calendar.ts';
import { InvalidPromiseError, type PromiseProblem } from './promise-errors.ts';
import { PROMISE_MAX_DAYS_AHEAD, PROMISE_MAX_GRACE_DAYS } from './promise-rules.ts';

export interface PromiseInput {
  amountMinor: bigint;
  currency: string;
  /** YYYY-MM-DD. */
  dueDate: string;
  graceDays: number;
}

export interface PromiseContext {
  /** What the account owes and is not disputed, in its currency. */
  collectibleMinor: bigint;
  accountCurrency: string;
  /** Today on the debtor's wall clock, YYYY-MM-DD. */
  today: string;
}

/** Every reason the promise cannot be accepted; empty when it can. */
export function promiseProblems(input: PromiseInput, context: PromiseContext): PromiseProblem[] {
  const problems: PromiseProblem[] = [];
  if (input.amountMinor <= 0n) {
    problems.push({ field: 'amount.amountMinor', code: 'not-positive', message: 'amount.amountMinor must be greater than zero.' });
  } else if (input.amountMinor > context.collectibleMinor) {
    problems.push({
      field: 'amount.amountMinor',
      code: 'above-collectible',
      message: `amount.amountMinor ${input.amountMinor} exceeds the collectible balance of ${context.collectibleMinor} minor units.`,
    });
  }
  if (input.currency !== context.accountCurrency) {
    problems.push({
      field: 'amount.currency',
      code: 'currency-mismatch',
      message: `amount.currency must be the account's currency ${context.accountCurrency}, not ${input.currency}.`,
    });
  }
  const latest = addCalendarDays(context.today, PROMISE_MAX_DAYS_AHEAD);
  let dueDay: number | null = null;
  try {
    dueDay = parseCalendarDate(input.dueDate);
  } catch {
    problems.push({ field: 'dueDate', code: 'not-a-date', message: `dueDate "${input.dueDate}" must be a calendar date written YYYY-MM-DD.` });
  }
  if (dueDay !== null && dueDay < parseCalendarDate(context.today)) {
    problems.push({ field: 'dueDate', code: 'in-the-past', message: `dueDate ${input.dueDate} is in the past; the earliest is today, ${context.today}.` });
  } else if (dueDay !== null && dueDay > parseCalendarDate(latest)) {
    problems.push({
      field: 'dueDate',
      code: 'too-far-ahead',
      message: `dueDate ${input.dueDate} is more than ${PROMISE_MAX_DAYS_AHEAD} days ahead; the latest is ${latest}.`,
    });
  }
  if (!Number.isInteger(input.graceDays) || input.graceDays < 0 || input.graceDays > PROMISE_MAX_GRACE_DAYS) {
    problems.push({
      field: 'graceDays',
      code: 'out-of-range',
      message: `graceDays must be a whole number from 0 to ${PROMISE_MAX_GRACE_DAYS}, got ${input.graceDays}.`,
    });
  }
  return problems;
}

/** Throws InvalidPromiseError listing every problem, when there is any. */
export function assertValidPromise(input: PromiseInput, context: PromiseContext): void {
  const problems = promiseProblems(input, context);
  if (problems.length > 0) throw new InvalidPromiseError(problems);
}
