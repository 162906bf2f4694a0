import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Allocation,
  AuditLog,
  CheckConstraintViolationException,
  Invoice,
  Payment,
  Strategy,
  StrategyVersion,
  type IAccount,
  type IInvoice,
  type IPayment,
} from '@recoup/db';
import { createTestDatabase, type TestDatabase, insertTestAccount, insertTestInvoice } from '@recoup/db/testing';
import { DEFAULT_STRATEGY } from '@recoup/domain';

let db: TestDatabase;
let seq = 0;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db.drop();
});

const em = (): EntityManager => db.orm.em.fork();

const newAccount = (currency = 'EUR'): Promise<IAccount> => insertTestAccount(em(), { prefix: 'C', currency });

const newInvoice = (account: IAccount, amountMinor: bigint, currency = 'EUR'): Promise<IInvoice> =>
  insertTestInvoice(em(), account, amountMinor, { currency });

async function newPayment(account: IAccount, amountMinor: bigint, currency = 'EUR'): Promise<IPayment> {
  const fork = em();
  const payment = fork.create(Payment, {
    account: account.id,
    amountMinor,
    currency,
    receivedAt: new Date(),
    reference: `PAY-${++seq}`,
    unallocatedMinor: amountMinor,
  });
  await fork.flush();
  return payment;
}

async function allocate(payment: IPayment, invoice: IInvoice, amountMinor: bigint): Promise<string> {
  const fork = em();
  const allocation = fork.create(Allocation, { payment: payment.id, invoice: invoice.id, amountMinor });
  await fork.flush();
  return allocation.id;
}

async function reload(invoice: IInvoice, payment: IPayment): Promise<{ invoice: IInvoice; payment: IPayment }> {
  const fork = em();
  return {
    invoice: await fork.findOneOrFail(Invoice, invoice.id),
    payment: await fork.findOneOrFail(Payment, payment.id),
  };
}

/** One INSERT of many allocation rows, as a reconciliation batch writes them. */
async function allocateAtOnce(rows: { payment: IPayment; invoice: IInvoice; amountMinor: bigint }[]): Promise<void> {
  await em().execute(
    `insert into allocation (payment_id, invoice_id, amount_minor) values ${rows.map(() => '(?, ?, ?)').join(', ')}`,
    rows.flatMap((r) => [r.payment.id, r.invoice.id, r.amountMinor.toString()]),
  );
}

describe('allocations written many rows in one statement', () => {
  it('moves the sums of every row to the payments and invoices, and gives them back when the rows are deleted together', async () => {
    const account = await newAccount();
    const first = await newInvoice(account, 10_000n);
    const second = await newInvoice(account, 5_000n);
    const payment = await newPayment(account, 20_000n);
    const other = await newPayment(account, 1_000n);
    await allocateAtOnce([
      { payment, invoice: first, amountMinor: 4_000n },
      { payment, invoice: first, amountMinor: 6_000n },
      { payment, invoice: second, amountMinor: 2_000n },
      { payment: other, invoice: second, amountMinor: 1_000n },
    ]);
    const fork = em();
    expect(await fork.findOneOrFail(Invoice, first.id)).toMatchObject({ openMinor: 0n, status: 'paid' });
    expect(await fork.findOneOrFail(Invoice, second.id)).toMatchObject({ openMinor: 2_000n, status: 'open' });
    expect((await fork.findOneOrFail(Payment, payment.id)).unallocatedMinor).toBe(8_000n);
    expect((await fork.findOneOrFail(Payment, other.id)).unallocatedMinor).toBe(0n);

    await em().execute(`delete from allocation where payment_id in (?)`, [[payment.id, other.id]]);
    const after = em();
    expect(await after.findOneOrFail(Invoice, first.id)).toMatchObject({ openMinor: 10_000n, status: 'open' });
    expect(await after.findOneOrFail(Invoice, second.id)).toMatchObject({ openMinor: 5_000n, status: 'open' });
    expect((await after.findOneOrFail(Payment, payment.id)).unallocatedMinor).toBe(20_000n);
  });

  it('refuses a statement whose rows together allocate more than an invoice owes, though each row alone fits', async () => {
    const account = await newAccount();
    const invoice = await newInvoice(account, 10_000n);
    const a = await newPayment(account, 8_000n);
    const b = await newPayment(account, 8_000n);
    await expect(
      allocateAtOnce([
        { payment: a, invoice, amountMinor: 6_000n },
        { payment: b, invoice, amountMinor: 6_000n },
      ]),
    ).rejects.toThrow(/invoice_open_minor_check/);
    const now = await reload(invoice, a);
    expect(now.invoice.openMinor).toBe(10_000n);
    expect(now.payment.unallocatedMinor).toBe(8_000n);
    expect(await em().count(Allocation, { invoice: invoice.id })).toBe(0);
  });

  it('refuses a statement whose rows together take more than a payment has, though each row alone fits', async () => {
    const account = await newAccount();
    const first = await newInvoice(account, 10_000n);
    const second = await newInvoice(account, 10_000n);
    const payment = await newPayment(account, 9_000n);
    await expect(
      allocateAtOnce([
        { payment, invoice: first, amountMinor: 5_000n },
        { payment, invoice: second, amountMinor: 5_000n },
      ]),
    ).rejects.toThrow(/payment_unallocated_minor_check/);
    const now = await reload(first, payment);
    expect(now.invoice.openMinor).toBe(10_000n);
    expect(now.payment.unallocatedMinor).toBe(9_000n);
  });

  it('refuses the whole statement when one of its rows mixes currencies, and writes none of its rows', async () => {
    const account = await newAccount();
    const euros = await newInvoice(account, 10_000n, 'EUR');
    const dollars = await newInvoice(account, 10_000n, 'USD');
    const payment = await newPayment(account, 20_000n, 'EUR');
    const refused = allocateAtOnce([
      { payment, invoice: euros, amountMinor: 1_000n },
      { payment, invoice: dollars, amountMinor: 1_000n },
    ]);
    await expect(refused).rejects.toThrow(/allocation currency mismatch: payment is in EUR, invoice is in USD/);
    await expect(refused).rejects.toBeInstanceOf(CheckConstraintViolationException);
    expect((await reload(euros, payment)).invoice.openMinor).toBe(10_000n);
    expect(await em().count(Allocation, { payment: payment.id })).toBe(0);
  });

  it('refuses a statement that allocates to a cancelled invoice', async () => {
    const account = await newAccount();
    const open = await newInvoice(account, 10_000n);
    const cancelled = await newInvoice(account, 10_000n);
    await em().nativeUpdate(Invoice, { id: cancelled.id }, { status: 'cancelled' });
    const payment = await newPayment(account, 20_000n);
    await expect(
      allocateAtOnce([
        { payment, invoice: open, amountMinor: 1_000n },
        { payment, invoice: cancelled, amountMinor: 1_000n },
      ]),
    ).rejects.toThrow(/allocation refused: invoice .* is cancelled/);
    expect((await reload(open, payment)).payment.unallocatedMinor).toBe(20_000n);
  });
});

