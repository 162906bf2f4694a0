import { z } from 'zod';
import { defineKind } from './kind.ts';

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
});
