import { z } from 'zod';
import { ruleConditionSchema } from '@recoup/domain';
import { uuidSchema } from './common.dto.ts';

/** Test one rule against an account's real facts (POST /api/rules/evaluate). */
export const ruleEvaluateRequestSchema = z.object({
  /** A json-rules-engine condition as the designer's rule builder writes it; checked against the facts registry. */
  condition: ruleConditionSchema,
  accountId: uuidSchema,
});
export type RuleEvaluateRequest = z.infer<typeof ruleEvaluateRequestSchema>;

export const ruleEvaluateResponseSchema = z.object({
  result: z.boolean(),
  /** The comparisons that held, worded as a workflow's decision records them: "daysPastDue greaterThan 30 (was 45)". */
  matched: z.array(z.string()),
  /** Every fact of the account as the workflow would see it now. */
  facts: z.record(z.string(), z.unknown()),
  account: z.object({ id: z.string(), name: z.string(), externalRef: z.string() }),
});
export type RuleEvaluateResponse = z.infer<typeof ruleEvaluateResponseSchema>;