describe('allocation trigger', () => {
  it('moves money from the payment to the invoice and marks a fully paid invoice paid', async () => {
    const account = await newAccount();
    const invoice = await newInvoice(account, 10_000n);
    const payment = await newPayment(account, 15_000n);

    await allocate(payment, invoice, 4_000n);
    let now = await reload(invoice, payment);
    expect(now.invoice.openMinor).toBe(6_000n);
    expect(now.invoice.status).toBe('open');
    expect(now.payment.unallocatedMinor).toBe(11_000n);

    await allocate(payment, invoice, 6_000n);
    now = await reload(invoice, payment);
    expect(now.invoice.openMinor).toBe(0n);
    expect(now.invoice.status).toBe('paid');
    expect(now.payment.unallocatedMinor).toBe(5_000n);
  });

  it('refuses an allocation above the payment', async () => {
    const account = await newAccount();
    const invoice = await newInvoice(account, 10_000n);
    const payment = await newPayment(account, 3_000n);
    await expect(allocate(payment, invoice, 3_001n)).rejects.toThrow(/payment_unallocated_minor_check/);
    const now = await reload(invoice, payment);
    expect(now.payment.unallocatedMinor).toBe(3_000n);
    expect(now.invoice.openMinor).toBe(10_000n);
  });

  it("refuses an allocation above the invoice's open amount", async () => {
    const account = await newAccount();
    const invoice = await newInvoice(account, 10_000n);
    const payment = await newPayment(account, 50_000n);
    await allocate(payment, invoice, 9_000n);
    await expect(allocate(payment, invoice, 1_001n)).rejects.toThrow(/invoice_open_minor_check/);
    const now = await reload(invoice, payment);
    expect(now.invoice.openMinor).toBe(1_000n);
    expect(now.payment.unallocatedMinor).toBe(41_000n);
  });

  it('refuses an allocation between different currencies', async () => {
    const account = await newAccount();
    const invoice = await newInvoice(account, 10_000n, 'USD');
    const payment = await newPayment(account, 10_000n, 'EUR');
    const refused = allocate(payment, invoice, 100n);
    await expect(refused).rejects.toThrow(/allocation currency mismatch: payment is in EUR, invoice is in USD/);
    await expect(refused).rejects.toBeInstanceOf(CheckConstraintViolationException);
  });

  it('refuses zero and negative allocations', async () => {
    const account = await newAccount();
    const invoice = await newInvoice(account, 10_000n);
    const payment = await newPayment(account, 10_000n);
    await expect(allocate(payment, invoice, 0n)).rejects.toThrow(/allocation_amount_minor_check/);
    await expect(allocate(payment, invoice, -5n)).rejects.toThrow(/allocation_amount_minor_check/);
  });

  it('restores the open and unallocated amounts when an allocation is deleted', async () => {
    const account = await newAccount();
    const invoice = await newInvoice(account, 10_000n);
    const payment = await newPayment(account, 10_000n);
    const allocationId = await allocate(payment, invoice, 10_000n);
    expect((await reload(invoice, payment)).invoice.status).toBe('paid');

    const fork = em();
    fork.remove(fork.getReference(Allocation, allocationId));
    await fork.flush();

    const now = await reload(invoice, payment);
    expect(now.invoice.openMinor).toBe(10_000n);
    expect(now.invoice.status).toBe('open');
    expect(now.payment.unallocatedMinor).toBe(10_000n);
  });

  it('refuses to change an allocation in place', async () => {
    const account = await newAccount();
    const invoice = await newInvoice(account, 10_000n);
    const payment = await newPayment(account, 10_000n);
    const allocationId = await allocate(payment, invoice, 1_000n);
    await expect(
      em().nativeUpdate(Allocation, { id: allocationId }, { amountMinor: 2_000n }),
    ).rejects.toThrow(/allocations are immutable/);
  });
});

