import type { EntityManager } from '@mikro-orm/postgresql';
import { matchPaymentToPromises } from '@recoup/domain';
import { PaymentMissingError } from '../errors.ts';

/** A share of a payment matched to a promise. */
export interface PromiseMatchRow {
  promiseId: string;
  amountMinor: bigint;
  /** The promise is kept (paid in full) after the matching. */
  kept: boolean;
}

export interface PromiseUnmatchRow {
  promiseId: string;
  amountMinor: bigint;
  /** The promise had been kept and is open again. */
  reopened: boolean;
}

interface PaymentRow {
  account_id: string;
  currency: string;
  amount_minor: string;
  received_at: Date;
}

interface OpenPromiseRow {
  id: string;
  amount_minor: string;
  paid_minor: string;
  due_date: string;
  created_at: Date;
}

const lockPayment = async (em: EntityManager, paymentId: string): Promise<PaymentRow> => {
  const rows = await em.execute<PaymentRow[]>(
    `select account_id, currency, amount_minor::text, received_at from payment where id = ? for update`,
    [paymentId],
  );
  const row = rows[0];
  if (!row) throw new PaymentMissingError(`Payment ${paymentId} does not exist.`);
  return row;
};

/**
 * Matches a payment to the account's open promises, oldest first, and records the shares in promise_allocation
 * (whose trigger raises paid_minor and marks a promise paid in full kept). Only promises in the payment's currency
 * whose deadline had not passed when the money was received count. Idempotent: a payment matched before is
 * answered with its earlier matching. Runs in the caller's transaction when there is one.
 *
 * The rows are written with SQL, so PaymentPromise entities loaded earlier in the same EntityManager are stale.
 */
export async function applyPaymentToPromises(em: EntityManager, paymentId: string): Promise<PromiseMatchRow[]> {
  return em.transactional(async (tx) => {
    const payment = await lockPayment(tx, paymentId);
    const earlier = await tx.execute<{ promise_id: string; amount_minor: string; status: string }[]>(
      `select pa.promise_id, pa.amount_minor::text, p.status
         from promise_allocation pa join promise p on p.id = pa.promise_id
        where pa.payment_id = ? order by p.due_date, p.created_at, p.id`,
      [paymentId],
    );
    if (earlier.length > 0) {
      return earlier.map((r) => ({ promiseId: r.promise_id, amountMinor: BigInt(r.amount_minor), kept: r.status === 'kept' }));
    }
    const open = await tx.execute<OpenPromiseRow[]>(
      `select id, amount_minor::text, paid_minor::text, to_char(due_date, 'YYYY-MM-DD') as due_date, created_at
         from promise
        where account_id = ? and currency = ? and status = 'open' and until > ?
        order by due_date, created_at, id
          for update`,
      [payment.account_id, payment.currency, payment.received_at],
    );
    const matches = matchPaymentToPromises(
      open.map((p) => ({
        id: p.id,
        amountMinor: BigInt(p.amount_minor),
        paidMinor: BigInt(p.paid_minor),
        dueDate: p.due_date,
        createdAt: p.created_at,
      })),
      BigInt(payment.amount_minor),
    );
    for (const match of matches) {
      await tx.execute(`insert into promise_allocation (payment_id, promise_id, amount_minor) values (?, ?, ?)`, [
        paymentId,
        match.promiseId,
        match.amountMinor.toString(),
      ]);
    }
    return matches.map((m) => ({ promiseId: m.promiseId, amountMinor: m.amountMinor, kept: m.keptNow }));
  });
}

/**
 * Undoes a payment's promise matching (for a reversed or bounced payment): deletes its promise_allocation rows,
 * whose trigger lowers paid_minor and reopens a promise the payment had kept. A broken promise stays broken.
 * Idempotent: a payment with no matching left answers an empty list.
 */
export async function reversePaymentFromPromises(em: EntityManager, paymentId: string): Promise<PromiseUnmatchRow[]> {
  return em.transactional(async (tx) => {
    await lockPayment(tx, paymentId);
    const rows = await tx.execute<{ promise_id: string; amount_minor: string; status: string }[]>(
      `select pa.promise_id, pa.amount_minor::text, p.status
         from promise_allocation pa join promise p on p.id = pa.promise_id
        where pa.payment_id = ? order by p.due_date, p.created_at, p.id
          for update of p`,
      [paymentId],
    );
    await tx.execute(`delete from promise_allocation where payment_id = ?`, [paymentId]);
    return rows.map((r) => ({ promiseId: r.promise_id, amountMinor: BigInt(r.amount_minor), reopened: r.status === 'kept' }));
  });
}
