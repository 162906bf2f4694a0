import { COLLECTOR_TASK_STATUSES, COLLECTOR_TASK_TYPES, TASK_PRIORITIES, type CollectorTaskStatus } from '@recoup/domain';
import { z } from 'zod';
import { calendarDateSchema, dateTimeSchema, pagingQuerySchema, timeZoneSchema, uuidSchema } from './common.dto.ts';
import { CALL_OUTCOME_VALUES, CALL_RULE_VALUES } from './compliance.dto.ts';
import { openDisputeRequestSchema } from './disputes.dto.ts';
import { moneySchema } from './money.dto.ts';
import { promiseRequestSchema } from './promises.dto.ts';

export type TaskStatus = CollectorTaskStatus;

export const taskListQuerySchema = pagingQuerySchema.extend({
  status: z.enum(COLLECTOR_TASK_STATUSES).optional(),
  assignee: z.union([uuidSchema, z.literal('me'), z.literal('none')]).optional(),
});
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;

/** The task outcome that may carry a promise to pay. */
export const PROMISE_OUTCOME = 'promise-to-pay';
/** The task outcome that may carry a payment plan the debtor agreed to. */
export const PLAN_OUTCOME = 'payment-plan';
/** The task outcome that may carry the dispute the debtor raised. */
export const DISPUTE_OUTCOME = 'dispute';
/**
 * Not an outcome the workflow hears: the debtor asked to be called at another time, so the task stays open, is
 * due again at `callBackAt`, and the workflow goes on waiting at the task. Offered on every open call task.
 */
export const CALL_BACK = 'call-back';


/** The installments a collector agreed with the debtor; the collectible balance is split over them. */
export const planProposalSchema = z.object({
  installments: z.number().int().min(2, { message: 'a plan has at least 2 installments' }).max(60),
  intervalDays: z.number().int().min(1).max(92),
  /** The first installment's due date on the debtor's calendar, YYYY-MM-DD. */
  firstDueDate: calendarDateSchema,
  graceDays: z.number().int().min(0).max(30).optional(),
});
export type PlanProposal = z.infer<typeof planProposalSchema>;

/** The call placed for the task, logged through the call-frequency rules; refused with 422 when they forbid it. */
export const taskCallSchema = z.object({
  result: z.enum(CALL_OUTCOME_VALUES),
  /** When the call was placed; now when absent. Within the last 7 days, and not ahead of the clock. */
  placedAt: dateTimeSchema.optional(),
  /** The invoices (debts) the call was about; all open invoices of the account when absent. */
  invoiceIds: z.array(uuidSchema).min(1).max(100).optional(),
});

export const completeTaskRequestSchema = z
  .object({
    outcome: z.string().trim().min(1).max(64),
    note: z.string().max(4000).optional(),
    /** The promise the debtor made on the call; only with the outcome 'promise-to-pay'. */
    promise: promiseRequestSchema.optional(),
    /** The payment plan agreed on the call; only with the outcome 'payment-plan'. */
    plan: planProposalSchema.optional(),
    /** The dispute the debtor raised on the call; only with the outcome 'dispute'. */
    dispute: openDisputeRequestSchema.optional(),
    /** With 'call-back' only: when to call again. */
    callBackAt: dateTimeSchema.optional(),
    call: taskCallSchema.optional(),
  })
  .superRefine((body, ctx) => {
    const only = (field: 'promise' | 'plan' | 'dispute' | 'callBackAt', outcome: string) => {
      if (body[field] !== undefined && body.outcome !== outcome) {
        ctx.addIssue({ code: 'custom', path: [field], message: `may only come with the outcome "${outcome}"` });
      }
    };
    only('promise', PROMISE_OUTCOME);
    only('plan', PLAN_OUTCOME);
    only('dispute', DISPUTE_OUTCOME);
    only('callBackAt', CALL_BACK);
    if (body.outcome === CALL_BACK && body.callBackAt === undefined) {
      ctx.addIssue({ code: 'custom', path: ['callBackAt'], message: 'say when to call back' });
    }
  });
export type CompleteTaskRequest = z.infer<typeof completeTaskRequestSchema>;