describe('table constraints', () => {
  it('refuses a duplicate invoice number', async () => {
    const account = await newAccount();
    const invoice = await newInvoice(account, 100n);
    const fork = em();
    fork.create(Invoice, {
      account: account.id,
      number: invoice.number,
      issueDate: '2026-01-01',
      dueDate: '2026-01-31',
      currency: 'EUR',
      amountMinor: 200n,
      openMinor: 200n,
    });
    await expect(fork.flush()).rejects.toThrow(/invoice_number_unique/);
  });

  it('refuses zero and negative invoice and payment amounts', async () => {
    const account = await newAccount();
    await expect(newInvoice(account, 0n)).rejects.toThrow(/invoice_amount_minor_check/);
    await expect(newInvoice(account, -100n)).rejects.toThrow(/invoice_amount_minor_check/);
    await expect(newPayment(account, 0n)).rejects.toThrow(/payment_amount_minor_check/);
    await expect(newPayment(account, -1n)).rejects.toThrow(/payment_amount_minor_check/);
  });

  it('refuses an invoice whose open amount exceeds its amount', async () => {
    const account = await newAccount();
    const fork = em();
    fork.create(Invoice, {
      account: account.id,
      number: `INV-${++seq}`,
      issueDate: '2026-01-01',
      dueDate: '2026-01-31',
      currency: 'EUR',
      amountMinor: 100n,
      openMinor: 101n,
    });
    await expect(fork.flush()).rejects.toThrow(/invoice_open_minor_check/);
  });

  it('refuses a malformed currency code', async () => {
    await expect(newAccount('eur')).rejects.toThrow(/account_currency_check/);
  });

  it('keeps amounts beyond the safe integer range exact', async () => {
    const account = await newAccount();
    const huge = 9_007_199_254_740_993n;
    const invoice = await newInvoice(account, huge);
    const fork = em();
    expect((await fork.findOneOrFail(Invoice, invoice.id)).amountMinor).toBe(huge);
  });
});

describe('immutable tables', () => {
  it('refuses to update or delete a published strategy version', async () => {
    const fork = em();
    const strategy = fork.create(Strategy, { name: `S-${++seq}`, draft: structuredClone(DEFAULT_STRATEGY.graph) });
    const version = fork.create(StrategyVersion, {
      strategy,
      version: 1,
      graph: structuredClone(DEFAULT_STRATEGY.graph),
      checksum: 'a'.repeat(64),
    });
    await fork.flush();

    await expect(
      em().nativeUpdate(StrategyVersion, { id: version.id }, { checksum: 'b'.repeat(64) }),
    ).rejects.toThrow(/strategy_version rows are immutable: UPDATE refused/);
    await expect(em().nativeDelete(StrategyVersion, { id: version.id })).rejects.toThrow(
      /strategy_version rows are immutable: DELETE refused/,
    );
  });

  it('refuses to update or delete an audit log row', async () => {
    const fork = em();
    const row = fork.create(AuditLog, {
      at: new Date(),
      action: 'test',
      entity: 'account',
      entityId: 'x',
      details: {},
      hash: 'c'.repeat(64),
    });
    await fork.flush();
    await expect(em().nativeUpdate(AuditLog, { id: row.id }, { action: 'changed' })).rejects.toThrow(
      /audit_log rows are immutable: UPDATE refused/,
    );
    await expect(em().nativeDelete(AuditLog, { id: row.id })).rejects.toThrow(
      /audit_log rows are immutable: DELETE refused/,
    );
  });
});
