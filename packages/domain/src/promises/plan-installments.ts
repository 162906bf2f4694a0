import { addCalendarDays, parseCalendarDate } from '../calendar.ts';
import { allocateProRata, money } from '../money.ts';
import { InvalidPaymentPlanError } from './promise-errors.ts';

export interface PlannedInstallment {
  /** YYYY-MM-DD. */
  dueDate: string;
  amountMinor: bigint;
}

/**
 * Splits a balance into `count` installments `intervalDays` apart, starting on `firstDue`. The shares are equal
 * but for the units that do not divide evenly, which go one each to the earliest installments, so the plan adds
 * up to the balance exactly and never asks more later than earlier.
 */
export function planInstallments(
  balanceMinor: bigint,
  currency: string,
  count: number,
  firstDue: string,
  intervalDays: number,
): PlannedInstallment[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new InvalidPaymentPlanError('installments', `installments must be a whole number of at least 1, got ${count}.`);
  }
  if (!Number.isInteger(intervalDays) || intervalDays < 1) {
    throw new InvalidPaymentPlanError('intervalDays', `intervalDays must be a whole number of at least 1, got ${intervalDays}.`);
  }
  if (balanceMinor < BigInt(count)) {
    throw new InvalidPaymentPlanError(
      'balanceMinor',
      `balanceMinor ${balanceMinor} cannot be split into ${count} installments of at least one minor unit each.`,
    );
  }
  parseCalendarDate(firstDue);
  const shares = allocateProRata(money(balanceMinor, currency), Array.from({ length: count }, () => 1n));
  return shares.map((share, index) => ({
    dueDate: addCalendarDays(firstDue, index * intervalDays),
    amountMinor: share.amountMinor,
  }));
}
