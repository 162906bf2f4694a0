import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AllocationRequest, PromiseMatch } from '@recoup/domain';
import { query } from '../bound-query.ts';

// The payments a batch decided on, written with one statement per table instead of a few round trips per line.
// The rows go to PostgreSQL as one JSON document each, bound as a parameter, so a batch costs the same number of
// statements whatever its size and no value is ever spliced into SQL text. The database still checks every row: the allocation and promise
// triggers move the money and refuse what breaks a ledger rule, the unique statement line of a payment refuses a
// line paid twice, and the deferred ledger check runs at commit.

export interface PaymentToWrite {
  accountId: string;
  amountMinor: bigint;
  currency: string;
  receivedAt: Date;
  reference: string;
  payerName: string | null;
  statementLineId: string;
  allocations: readonly AllocationRequest[];
  promises: readonly PromiseMatch[];
}

export class BatchWrites {
  #payments: (PaymentToWrite & { id: string })[] = [];

  get size(): number {
    return this.#payments.length;
  }

  /** Queues a payment; its id is chosen here so its allocations can name it without a round trip. */
  add(payment: PaymentToWrite): string {
    const id = randomUUID();
    this.#payments.push({ ...payment, id });
    return id;
  }

  /** Writes what was queued, in the caller's transaction. */
  async flush(em: EntityManager): Promise<void> {
    const payments = this.#payments;
    this.#payments = [];
    if (payments.length === 0) return;
    // Credit starts at the whole amount: the allocation trigger takes off what goes to invoices, so the payment's
    // unallocated amount is the database's sum, not this process's.
    await query(
      em,
      `insert into payment (id, account_id, amount_minor, currency, received_at, reference, payer_name, statement_line_id, unallocated_minor)
       select r.id, r.account_id, r.amount_minor, r.currency, r.received_at, r.reference, r.payer_name, r.statement_line_id, r.amount_minor
         from jsonb_to_recordset(?::jsonb) as r(id uuid, account_id uuid, amount_minor bigint, currency text, received_at timestamptz,
              reference text, payer_name text, statement_line_id uuid)`,
      [
        JSON.stringify(
          payments.map((p) => ({
            id: p.id,
            account_id: p.accountId,
            amount_minor: p.amountMinor.toString(),
            currency: p.currency,
            received_at: p.receivedAt.toISOString(),
            reference: p.reference,
            payer_name: p.payerName,
            statement_line_id: p.statementLineId,
          })),
        ),
      ],
    );
    const allocations = payments.flatMap((p) =>
      p.allocations.map((a) => ({ payment_id: p.id, invoice_id: a.invoiceId, amount_minor: a.amountMinor.toString() })),
    );
    if (allocations.length > 0) {
      await query(
        em,
        `insert into allocation (payment_id, invoice_id, amount_minor)
         select r.payment_id, r.invoice_id, r.amount_minor
           from jsonb_to_recordset(?::jsonb) as r(payment_id uuid, invoice_id uuid, amount_minor bigint)`,
        [JSON.stringify(allocations)],
      );
    }
    const promises = payments.flatMap((p) => p.promises.map((m) => ({ payment_id: p.id, promise_id: m.promiseId, amount_minor: m.amountMinor.toString() })));
    if (promises.length > 0) {
      await query(
        em,
        `insert into promise_allocation (payment_id, promise_id, amount_minor)
         select r.payment_id, r.promise_id, r.amount_minor
           from jsonb_to_recordset(?::jsonb) as r(payment_id uuid, promise_id uuid, amount_minor bigint)`,
        [JSON.stringify(promises)],
      );
    }
  }
}
