import { z } from 'zod';
import { uuidSchema } from './common.dto.ts';

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

/** Move the running accounts of one published version to another (POST /api/strategy-versions/:id/migrate). */
export const cohortMigrationRequestSchema = z
  .object({
    fromVersionId: uuidSchema,
    /** Old node id -> new node id, for nodes whose id changed. */
    nodeMapping: z.record(z.string().min(1).max(64), z.string().min(1).max(64)).optional(),
    /** Only these accounts of the cohort; all of them when absent. */
    accountIds: z.array(uuidSchema).min(1).max(10_000).optional(),
  })
  .strict();

export type CohortMigrationRequest = z.infer<typeof cohortMigrationRequestSchema>;

/** What a cohort migration did to each account of the cohort (the answer of POST /api/strategy-versions/:id/migrate). */
export const cohortMigrationResultSchema = z.object({
  targetVersionId: z.string(),
  /** Accounts whose latest run was on the old version. */
  cohort: z.number().int().min(0),
  migrated: z.array(z.object({ accountId: z.string(), nodeId: z.string() })),
  /** Refused by the workflow, with its reason (typically: the current node has no counterpart). */
  refused: z.array(z.object({ accountId: z.string(), reason: z.string() })),
  /** Accounts whose workflow has already ended. */
  notRunning: z.array(z.string()),
});
export type CohortMigrationResult = z.infer<typeof cohortMigrationResultSchema>;

/** The live overlay asks at most this many accounts' workflows; beyond it the counts are of a first slice. */
export const MAX_LIVE_ACCOUNTS = 5_000;

/** Where the running accounts of a published version are (GET /api/strategy-versions/:id/live). */
export const strategyLiveCountsSchema = z.object({
  strategyVersionId: z.string(),
  /** Running accounts by the node they are at; every node of the version is listed, 0 when nobody is there. */
  counts: z.record(z.string(), z.number().int().min(0)),
  /** Accounts whose workflow is running on this version (the sum of the counts). */
  running: z.number().int().min(0),
  /** Accounts whose latest run is on this version and whose workflow was asked. */
  queried: z.number().int().min(0),
  /** Workflows that did not answer (no worker, a timeout); they are not in the counts. */
  failed: z.number().int().min(0),
  /** True when more accounts than MAX_LIVE_ACCOUNTS are on the version, so only that many were asked. */
  truncated: z.boolean(),
  at: z.string(),
});
export type StrategyLiveCounts = z.infer<typeof strategyLiveCountsSchema>;
