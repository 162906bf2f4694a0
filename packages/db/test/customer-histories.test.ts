import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Account,
  Allocation,
  Communication,
  Contact,
  CreditNote,
  Dispute,
  DisputeItem,
  Invoice,
  Payment,
  PaymentPromise,
  loadCustomerHistories,
  type IAccount,
  type IInvoice,
} from '@recoup/db';
import { parseCalendarDate, type CustomerHistory } from '@recoup/domain';
import { createTestDatabase, insertTestAccount, insertTestInvoice, type TestDatabase } from '@recoup/db/testing';

let db: TestDatabase;
let seq = 0;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db.drop();
});

const em = (): EntityManager => db.orm.em.fork();
const day = parseCalendarDate;

async function pay(account: IAccount, invoice: IInvoice, amountMinor: bigint, receivedAt: string): Promise<void> {
  const fork = em();
  const payment = fork.create(Payment, {
    account: account.id,
    amountMinor,
    currency: 'EUR',
    receivedAt: new Date(receivedAt),
    reference: `CH-${++seq}`,
    unallocatedMinor: amountMinor,
  });
  fork.create(Allocation, { payment, invoice: invoice.id, amountMinor });
  await fork.flush();
}

async function credit(account: IAccount, invoice: IInvoice, amountMinor: bigint, createdAt: string): Promise<void> {
  const fork = em();
  fork.create(CreditNote, { account: account.id, invoice: invoice.id, amountMinor, currency: 'EUR', reason: 'price corrected', createdAt: new Date(createdAt) });
  await fork.flush();
}

async function promise(account: IAccount, createdAt: string, outcome: { status: 'open' | 'kept' | 'broken' | 'cancelled'; resolvedAt?: string }): Promise<void> {
  const fork = em();
  fork.create(PaymentPromise, {
    account: account.id,
    amountMinor: 1_000n,
    currency: 'EUR',
    dueDate: '2026-03-31',
    until: new Date('2026-03-31T23:59:59Z'),
    source: 'api',
    // A kept promise was paid in full; the promise_allocation trigger is not what this test is about.
    paidMinor: outcome.status === 'kept' ? 1_000n : 0n,
    status: outcome.status,
    createdAt: new Date(createdAt),
    resolvedAt: outcome.resolvedAt ? new Date(outcome.resolvedAt) : null,
  });
  await fork.flush();
}

async function communication(account: IAccount, status: 'sent' | 'deferred', at: string): Promise<void> {
  const fork = em();
  fork.create(Communication, {
    account: account.id,
    key: `CH-${++seq}`,
    templateKey: 'reminder-1',
    toAddress: 'ap@example.com',
    subject: 'Reminder',
    bodyText: 'Please pay.',
    status,
    reason: status === 'deferred' ? 'outside contact hours' : null,
    createdAt: new Date(at),
    sentAt: status === 'sent' ? new Date(at) : null,
  });
  await fork.flush();
}

async function dispute(account: IAccount, invoice: IInvoice, openedAt: string): Promise<void> {
  const fork = em();
  const opened = fork.create(Dispute, { account: account.id, reason: 'goods damaged', openedAt: new Date(openedAt) });
  fork.create(DisputeItem, { dispute: opened, invoice: invoice.id, amountMinor: 5_000n });
  await fork.flush();
}