export const taskViewSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  accountName: z.string().nullable(),
  key: z.string(),
  workflowId: z.string(),
  nodeId: z.string(),
  taskType: z.string(),
  title: z.string(),
  status: z.enum(COLLECTOR_TASK_STATUSES),
  assigneeId: z.string().nullable(),
  outcomes: z.array(z.string()),
  outcome: z.string().nullable(),
  note: z.string().nullable(),
  dueAt: z.string(),
  priority: z.enum(TASK_PRIORITIES),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  completedBy: z.string().nullable(),
});
export type TaskView = z.infer<typeof taskViewSchema>;

export const INBOX_SCOPES = ['mine', 'claimable'] as const;
export const INBOX_DUE_FILTERS = ['today', 'overdue'] as const;
export const INBOX_SORTS = ['priority', 'due'] as const;

/** GET /api/tasks/inbox: the user's own tasks (or the unassigned ones they may claim), most urgent first. */
export const inboxQuerySchema = pagingQuerySchema.extend({
  scope: z.enum(INBOX_SCOPES).default('mine'),
  status: z.enum(COLLECTOR_TASK_STATUSES).default('open'),
  type: z.enum(COLLECTOR_TASK_TYPES).optional(),
  due: z.enum(INBOX_DUE_FILTERS).optional(),
  segment: z.string().trim().min(1).max(64).optional(),
  /** Part of the account's name or reference. */
  q: z.string().trim().min(1).max(200).optional(),
  sort: z.enum(INBOX_SORTS).default('priority'),
  /** Whose calendar 'today' is read on: the collector's; UTC when absent. */
  tz: timeZoneSchema.optional(),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

/** The score and what it is made of, so the inbox can say why a task ranks where it does. */
export const taskPriorityViewSchema = z.object({
  score: z.number().int(),
  parts: z.object({
    overdue: z.object({ amount: moneySchema, points: z.number().int() }),
    age: z.object({ daysPastDue: z.number().int(), points: z.number().int() }),
    taskOverdue: z.object({ hours: z.number().int(), points: z.number().int() }),
    risk: z.object({
      score: z.number().int().nullable(),
      points: z.number().int(),
      /** Where the score came from: the payment model's predictions, the imported score, or nowhere. */
      source: z.enum(['predicted', 'imported']).nullable(),
      /** The predicted chance of late payment, 0–100, when predicted. */
      lateProbability: z.number().int().nullable(),
      /** Why, in words: "paid 4 of the last 5 invoices late, 12 days on average". */
      reason: z.string().nullable(),
      /** 'low' when the customer had too little history and the population model answered. */
      confidence: z.enum(['normal', 'low']).nullable(),
    }),
    strategy: z.object({ priority: z.enum(TASK_PRIORITIES), points: z.number().int() }),
  }),
});
export type TaskPriorityView = z.infer<typeof taskPriorityViewSchema>;

export const inboxItemSchema = taskViewSchema.extend({
  account: z.object({ id: z.string(), name: z.string(), externalRef: z.string(), segment: z.string(), timeZone: z.string() }),
  ranking: taskPriorityViewSchema,
  /** The user may claim it: open, unassigned, in one of their pools. */
  claimable: z.boolean(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const inboxPageSchema = z.object({
  items: z.array(inboxItemSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  /** The segments among the user's tasks, for the segment filter. */
  segments: z.array(z.string()),
});
export type InboxPage = z.infer<typeof inboxPageSchema>;

/** GET /api/tasks/:id/call-check: whether a call may be placed now, asked before the collector dials. */
export const callCheckViewSchema = z.discriminatedUnion('allowed', [
  z.object({ allowed: z.literal(true), checkedAt: z.string() }),
  z.object({
    allowed: z.literal(false),
    checkedAt: z.string(),
    rules: z.array(z.enum(CALL_RULE_VALUES)),
    reason: z.string(),
    /** Null when no moment can be named: the debtor asked to cease communication, or the zones share no hour. */
    nextAllowedAt: z.string().nullable(),
  }),
]);
export type CallCheckView = z.infer<typeof callCheckViewSchema>;
