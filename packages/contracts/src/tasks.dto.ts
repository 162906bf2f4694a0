import { z } from 'zod';
import { pagingQuerySchema, uuidSchema } from './common.dto.ts';
import { promiseRequestSchema } from './promises.dto.ts';

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const taskListQuerySchema = pagingQuerySchema.extend({
  status: z.enum(TASK_STATUSES).optional(),
  assignee: z.union([uuidSchema, z.literal('me'), z.literal('none')]).optional(),
});
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;

/** The task outcome that may carry a promise to pay. */
export const PROMISE_OUTCOME = 'promise-to-pay';

export const completeTaskRequestSchema = z
  .object({
    outcome: z.string().trim().min(1).max(64),
    note: z.string().max(4000).optional(),
    /** The promise the debtor made on the call; only with the outcome 'promise-to-pay'. */
    promise: promiseRequestSchema.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.promise !== undefined && body.outcome !== PROMISE_OUTCOME) {
      ctx.addIssue({ code: 'custom', path: ['promise'], message: `may only come with the outcome "${PROMISE_OUTCOME}"` });
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
  status: z.enum(TASK_STATUSES),
  assigneeId: z.string().nullable(),
  outcomes: z.array(z.string()),
  outcome: z.string().nullable(),
  note: z.string().nullable(),
  dueAt: z.string(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  completedBy: z.string().nullable(),
});
export type TaskView = z.infer<typeof taskViewSchema>;
