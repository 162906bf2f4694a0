import { z } from 'zod';
import { END_OUTCOMES } from '../schema-parts.ts';
import { balanceOf, decide, emit, endRun, HOUR_MS, nameOf } from '../step-context.ts';
import { defineKind } from './kind.ts';

/** A manager answers a write-off approval task with one of these. */
export const WRITE_OFF_APPROVAL_OUTCOMES = ['approve', 'reject'] as const;

/** True when an end node's settings first ask a manager to approve the write-off (and so give a 'rejected' exit). */
export const endNeedsApproval = (data: { outcome?: string; approvalAboveMinor?: number | undefined }): boolean =>
  data.outcome === 'written-off' && data.approvalAboveMinor !== undefined;

export const endKind = defineKind({
  kind: 'end',
  title: 'End',
  schema: z.object({
    outcome: z.enum(END_OUTCOMES),
    /**
     * Written-off only, optional: a collectible balance above this many minor units needs a manager's approval
     * first (a review task with outcomes approve/reject); a rejected write-off leaves along the 'rejected' edge.
     */
    approvalAboveMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  }),
  exits: (data) => (endNeedsApproval(data) ? [{ handle: 'rejected', role: 'no' }] : []),
  runs: {
    // A write-off above its approval limit first waits for a manager's answer; every other end ends the run.
    enter: (ctx, node, key) => {
      const threshold = node.data.approvalAboveMinor;
      const balance = balanceOf(ctx.state.account);
      if (endNeedsApproval(node.data) && threshold !== undefined && balance > BigInt(threshold)) {
        ctx.state.awaiting = { kind: 'task-outcome', taskKey: key };
        emit(
          ctx,
          'create-task',
          node.id,
          {
            taskType: 'review',
            title: `Approve writing off ${balance} minor units of ${ctx.state.account.currency}`,
            assignment: 'least-loaded',
            role: 'manager',
            outcomes: [...WRITE_OFF_APPROVAL_OUTCOMES],
            dueAt: new Date(ctx.now + 72 * HOUR_MS).toISOString(),
          },
          key,
        );
        decide(ctx, node.id, 'wait', `${nameOf(node)} needs a manager's approval: ${balance} is above the ${threshold} limit.`);
        return undefined;
      }
      endRun(ctx, node.id, node.data.outcome, `Finished at ${nameOf(node)} with outcome "${node.data.outcome}".`);
      return undefined;
    },
  },
});
