import { z } from 'zod';
import { uuidSchema } from './common.dto.ts';
import { moneyInputSchema, moneySchema } from './money.dto.ts';
import { collectibleViewSchema } from './promises.dto.ts';

export const DISPUTE_STATUS_VALUES = ['open', 'resolved-valid', 'resolved-invalid'] as const;
export const DISPUTE_RESOLUTIONS = ['valid', 'invalid'] as const;

export const openDisputeRequestSchema = z
  .object({
    reason: z.string().trim().min(1, { message: 'must not be empty' }).max(4000),
    items: z
      .array(
        z.object({
          invoiceId: uuidSchema,
          /** The disputed part of the invoice; the whole open amount when absent. */
          amount: moneyInputSchema.optional(),
        }),
      )
      .min(1, { message: 'name at least one invoice' })
      .max(500),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.items.forEach((item, index) => {
      if (seen.has(item.invoiceId)) {
        ctx.addIssue({ code: 'custom', path: ['items', index, 'invoiceId'], message: 'names an invoice already listed' });
      }
      seen.add(item.invoiceId);
    });
  });
export type OpenDisputeRequest = z.infer<typeof openDisputeRequestSchema>;

export const resolveDisputeRequestSchema = z.object({
  resolution: z.enum(DISPUTE_RESOLUTIONS),
  note: z.string().trim().min(1, { message: 'must not be empty' }).max(4000),
});
export type ResolveDisputeRequest = z.infer<typeof resolveDisputeRequestSchema>;

export const disputeAttachmentViewSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  /** As the file's bytes show it: application/pdf, image/png or image/jpeg. */
  mediaType: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  createdAt: z.string(),
});
export type DisputeAttachmentView = z.infer<typeof disputeAttachmentViewSchema>;

export const disputeAttachmentParamsSchema = z.object({
  id: z.uuid({ message: 'must be a UUID' }),
  attachmentId: z.uuid({ message: 'must be a UUID' }),
});

export const disputeViewSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  reason: z.string(),
  status: z.enum(DISPUTE_STATUS_VALUES),
  items: z.array(
    z.object({
      invoiceId: z.string(),
      invoiceNumber: z.string(),
      amount: moneySchema,
    }),
  ),
  /** The user who opened it; null when the debtor opened it in the portal (the audit log names the contact). */
  openedBy: z.string().nullable(),
  openedAt: z.string(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  /** Credit notes written when the dispute was upheld. */
  creditNotes: z.array(z.object({ id: z.string(), invoiceId: z.string(), amount: moneySchema })),
  /** Files the debtor sent with the dispute; GET /api/disputes/:id/attachments/:attachmentId downloads one. */
  attachments: z.array(disputeAttachmentViewSchema),
});
export type DisputeView = z.infer<typeof disputeViewSchema>;

export const disputeListSchema = z.object({
  items: z.array(disputeViewSchema),
  balance: collectibleViewSchema,
});
export type DisputeList = z.infer<typeof disputeListSchema>;
