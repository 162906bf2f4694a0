import { z } from 'zod';

export const strategyCreateSchema = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().max(2000).default(''),
  /** The StrategyGraph document; checked fully by the domain validator on publish. */
  draft: z.unknown().optional(),
  isDefault: z.boolean().optional(),
});
export type StrategyCreate = z.infer<typeof strategyCreateSchema>;

export const strategyUpdateSchema = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  description: z.string().max(2000).optional(),
  draft: z.unknown().optional(),
  isDefault: z.boolean().optional(),
});
export type StrategyUpdate = z.infer<typeof strategyUpdateSchema>;

export const strategyValidateRequestSchema = z.object({ graph: z.unknown() });
export type StrategyValidateRequest = z.infer<typeof strategyValidateRequestSchema>;

export const strategyProblemSchema = z.object({
    code: z.string(),
    message: z.string(),
    nodeId: z.string().optional(),
    edgeId: z.string().optional(),
  });
export type StrategyProblem = z.infer<typeof strategyProblemSchema>;

export const strategyValidateResponseSchema = z.object({
  valid: z.boolean(),
  problems: z.array(strategyProblemSchema),
});
export type StrategyValidateResponse = z.infer<typeof strategyValidateResponseSchema>;

export const strategyVersionSummarySchema = z.object({
  id: z.string(),
  strategyId: z.string(),
  version: z.number().int(),
  checksum: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
});
export type StrategyVersionSummary = z.infer<typeof strategyVersionSummarySchema>;

export const strategyVersionViewSchema = strategyVersionSummarySchema.extend({ graph: z.unknown() });
export type StrategyVersionView = z.infer<typeof strategyVersionViewSchema>;

export const strategyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  draft: z.unknown(),
  isDefault: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  latestVersion: strategyVersionSummarySchema.nullable(),
});
export type StrategyView = z.infer<typeof strategyViewSchema>;
