import { z } from 'zod';
import { assignRuleSchema, handleName, tagName } from '../schema-parts.ts';
import { defineKind, NEXT } from './kind.ts';
import { rulesOf, singleAction } from '../step-context.ts';

export const assignKind = defineKind({
  kind: 'assign',
  title: 'Assign collector',
  schema: z.object({
    rules: z.array(assignRuleSchema).max(50).default([]),
    /** The pool used when no rule holds. */
    defaultPool: handleName,
    /** Skills a collector needs to receive the account. */
    requiredSkills: z.array(tagName).max(20).default([]),
  }),
  exits: NEXT,
  conditions: (data) => data.rules.map((rule) => rule.condition),
  runs: {
    act: singleAction('assign-collector', (data) => ({
      rules: rulesOf(data.rules, 'pool'),
      defaultPool: data.defaultPool,
      requiredSkills: [...data.requiredSkills],
    })),
  },
});
