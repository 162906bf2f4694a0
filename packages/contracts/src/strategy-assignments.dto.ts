import { z } from 'zod';
import { validateArmSplits } from '@recoup/domain';
import { uuidSchema } from './common.dto.ts';

/** A segment as accounts carry it (see the import's segment column). */
export const segmentSchema = z.string().trim().min(1).max(64);

export const segmentParamsSchema = z.object({ segment: segmentSchema });
export type SegmentParams = z.infer<typeof segmentParamsSchema>;

export const armSplitInputSchema = z
  .object({
    strategyVersionId: uuidSchema,
    // Range and wholeness are checked with the rest of the split below, so that the message names the arm.
    percent: z.number(),
    label: z.string().trim().optional(),
  })
  .strict();
export type ArmSplitInput = z.infer<typeof armSplitInputSchema>;

export const strategyAssignmentPutSchema = z
  .object({
    splits: z.array(armSplitInputSchema).superRefine((splits, ctx) => {
      for (const problem of validateArmSplits(splits)) {
        const path = problem.arm === null ? [] : problem.field === null ? [problem.arm] : [problem.arm, problem.field];
        ctx.addIssue({ code: 'custom', message: problem.message, path });
      }
    }),
  })
  .strict();
export type StrategyAssignmentPut = z.infer<typeof strategyAssignmentPutSchema>;

export const armSplitViewSchema = z.object({
  strategyVersionId: z.string(),
  percent: z.number().int(),
  label: z.string().nullable(),
  strategyId: z.string(),
  strategyName: z.string(),
  version: z.number().int(),
});
export type ArmSplitView = z.infer<typeof armSplitViewSchema>;

export const strategyAssignmentViewSchema = z.object({
  id: z.string(),
  segment: z.string(),
  splits: z.array(armSplitViewSchema),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StrategyAssignmentView = z.infer<typeof strategyAssignmentViewSchema>;

/** What segments without an assignment run: the default strategy's latest published version, if there is one. */
export const strategyFallbackViewSchema = z.object({
  strategyId: z.string(),
  strategyName: z.string(),
  strategyVersionId: z.string(),
  version: z.number().int(),
});
export type StrategyFallbackView = z.infer<typeof strategyFallbackViewSchema>;

export const strategyAssignmentsResponseSchema = z.object({
  assignments: z.array(strategyAssignmentViewSchema),
  fallback: strategyFallbackViewSchema.nullable(),
});
export type StrategyAssignmentsResponse = z.infer<typeof strategyAssignmentsResponseSchema>;
