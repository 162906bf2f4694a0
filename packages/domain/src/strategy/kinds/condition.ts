import { z } from 'zod';
import { ruleConditionSchema } from '../schema-parts.ts';
import { defineKind } from './kind.ts';

export const conditionKind = defineKind({
  kind: 'condition',
  title: 'Condition',
  schema: z.object({ condition: ruleConditionSchema }),
  exits: [
    { handle: 'yes', role: 'yes' },
    { handle: 'no', role: 'no' },
  ],
  conditions: (data) => [data.condition],
});