describe('loadCustomerHistories', () => {
  let account: IAccount;
  let quiet: IAccount;
  let paid: IInvoice;
  let open: IInvoice;
  let later: IInvoice;

  beforeAll(async () => {
    account = await insertTestAccount(em(), { prefix: 'CH', customerType: 'business', segment: 'key-accounts' });
    quiet = await insertTestAccount(em(), { prefix: 'CH', customerType: 'consumer' });
    const fork = em();
    fork.create(Contact, {
      account: account.id,
      name: 'Accounts payable',
      email: 'ap@example.com',
      postalAddress: 'Hauptstraße 1\n10115 Berlin\nGermany',
      isPrimary: true,
      emailOptedOutAt: new Date('2026-03-02T12:00:00Z'),
    });
    await fork.flush();

    paid = await insertTestInvoice(em(), account, 10_000n, { issueDate: '2026-01-01', dueDate: '2026-01-31' });
    await pay(account, paid, 4_000n, '2026-01-20T10:00:00Z');
    await credit(account, paid, 1_000n, '2026-02-03T09:00:00Z');
    await pay(account, paid, 5_000n, '2026-02-10T00:00:00Z');

    open = await insertTestInvoice(em(), account, 20_000n, { issueDate: '2026-02-01', dueDate: '2026-03-03' });
    await dispute(account, open, '2026-03-10T15:00:00Z');

    const cancelled = await insertTestInvoice(em(), account, 3_000n, { issueDate: '2026-02-15', dueDate: '2026-03-15' });
    await em().nativeUpdate(Invoice, { id: cancelled.id }, { status: 'cancelled' });
    later = await insertTestInvoice(em(), account, 7_000n, { issueDate: '2026-04-01', dueDate: '2026-05-01' });

    await promise(account, '2026-01-10T08:00:00Z', { status: 'kept', resolvedAt: '2026-01-20T10:05:00Z' });
    await promise(account, '2026-02-15T08:00:00Z', { status: 'broken', resolvedAt: '2026-02-21T00:00:00Z' });
    await promise(account, '2026-02-16T08:00:00Z', { status: 'cancelled', resolvedAt: '2026-02-17T08:00:00Z' });
    await promise(account, '2026-03-01T08:00:00Z', { status: 'open' });

    await communication(account, 'sent', '2026-02-05T08:00:00Z');
    await communication(account, 'deferred', '2026-02-06T22:00:00Z');
    await em().nativeUpdate(Account, { id: account.id }, { ceaseCommunication: true, ceaseCommunicationAt: new Date('2026-03-20T10:00:00Z') });
  });

  const expected = (): CustomerHistory => ({
    customer: { customerId: account.id, customerType: 'business', segment: 'key-accounts', country: 'DE' },
    invoices: [
      {
        id: paid.id,
        issuedOn: day('2026-01-01'),
        dueOn: day('2026-01-31'),
        amountMinor: 10_000n,
        currencyExponent: 2,
        currency: 'EUR',
        channel: null,
        payments: [
          { on: day('2026-01-20'), amountMinor: 4_000n },
          { on: day('2026-02-03'), amountMinor: 1_000n },
          { on: day('2026-02-10'), amountMinor: 5_000n },
        ],
        settledOn: day('2026-02-10'),
        disputesOpenedOn: [],
      },
      {
        id: open.id,
        issuedOn: day('2026-02-01'),
        dueOn: day('2026-03-03'),
        amountMinor: 20_000n,
        currencyExponent: 2,
        currency: 'EUR',
        channel: null,
        payments: [],
        settledOn: null,
        disputesOpenedOn: [day('2026-03-10')],
      },
      {
        id: later.id,
        issuedOn: day('2026-04-01'),
        dueOn: day('2026-05-01'),
        amountMinor: 7_000n,
        currencyExponent: 2,
        currency: 'EUR',
        channel: null,
        payments: [],
        settledOn: null,
        disputesOpenedOn: [],
      },
    ],
    promises: [
      { madeOn: day('2026-01-10'), resolvedOn: day('2026-01-20'), kept: true },
      { madeOn: day('2026-02-15'), resolvedOn: day('2026-02-21'), kept: false },
      { madeOn: day('2026-02-16'), resolvedOn: null, kept: false },
      { madeOn: day('2026-03-01'), resolvedOn: null, kept: false },
    ],
    reminders: [{ sentOn: day('2026-02-05'), invoiceId: null }],
    optOutsOn: [day('2026-03-02'), day('2026-03-20')],
  });

  it('reads every dated event of an account, in epoch days, leaving out cancelled invoices', async () => {
    expect(await loadCustomerHistories(em(), { accountIds: [account.id] })).toEqual([expected()]);
  });

  it('reads every account when none are named, one history each in id order, an account without events included', async () => {
    const histories = await loadCustomerHistories(em(), {});
    const empty: CustomerHistory = {
      customer: { customerId: quiet.id, customerType: 'consumer', segment: 'standard', country: null },
      invoices: [],
      promises: [],
      reminders: [],
      optOutsOn: [],
    };
    expect(histories).toEqual([expected(), empty].sort((a, b) => (a.customer.customerId < b.customer.customerId ? -1 : 1)));
  });

  it('leaves out invoices issued after asOfDay, and keeps the later outcome of those it returns', async () => {
    const [history] = await loadCustomerHistories(em(), { accountIds: [account.id], asOfDay: day('2026-03-31') });
    expect(history?.invoices.map((i) => i.id)).toEqual([paid.id, open.id]);
    expect(history?.invoices[0]?.settledOn).toBe(day('2026-02-10'));
    expect((await loadCustomerHistories(em(), { accountIds: [account.id], asOfDay: day('2026-04-01') }))[0]?.invoices).toHaveLength(3);
  });

  it('returns nothing for an empty list of accounts', async () => {
    expect(await loadCustomerHistories(em(), { accountIds: [] })).toEqual([]);
  });
});
