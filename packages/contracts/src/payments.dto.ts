import { z } from 'zod';
import { eventTimeSchema, uuidSchema } from './common.dto.ts';
import { moneyInputSchema, moneySchema } from './money.dto.ts';

export const paymentRequestSchema = z
  .object({
    accountId: uuidSchema.optional(),
    accountRef: z.string().trim().min(1).max(64).optional(),
    amount: moneyInputSchema,
    receivedAt: eventTimeSchema.optional(),
    reference: z.string().trim().max(200).optional(),
    payerName: z.string().trim().max(200).optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.accountId === undefined) === (body.accountRef === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['accountId'], message: 'give exactly one of accountId or accountRef' });
    }
  });
export type PaymentRequest = z.infer<typeof paymentRequestSchema>;

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const idempotencyKeySchema = z
  .string()
  .min(8, { message: 'must be 8 to 200 characters' })
  .max(200, { message: 'must be 8 to 200 characters' })
  .regex(/^[\x21-\x7e]+$/, { message: 'must be printable ASCII without spaces' });

export const allocationViewSchema = z.object({
  id: z.string(),
  invoiceId: z.string(),
  invoiceNumber: z.string(),
  amountMinor: z.string(),
  invoiceOpenMinorAfter: z.string(),
});
export type AllocationView = z.infer<typeof allocationViewSchema>;

export const paymentResponseSchema = z.object({
  payment: z.object({
    id: z.string(),
    accountId: z.string(),
    amount: moneySchema,
    unallocated: moneySchema,
    receivedAt: z.string(),
    reference: z.string(),
    payerName: z.string().nullable(),
  }),
  allocations: z.array(allocationViewSchema),
  /** Set when nothing could be allocated, or something was left over, saying why. */
  note: z.string().nullable(),
  /** Open receivables per currency after the payment. */
  balance: z.array(moneySchema),
});
export type PaymentResponse = z.infer<typeof paymentResponseSchema>;

/** POST /api/payments/:id/reverse: the bank took the money back (a bounced cheque, an NSF debit, a recall). */
export const paymentReversalSchema = z.object({ reason: z.string().trim().min(3).max(500) }).strict();

/** The answer to a reversal: what each invoice owes again, and the account's open balance after it. */
export const paymentReversalViewSchema = z.object({
  paymentId: z.string(),
  accountId: z.string(),
  /** Per invoice, the amount the reversal put back on it, in minor units. */
  restored: z.array(z.object({ invoiceId: z.string(), amountMinor: z.string() })),
  /** Open receivables per currency after the reversal. */
  balance: z.array(moneySchema),
});
export type PaymentReversalView = z.infer<typeof paymentReversalViewSchema>;
