import type { EntityManager } from '@mikro-orm/postgresql';
import { checkAllocations, type AllocationProblem, type AllocationRequest, type LedgerInvoice } from '@recoup/domain';
import { DbError } from '../errors.ts';
import { applyPaymentToPromises, type PromiseMatchRow } from '../promises/promise-matching.ts';

/** The allocations asked for break a ledger rule; nothing was written. */
export class AllocationRefusedError extends DbError {
  readonly problems: AllocationProblem[];

  constructor(problems: AllocationProblem[]) {
    super('refused', 'allocation-refused', problems.map((p) => p.message).join(' '), { details: { problems } });
    this.problems = problems;
  }
}

export interface PaymentToRecord {
  accountId: string;
  amountMinor: bigint;
  currency: string;
  receivedAt: Date;
  reference: string;
  payerName: string | null;
  /** For payments posted through the API: the caller's Idempotency-Key. */
  idempotencyKey?: string | null;
  /** For payments from a bank statement: the line, which can become one payment only. */
  statementLineId?: string | null;
  /** What goes to which invoice; whatever the payment has beyond them stays on the account as credit. */
  allocations: readonly AllocationRequest[];
}

/** What a caller that applies many payments in one transaction already holds locked and knows. */
export interface KnownLedger {
  /** The invoices the allocations name, locked in this transaction, with their current open amounts. */
  invoices: LedgerInvoice[];
  /** Whether the account has an open promise to pay. */
  openPromise: boolean;
}

export interface RecordedPayment {
  paymentId: string;
  allocatedMinor: bigint;
  unallocatedMinor: bigint;
  promises: PromiseMatchRow[];
}

interface LockedInvoiceRow {
  id: string;
  number: string;
  account_id: string;
  currency: string;
  status: LedgerInvoice['status'];
  open_minor: string;
}

/**
 * Locks the invoices, in id order, so that two transactions applying money to the same invoices queue up rather
 * than deadlock, and returns them as the ledger rules see them.
 */
export async function lockInvoices(em: EntityManager, invoiceIds: readonly string[]): Promise<LedgerInvoice[]> {
  if (invoiceIds.length === 0) return [];
  const rows = await em.execute<LockedInvoiceRow[]>(
    `select id, number, account_id, trim(currency) as currency, status, open_minor::text
       from invoice where id in (?) order by id for update`,
    [[...new Set(invoiceIds)]],
  );
  return rows.map((r) => ({
    invoiceId: r.id,
    number: r.number,
    accountId: r.account_id,
    currency: r.currency,
    status: r.status,
    openMinor: BigInt(r.open_minor),
  }));
}

/**
 * Records a payment and its allocations in the caller's transaction, after checking the ledger rules, then matches
 * it to the account's open promises, oldest first. The allocation trigger lowers the invoices' open amounts; what
 * is not allocated stays on the payment as credit.
 */
export async function recordPayment(em: EntityManager, payment: PaymentToRecord, known?: KnownLedger): Promise<RecordedPayment> {
  const invoices = known?.invoices ?? (await lockInvoices(em, payment.allocations.map((a) => a.invoiceId)));
  const problems = checkAllocations(
    { accountId: payment.accountId, currency: payment.currency, availableMinor: payment.amountMinor },
    payment.allocations,
    invoices,
  );
  if (problems.length > 0) throw new AllocationRefusedError(problems);
  const [row] = await em.execute<{ id: string }[]>(
    `insert into payment (account_id, amount_minor, currency, received_at, reference, payer_name, idempotency_key,
       statement_line_id, unallocated_minor)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
    [
      payment.accountId,
      payment.amountMinor.toString(),
      payment.currency,
      payment.receivedAt,
      payment.reference,
      payment.payerName,
      payment.idempotencyKey ?? null,
      payment.statementLineId ?? null,
      payment.amountMinor.toString(),
    ],
  );
  const paymentId = row?.id;
  if (!paymentId) throw new Error('The payment insert returned no id.');
  const allocatedMinor = payment.allocations.reduce((sum, a) => sum + a.amountMinor, 0n);
  if (payment.allocations.length > 0) {
    const values: unknown[] = [];
    const rows = payment.allocations.map((a) => {
      values.push(paymentId, a.invoiceId, a.amountMinor.toString());
      return '(?, ?, ?)';
    });
    await em.execute(`insert into allocation (payment_id, invoice_id, amount_minor) values ${rows.join(', ')}`, values);
  }
  const promised = known?.openPromise ?? (await hasOpenPromise(em, payment.accountId));
  const promises = promised ? await applyPaymentToPromises(em, paymentId) : [];
  return { paymentId, allocatedMinor, unallocatedMinor: payment.amountMinor - allocatedMinor, promises };
}

const hasOpenPromise = async (em: EntityManager, accountId: string): Promise<boolean> => {
  const rows = await em.execute<{ open: boolean }[]>(`select exists (select 1 from promise where account_id = ? and status = 'open') as open`, [accountId]);
  return rows[0]?.open === true;
};
