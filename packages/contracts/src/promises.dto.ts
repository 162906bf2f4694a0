import { z } from 'zod';
import { PROMISE_MAX_GRACE_DAYS, PROMISE_STATUSES } from '@recoup/domain';
import { calendarDateSchema } from './common.dto.ts';
import { moneyInputSchema, moneySchema } from './money.dto.ts';

/** A promise to pay as a person records it (on the account, or with a call's outcome). */
export const promiseRequestSchema = z.object({
  amount: moneyInputSchema,
  /** The promised payment date, YYYY-MM-DD on the debtor's calendar. */
  dueDate: calendarDateSchema,
  /** Days after the due date before an unpaid promise counts as broken; a default applies when absent. */
  graceDays: z
    .number()
    .int({ message: 'must be a whole number of days' })
    .min(0, { message: `must be from 0 to ${PROMISE_MAX_GRACE_DAYS}` })
    .max(PROMISE_MAX_GRACE_DAYS, { message: `must be from 0 to ${PROMISE_MAX_GRACE_DAYS}` })
    .optional(),
});
export type PromiseRequest = z.infer<typeof promiseRequestSchema>;

export const PROMISE_SOURCE_VALUES = ['api', 'task', 'plan', 'portal'] as const;

export const promiseViewSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  amount: moneySchema,
  paid: moneySchema,
  dueDate: z.string(),
  graceDays: z.number().int(),
  /** The deadline: the end of the grace period's last day on the debtor's wall clock, ISO UTC. */
  until: z.string(),
  status: z.enum(PROMISE_STATUSES),
  source: z.enum(PROMISE_SOURCE_VALUES),
  planId: z.string().nullable(),
  installmentNo: z.number().int().nullable(),
  taskId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type PromiseView = z.infer<typeof promiseViewSchema>;

/** What an account owes in its currency, and how much of it can be collected (not under dispute). */
export const collectibleViewSchema = z.object({
  open: moneySchema,
  disputed: moneySchema,
  collectible: moneySchema,
});
export type CollectibleView = z.infer<typeof collectibleViewSchema>;

export const promiseListSchema = z.object({
  items: z.array(promiseViewSchema),
  balance: collectibleViewSchema,
});
export type PromiseList = z.infer<typeof promiseListSchema>;
