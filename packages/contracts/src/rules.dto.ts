import { z } from 'zod';
import { RULE_OPERATORS, ruleConditionSchema, type FactType } from '@recoup/domain';
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

/** The types a fact can have; the operators that fit each are in the registry's `operatorsByType`. */
export const factTypeSchema = z.enum(['number', 'string', 'boolean', 'date', 'list'] as const satisfies readonly FactType[]);
export const ruleOperatorSchema = z.enum(RULE_OPERATORS);

/** One fact a strategy rule can test, as the registry documents it. */
export const factDefinitionSchema = z.object({
  name: z.string(),
  type: factTypeSchema,
  description: z.string(),
  unit: z.string().optional(),
  /** The values a string fact can take, when they are a fixed set. */
  values: z.array(z.string()).optional(),
  /** True when the fact can be null (a rule comparing null with a number never holds). */
  nullable: z.boolean().optional(),
});
export type FactDefinitionView = z.infer<typeof factDefinitionSchema>;

/** The facts registry (GET /api/facts): every fact with its type, every operator, and the operators of each type. */
export const factsResponseSchema = z.object({
  facts: z.array(factDefinitionSchema),
  operators: z.array(ruleOperatorSchema),
  operatorsByType: z.object({
    number: z.array(ruleOperatorSchema),
    string: z.array(ruleOperatorSchema),
    boolean: z.array(ruleOperatorSchema),
    date: z.array(ruleOperatorSchema),
    list: z.array(ruleOperatorSchema),
  }),
});
export type FactsResponse = z.infer<typeof factsResponseSchema>;
