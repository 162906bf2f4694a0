import { z } from 'zod';
import { ruleConditionSchema } from '../schema-parts.ts';
import { defineKind } from './kind.ts';
import { emit } from '../step-context.ts';

export const conditionKind = defineKind({
  kind: 'condition',
  title: 'Condition',
  schema: z.object({ condition: ruleConditionSchema }),
  exits: [
    { handle: 'yes', role: 'yes' },
    { handle: 'no', role: 'no' },
  ],
  conditions: (data) => [data.condition],
  runs: {
    enter: (ctx, node) => {
      ctx.state.awaiting = { kind: 'condition' };
      emit(ctx, 'evaluate-condition', node.id, { condition: node.data.condition });
      return undefined;
    },
  },
});
