import type { EntityManager } from '@mikro-orm/postgresql';
import { Account, type CustomerType, type IAccount } from '../entities/account.entity.ts';
import { Invoice, type IInvoice } from '../entities/invoice.entity.ts';

// Rows that tests need over and over: an account, an invoice on it. Unique references come from a counter, so a
// test asks only for what it cares about.

let sequence = 0;

export interface TestAccountFields {
  prefix?: string;
  customerType?: CustomerType;
  segment?: string;
  currency?: string;
  timeZone?: string;
}

export async function insertTestAccount(em: EntityManager, fields: TestAccountFields = {}): Promise<IAccount> {
  const n = ++sequence;
  const account = em.create(Account, {
    externalRef: `${fields.prefix ?? 'T'}-${n}`,
    name: `Customer ${n}`,
    customerType: fields.customerType ?? 'business',
    segment: fields.segment ?? 'standard',
    currency: fields.currency ?? 'EUR',
    timeZone: fields.timeZone ?? 'Europe/Berlin',
  });
  await em.flush();
  return account;
}

export interface TestInvoiceFields {
  currency?: string;
  issueDate?: string;
  dueDate?: string;
}

/** An open invoice with nothing paid yet. */
export async function insertTestInvoice(em: EntityManager, account: IAccount, amountMinor: bigint, fields: TestInvoiceFields = {}): Promise<IInvoice> {
  const invoice = em.create(Invoice, {
    account: account.id,
    number: `INV-${++sequence}-${account.externalRef}`,
    issueDate: fields.issueDate ?? '2026-01-01',
    dueDate: fields.dueDate ?? '2026-01-31',
    currency: fields.currency ?? account.currency,
    amountMinor,
    openMinor: amountMinor,
  });
  await em.flush();
  return invoice;
}
