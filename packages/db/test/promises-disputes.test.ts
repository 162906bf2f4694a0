import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CheckConstraintViolationException,
  Contact,
  CreditNote,
  Dispute,
  DisputeItem,
  Invoice,
  Payment,
  PaymentPlan,
  PaymentPromise,
  PromiseAllocation,
  applyPaymentToPromises,
  collectibleAmounts,
  debtorTimeZone,
  reversePaymentFromPromises,
  type IAccount,
  type IInvoice,
  type IPaymentPromise,
} from '@recoup/db';
import { createTestDatabase, type TestDatabase, insertTestAccount, insertTestInvoice } from '@recoup/db/testing';

let db: TestDatabase;
let seq = 0;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db.drop();
});

const em = (): EntityManager => db.orm.em.fork();

const newAccount = (currency = 'EUR'): Promise<IAccount> => insertTestAccount(em(), { prefix: 'PD', currency });

const newInvoice = (account: IAccount, amountMinor: bigint, currency = 'EUR'): Promise<IInvoice> =>
  insertTestInvoice(em(), account, amountMinor, { currency });

async function newPayment(account: IAccount, amountMinor: bigint, receivedAt = new Date('2026-11-25T12:00:00Z'), currency = 'EUR'): Promise<string> {
  const fork = em();
  const payment = fork.create(Payment, {
    account: account.id,
    amountMinor,
    currency,
    receivedAt,
    reference: `PAY-${++seq}`,
    unallocatedMinor: amountMinor,
  });
  await fork.flush();
  return payment.id;
}

async function newPromise(
  account: IAccount,
  amountMinor: bigint,
  dueDate: string,
  extra: Partial<{ until: Date; currency: string; plan: string; installmentNo: number; createdAt: Date }> = {},
): Promise<IPaymentPromise> {
  const fork = em();
  const promise = fork.create(PaymentPromise, {
    account: account.id,
    amountMinor,
    currency: extra.currency ?? 'EUR',
    dueDate,
    graceDays: 0,
    until: extra.until ?? new Date('2099-01-01T00:00:00Z'),
    source: extra.plan ? 'plan' : 'api',
    plan: extra.plan ?? null,
    installmentNo: extra.installmentNo ?? null,
    ...(extra.createdAt ? { createdAt: extra.createdAt } : {}),
  });
  await fork.flush();
  return promise;
}

const promiseNow = async (id: string) => em().findOneOrFail(PaymentPromise, id);
const invoiceNow = async (id: string) => em().findOneOrFail(Invoice, id);

async function openDispute(account: IAccount, items: { invoice: IInvoice; amountMinor: bigint }[]): Promise<string> {
  const fork = em();
  const dispute = fork.create(Dispute, { account: account.id, reason: 'goods damaged' });
  for (const item of items) fork.create(DisputeItem, { dispute, invoice: item.invoice.id, amountMinor: item.amountMinor });
  await fork.flush();
  return dispute.id;
}

async function credit(account: IAccount, invoice: IInvoice, amountMinor: bigint, currency = 'EUR'): Promise<void> {
  const fork = em();
  fork.create(CreditNote, { account: account.id, invoice: invoice.id, amountMinor, currency, reason: 'dispute upheld' });
  await fork.flush();
}

describe('credit_note trigger', () => {
  it('lowers the open amount and marks an invoice credited to zero paid', async () => {
    const account = await newAccount();
    const invoice = await newInvoice(account, 10_000n);
    await credit(account, invoice, 4_000n);
    expect(await invoiceNow(invoice.id)).toMatchObject({ openMinor: 6_000n, status: 'open' });
    await credit(account, invoice, 6_000n);
    expect(await invoiceNow(invoice.id)).toMatchObject({ openMinor: 0n, status: 'paid' });
  });

  it('refuses to credit more than the invoice has open, and changes nothing', async () => {
    const account = await newAccount();
    const invoice = await newInvoice(account, 10_000n);
    await credit(account, invoice, 9_000n);
    const refused = credit(account, invoice, 1_001n);
    await expect(refused).rejects.toThrow(/credit note refused: 1001 minor units exceed the 1000 open/);
    await expect(refused).rejects.toBeInstanceOf(CheckConstraintViolationException);
    expect((await invoiceNow(invoice.id)).openMinor).toBe(1_000n);
    expect(await em().count(CreditNote, { invoice: invoice.id })).toBe(1);
  });

  it('refuses a credit note in another currency than the invoice', async () => {
    const account = await newAccount();
    const invoice = await newInvoice(account, 10_000n, 'USD');
    await expect(credit(account, invoice, 100n, 'EUR')).rejects.toThrow(/credit note currency mismatch: credit note is in EUR, invoice is in USD/);
  });

  it('refuses to change or delete a credit note', async () => {
    const account = await newAccount();
    const invoice = await newInvoice(account, 10_000n);
    await credit(account, invoice, 100n);
    const note = await em().findOneOrFail(CreditNote, { invoice: invoice.id });
    await expect(em().nativeUpdate(CreditNote, { id: note.id }, { amountMinor: 50n })).rejects.toThrow(/credit_note rows are immutable/);
    await expect(em().nativeDelete(CreditNote, { id: note.id })).rejects.toThrow(/credit_note rows are immutable/);
  });
});

