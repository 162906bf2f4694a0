import type { EntityManager } from '@mikro-orm/postgresql';
import { PaymentMissingError } from '../errors.ts';
import { reversePaymentFromPromises, type PromiseUnmatchRow } from '../promises/promise-matching.ts';

export interface PaymentReversal {
  paymentId: string;
  accountId: string;
  /** false: the payment had been reversed before, and nothing changed now. */
  reversed: boolean;
  /** The money given back to each invoice. */
  restored: { invoiceId: string; amountMinor: bigint }[];
  /** Promises the payment had paid into: their paid amount is lowered, and a kept one is open again. */
  promises: PromiseUnmatchRow[];
}

/**
 * Takes a payment back (returned, bounced, NSF), in the caller's transaction. Its allocations are deleted, which
 * the allocation trigger turns back into open amounts on the invoices; its promise matching is undone; and it is
 * marked reversed with nothing left as credit. The row stays: the money came and went. Reversing a reversed
 * payment changes nothing.
 */
export async function reversePayment(
  em: EntityManager,
  paymentId: string,
  reversal: { reason: string; reversalLineId?: string | null; at: Date },
): Promise<PaymentReversal> {
  const [payment] = await em.execute<{ account_id: string; reversed_at: Date | null }[]>(
    `select account_id, reversed_at from payment where id = ? for update`,
    [paymentId],
  );
  if (!payment) throw new PaymentMissingError(`Payment ${paymentId} does not exist.`);
  if (payment.reversed_at !== null) return { paymentId, accountId: payment.account_id, reversed: false, restored: [], promises: [] };
  const promises = await reversePaymentFromPromises(em, paymentId);
  const restored = await em.execute<{ invoice_id: string; amount_minor: string }[]>(
    `delete from allocation where payment_id = ? returning invoice_id, amount_minor::text`,
    [paymentId],
  );
  await em.execute(
    `update payment set reversed_at = ?, reversal_reason = ?, reversal_line_id = ?, unallocated_minor = 0 where id = ?`,
    [reversal.at, reversal.reason, reversal.reversalLineId ?? null, paymentId],
  );
  return {
    paymentId,
    accountId: payment.account_id,
    reversed: true,
    restored: restored.map((r) => ({ invoiceId: r.invoice_id, amountMinor: BigInt(r.amount_minor) })),
    promises,
  };
}
