import { z } from 'zod';
import { pagingQuerySchema, uuidSchema } from './common.dto.ts';

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const taskListQuerySchema = pagingQuerySchema.extend({
  status: z.enum(TASK_STATUSES).optional(),
  assignee: z.union([uuidSchema, z.literal('me'), z.literal('none')]).optional(),
});
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;

export const completeTaskRequestSchema = z.object({
  outcome: z.string().trim().min(1).max(64),
  note: z.string().max(4000).optional(),
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
