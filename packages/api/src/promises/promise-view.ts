import type { IPaymentPromise } from '@recoup/db';
import type { PromiseView } from '@recoup/contracts';
import type { PromiseMessage } from '@recoup/workflows';

export const toPromiseView = (promise: IPaymentPromise): PromiseView => ({
  id: promise.id,
  accountId: promise.account.id,
  amount: { amountMinor: promise.amountMinor.toString(), currency: promise.currency.trim() },
  paid: { amountMinor: promise.paidMinor.toString(), currency: promise.currency.trim() },
  dueDate: String(promise.dueDate),
  graceDays: promise.graceDays,
  until: promise.until.toISOString(),
  status: promise.status,
  source: promise.source,
  planId: promise.plan?.id ?? null,
  installmentNo: promise.installmentNo ?? null,
  taskId: promise.task?.id ?? null,
  createdBy: promise.createdBy ?? null,
  createdAt: promise.createdAt.toISOString(),
  resolvedAt: promise.resolvedAt?.toISOString() ?? null,
});

/** The promise as the collection workflow is told about it. */
export const toPromiseMessage = (promise: IPaymentPromise): PromiseMessage => ({
  promiseId: promise.id,
  amountMinor: promise.amountMinor.toString(),
  currency: promise.currency.trim(),
  dueDate: String(promise.dueDate),
  until: promise.until.toISOString(),
});
