import { z } from 'zod';
import { defineKind } from './kind.ts';
import { balanceOf, defer, emit } from '../step-context.ts';

export const paymentPlanKind = defineKind({
  kind: 'payment-plan',
  title: 'Payment plan',
  schema: z.object({
    installments: z.number().int().min(2).max(60),
    intervalDays: z.number().int().min(1).max(92),
    /** Days from entering the node to the first installment's due date. */
    firstDueInDays: z.number().int().min(0).max(92),
    /** Days after each due date before an unpaid installment counts as broken. */
    graceDays: z.number().int().min(0).max(30).default(3),
  }),
  exits: [
    { handle: 'completed', role: 'yes' },
    { handle: 'broken', role: 'no' },
  ],
  pausesLoops: () => true,
  runs: {
    act: (ctx, node, key) => {
      if (balanceOf(ctx.state.account) <= 0n) {
        // Nothing collectible (every item disputed): a plan would be for nothing; wait for the account to change.
        defer(ctx, node, null, 'nothing is collectible to spread over a plan; waiting for the account to change');
        return undefined;
      }
      ctx.state.awaiting = { kind: 'plan', planId: null };
      emit(
        ctx,
        'create-payment-plan',
        node.id,
        {
          installments: node.data.installments,
          intervalDays: node.data.intervalDays,
          firstDueInDays: node.data.firstDueInDays,
          graceDays: node.data.graceDays,
        },
        key,
      );
      return undefined;
    },
  },
});
