import { z } from 'zod';
import { END_OUTCOMES } from '../schema-parts.ts';
import { defineKind } from './kind.ts';

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
});
