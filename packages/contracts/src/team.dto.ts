import { z } from 'zod';
import { uuidSchema } from './common.dto.ts';
import { moneySchema } from './money.dto.ts';

/** At most this many objects move in one reassignment: enough for a morning's redistribution, one transaction. */
export const MAX_REASSIGN = 500;

const distinctIds = (what: string) =>
  z
    .array(uuidSchema)
    .min(1, { message: `must name at least one ${what}` })
    .max(MAX_REASSIGN, { message: `may name at most ${MAX_REASSIGN} ${what}s at once` })
    .refine((ids) => new Set(ids).size === ids.length, { message: `must not name a ${what} twice` });

export const reassignTasksRequestSchema = z.object({ taskIds: distinctIds('task'), collectorId: uuidSchema }).strict();
export type ReassignTasksRequest = z.infer<typeof reassignTasksRequestSchema>;

export const reassignAccountsRequestSchema = z.object({ accountIds: distinctIds('account'), collectorId: uuidSchema }).strict();
export type ReassignAccountsRequest = z.infer<typeof reassignAccountsRequestSchema>;

export const reassignResultSchema = z.object({
  collectorId: z.string(),
  /** Ids of the tasks or accounts that changed hands (those already with the collector are left out). */
  reassigned: z.array(z.string()),
  unchanged: z.array(z.string()),
  /** Open tasks that followed their account to the collector; 0 for task reassignment. */
  movedTasks: z.number().int(),
});
export type ReassignResult = z.infer<typeof reassignResultSchema>;

/** A skill or pool name as assignment rules use it: lower-case words joined by hyphens. */
export const tagNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'must be 1 to 64 lower-case letters, digits or hyphens, starting with a letter or digit' });

export const tagListSchema = z
  .array(tagNameSchema)
  .max(32, { message: 'may hold at most 32 names' })
  .refine((names) => new Set(names).size === names.length, { message: 'must not name the same thing twice' });

export const MAX_CAPACITY = 10_000;

export const collectorSettingsRequestSchema = z
  .object({
    /** How many open tasks, and how many owing accounts, the assigners give the collector at most. */
    capacity: z
      .number({ message: 'must be a whole number' })
      .int({ message: 'must be a whole number' })
      .min(0, { message: 'must not be negative' })
      .max(MAX_CAPACITY, { message: `must be at most ${MAX_CAPACITY}` })
      .optional(),
    skills: tagListSchema.optional(),
    pools: tagListSchema.optional(),
  })
  .strict()
  .refine((body) => body.capacity !== undefined || body.skills !== undefined || body.pools !== undefined, {
    message: 'must change at least one of capacity, skills or pools',
  });
export type CollectorSettingsRequest = z.infer<typeof collectorSettingsRequestSchema>;

export const collectorWorkloadSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  active: z.boolean(),
  managerId: z.string().nullable(),
  capacity: z.number().int(),
  skills: z.array(z.string()),
  pools: z.array(z.string()),
  openTasks: z.number().int(),
  overdueTasks: z.number().int(),
  /** Accounts assigned to the collector, and those of them with something still open. */
  accounts: z.number().int(),
  owingAccounts: z.number().int(),
  openBalance: z.array(moneySchema),
  /**
   * The fuller of the two loads the assigners measure against capacity (open tasks, owing accounts), in whole
   * percent; null when the capacity is 0.
   */
  utilisationPercent: z.number().int().nullable(),
});
export type CollectorWorkload = z.infer<typeof collectorWorkloadSchema>;

export const queueWorkloadSchema = z.object({
  openTasks: z.number().int(),
  overdueTasks: z.number().int(),
  accounts: z.number().int(),
  openBalance: z.array(moneySchema),
});
export type QueueWorkload = z.infer<typeof queueWorkloadSchema>;

export const teamWorkloadSchema = z.object({
  /** When the figures were taken; "overdue" is relative to it. */
  asOf: z.string(),
  collectors: z.array(collectorWorkloadSchema),
  /** Unassigned tasks and accounts: the queue a manager hands out. */
  queue: queueWorkloadSchema,
});
export type TeamWorkload = z.infer<typeof teamWorkloadSchema>;
