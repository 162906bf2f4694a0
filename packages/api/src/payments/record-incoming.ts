import type { EntityManager } from '@mikro-orm/postgresql';
import { Allocation, Payment, recordPayment, type IAccount } from '@recoup/db';
import type { PaymentResponse } from '@recoup/contracts';
import { audit } from '../audit/audit.ts';
import { openBalance } from '../shared/balance.ts';
import { planForAccount } from './plan-for-account.ts';

export interface IncomingPayment {
  amountMinor: bigint;
  currency: string;
  receivedAt: Date;
  reference: string;
  payerName: string | null;
  /** Unique across all payments: the same key can never record a second payment. */
  idempotencyKey: string;
  /** Invoices the payer chose, allocated first in this order; whatever is left goes oldest due first. */
  preferInvoiceIds?: readonly string[];
}

/** Who the audit log names for the payment: a user, or nobody (a provider's confirmation) with details saying who. */
export interface PaymentActor {
  actorId: string | null;
  details?: Record<string, unknown>;
}

/**
 * Records a payment against an account and allocates it, with its audit row, in the caller's transaction: every
 * way money arrives (the API, a portal checkout) goes through here, so allocation, promise matching and the audit
 * trail are the same for all of them.
 */
export async function recordIncomingPayment(em: EntityManager, account: IAccount, incoming: IncomingPayment, actor: PaymentActor): Promise<PaymentResponse> {
  const { amountMinor, currency } = incoming;
  const plan = await planForAccount(em, account.id, currency, amountMinor, incoming.preferInvoiceIds);
  // In the same transaction, so a payment, its allocations and the promises it keeps commit together.
  const recorded = await recordPayment(em, {
    accountId: account.id,
    amountMinor,
    currency,
    receivedAt: incoming.receivedAt,
    reference: incoming.reference,
    payerName: incoming.payerName,
    idempotencyKey: incoming.idempotencyKey,
    allocations: plan.map((p) => ({ invoiceId: p.invoice.id, amountMinor: p.amountMinor })),
  });
  const payment = await em.findOneOrFail(Payment, { id: recorded.paymentId });
  const allocations = await em.find(Allocation, { payment: recorded.paymentId });
  const allocationOf = new Map(allocations.map((a) => [a.invoice.id, a.id]));
  await audit(em, {
    actorId: actor.actorId,
    action: 'payment.received',
    entity: 'payment',
    entityId: payment.id,
    details: {
      accountId: account.id,
      amountMinor: amountMinor.toString(),
      currency,
      allocatedMinor: recorded.allocatedMinor.toString(),
      invoices: plan.map((p) => p.invoice.number),
      promises: recorded.promises.map((m) => ({ promiseId: m.promiseId, amountMinor: m.amountMinor.toString(), kept: m.kept })),
      ...actor.details,
    },
  });
  const unallocated = recorded.unallocatedMinor;
  let note: string | null = null;
  const hasOpenInOtherCurrency = plan.length === 0 && (await openBalance(em, account.id)).length > 0;
  if (plan.length === 0) {
    note = hasOpenInOtherCurrency
      ? `No open invoice is in ${currency}: the whole payment is kept as unallocated credit.`
      : 'The account has nothing open: the whole payment is kept as unallocated credit.';
  } else if (unallocated > 0n) {
    note = `The payment exceeds what is open in ${currency}: ${unallocated} minor units are kept as unallocated credit.`;
  }
  return {
    payment: {
      id: payment.id,
      accountId: account.id,
      amount: { amountMinor: amountMinor.toString(), currency },
      unallocated: { amountMinor: unallocated.toString(), currency },
      receivedAt: payment.receivedAt.toISOString(),
      reference: payment.reference,
      payerName: payment.payerName ?? null,
    },
    allocations: plan.map((planned) => ({
      id: allocationOf.get(planned.invoice.id) ?? '',
      invoiceId: planned.invoice.id,
      invoiceNumber: planned.invoice.number,
      amountMinor: planned.amountMinor.toString(),
      invoiceOpenMinorAfter: (planned.invoice.openMinor - planned.amountMinor).toString(),
    })),
    note,
    balance: await openBalance(em, account.id),
  };
}