describe('dispute_item trigger', () => {
  it('refuses to dispute more than the invoice has open', async () => {
    const account = await newAccount();
    const invoice = await newInvoice(account, 5_000n);
    await expect(openDispute(account, [{ invoice, amountMinor: 5_001n }])).rejects.toThrow(/5001 minor units exceed the 5000 open/);
  });

  it('allows one open dispute per invoice, and another once the first is resolved', async () => {
    const account = await newAccount();
    const invoice = await newInvoice(account, 5_000n);
    const first = await openDispute(account, [{ invoice, amountMinor: 1_000n }]);
    await expect(openDispute(account, [{ invoice, amountMinor: 500n }])).rejects.toThrow(/already under an open dispute/);
    await em().nativeUpdate(Dispute, { id: first }, { status: 'resolved-invalid', resolvedAt: new Date() });
    await expect(openDispute(account, [{ invoice, amountMinor: 500n }])).resolves.toEqual(expect.any(String));
  });

  it('lets only one of two disputes opened at once on the same invoice through', async () => {
    const account = await newAccount();
    const invoice = await newInvoice(account, 5_000n);
    const open = (delayMs: number) =>
      em().transactional(async (tx) => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        const dispute = tx.create(Dispute, { account: account.id, reason: 'raced' });
        tx.create(DisputeItem, { dispute, invoice: invoice.id, amountMinor: 1_000n });
        await tx.flush();
        // Hold the invoice lock a while, so the other insert has to wait for this commit.
        await new Promise((resolve) => setTimeout(resolve, 200));
      });
    const results = await Promise.allSettled([open(0), open(50)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(String(rejected?.reason)).toMatch(/already under an open dispute/);
    expect(await em().count(DisputeItem, { invoice: invoice.id })).toBe(1);
  });

  it("refuses another account's invoice", async () => {
    const account = await newAccount();
    const other = await newAccount();
    const invoice = await newInvoice(other, 5_000n);
    await expect(openDispute(account, [{ invoice, amountMinor: 1n }])).rejects.toThrow(/belongs to another account/);
  });
});

describe('collectibleAmounts', () => {
  it('subtracts open disputes, each capped by what its invoice still has open', async () => {
    const account = await newAccount();
    const a = await newInvoice(account, 10_000n);
    const b = await newInvoice(account, 4_000n);
    await newInvoice(account, 9_999n, 'USD');
    await openDispute(account, [
      { invoice: a, amountMinor: 3_000n },
      { invoice: b, amountMinor: 4_000n },
    ]);
    expect(await collectibleAmounts(em(), account.id)).toEqual({
      currency: 'EUR',
      openMinor: 14_000n,
      disputedMinor: 7_000n,
      collectibleMinor: 7_000n,
    });
    // A credit note on b leaves 1000 open there, so only 1000 of its 4000 disputed still counts.
    await credit(account, b, 3_000n);
    expect(await collectibleAmounts(em(), account.id)).toMatchObject({ openMinor: 11_000n, disputedMinor: 4_000n, collectibleMinor: 7_000n });
  });

  it('reads the debtor time zone from the primary contact, else the account', async () => {
    const account = await newAccount();
    expect(await debtorTimeZone(em(), account.id)).toBe('Europe/Berlin');
    const fork = em();
    fork.create(Contact, { account: account.id, name: 'Ana', timeZone: 'America/Chicago', isPrimary: true });
    await fork.flush();
    expect(await debtorTimeZone(em(), account.id)).toBe('America/Chicago');
  });
});

describe('promise matching', () => {
  it('pays promises oldest first, marks the first kept, and answers the same matching when applied again', async () => {
    const account = await newAccount();
    const later = await newPromise(account, 3_000n, '2026-12-15');
    const first = await newPromise(account, 5_000n, '2026-12-01');
    const payment = await newPayment(account, 6_000n);
    const matches = await applyPaymentToPromises(em(), payment);
    expect(matches).toEqual([
      { promiseId: first.id, amountMinor: 5_000n, kept: true },
      { promiseId: later.id, amountMinor: 1_000n, kept: false },
    ]);
    expect(await promiseNow(first.id)).toMatchObject({ status: 'kept', paidMinor: 5_000n, resolvedAt: expect.any(Date) });
    expect(await promiseNow(later.id)).toMatchObject({ status: 'open', paidMinor: 1_000n, resolvedAt: null });
    expect(await applyPaymentToPromises(em(), payment)).toEqual(matches);
    expect(await em().count(PromiseAllocation, { payment })).toBe(2);
  });

  it('skips promises whose deadline passed before the money arrived and promises in another currency', async () => {
    const account = await newAccount();
    const expired = await newPromise(account, 1_000n, '2026-11-01', { until: new Date('2026-11-05T00:00:00Z') });
    const dollars = await newPromise(account, 1_000n, '2026-11-02', { currency: 'USD' });
    const current = await newPromise(account, 1_000n, '2026-12-01');
    const payment = await newPayment(account, 500n, new Date('2026-11-10T00:00:00Z'));
    expect((await applyPaymentToPromises(em(), payment)).map((m) => m.promiseId)).toEqual([current.id]);
    expect((await promiseNow(expired.id)).paidMinor).toBe(0n);
    expect((await promiseNow(dollars.id)).paidMinor).toBe(0n);
  });

  it('reverses a matching: paid amounts go back and a kept promise opens again', async () => {
    const account = await newAccount();
    const first = await newPromise(account, 2_000n, '2026-12-01');
    const second = await newPromise(account, 2_000n, '2026-12-02');
    const payment = await newPayment(account, 3_000n);
    await applyPaymentToPromises(em(), payment);
    expect(await reversePaymentFromPromises(em(), payment)).toEqual([
      { promiseId: first.id, amountMinor: 2_000n, reopened: true },
      { promiseId: second.id, amountMinor: 1_000n, reopened: false },
    ]);
    expect(await promiseNow(first.id)).toMatchObject({ status: 'open', paidMinor: 0n, resolvedAt: null });
    expect(await promiseNow(second.id)).toMatchObject({ status: 'open', paidMinor: 0n });
    expect(await reversePaymentFromPromises(em(), payment)).toEqual([]);
  });

  it('refuses to pay a promise beyond its amount or one that is no longer open', async () => {
    const account = await newAccount();
    const promise = await newPromise(account, 1_000n, '2026-12-01');
    const payment = await newPayment(account, 5_000n);
    const fork = em();
    fork.create(PromiseAllocation, { payment, promise: promise.id, amountMinor: 1_001n });
    await expect(fork.flush()).rejects.toThrow(/promise_paid_minor_check/);
    await em().nativeUpdate(PaymentPromise, { id: promise.id }, { status: 'broken', resolvedAt: new Date() });
    const again = em();
    again.create(PromiseAllocation, { payment, promise: promise.id, amountMinor: 10n });
    await expect(again.flush()).rejects.toThrow(/promise .* is broken, not open/);
  });

  it('completes a plan when every installment is kept and breaks it when one is broken', async () => {
    const account = await newAccount();
    const fork = em();
    const plan = fork.create(PaymentPlan, {
      account: account.id,
      key: `plan-${++seq}`,
      installments: 2,
      intervalDays: 30,
      graceDays: 0,
      totalMinor: 2_000n,
      currency: 'EUR',
    });
    await fork.flush();
    const one = await newPromise(account, 1_000n, '2026-12-01', { plan: plan.id, installmentNo: 1 });
    await newPromise(account, 1_000n, '2026-12-31', { plan: plan.id, installmentNo: 2 });
    await applyPaymentToPromises(em(), await newPayment(account, 1_000n));
    expect((await em().findOneOrFail(PaymentPlan, plan.id)).status).toBe('active');
    await applyPaymentToPromises(em(), await newPayment(account, 1_000n));
    expect(await em().findOneOrFail(PaymentPlan, plan.id)).toMatchObject({ status: 'completed', resolvedAt: expect.any(Date) });

    const broken = em();
    const plan2 = broken.create(PaymentPlan, {
      account: account.id,
      key: `plan-${++seq}`,
      installments: 1,
      intervalDays: 30,
      graceDays: 0,
      totalMinor: 1_000n,
      currency: 'EUR',
    });
    await broken.flush();
    const lone = await newPromise(account, 1_000n, '2026-12-01', { plan: plan2.id, installmentNo: 1 });
    await em().nativeUpdate(PaymentPromise, { id: lone.id }, { status: 'broken', resolvedAt: new Date() });
    expect((await em().findOneOrFail(PaymentPlan, plan2.id)).status).toBe('broken');
    expect((await promiseNow(one.id)).status).toBe('kept');
  });
});
