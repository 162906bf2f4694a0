import type { EntityManager } from '@mikro-orm/postgresql';
import {
  currencyExponent,
  placeOfAddress,
  type CurrencyCode,
  type CustomerHistory,
  type HistoryInvoice,
  type HistoryPayment,
  type HistoryPromise,
  type HistoryReminder,
} from '@recoup/domain';
import { query } from '../bound-query.ts';

// The ledger of many customers as dated events, for the payment features (see the domain's ledger-history.ts). One
// query per kind of event for all the accounts asked for, grouped here, so 100,000 invoices cost seven round trips.
//
// Days: a date column (issue and due dates) is its own calendar day. An instant is taken on its UTC calendar day,
// because payments from a bank statement are stored at 00:00 UTC of their value date: read on any other clock,
// a payment valued on the due date would land a day early or late. Every other instant is read the same way, so
// that two events of the same moment never fall on different days.

export interface CustomerHistoryOptions {
  /** Only these accounts; every account when left out. */
  readonly accountIds?: readonly string[];
  /**
   * Invoices issued after this epoch day are left out: they cannot be known at it. Everything else is returned
   * whatever its day, the outcome of the invoices kept included: the feature code keeps it out of sight.
   */
  readonly asOfDay?: number;
}

/** The epoch day of a date column. */
const dateDay = (column: string): string => `(${column} - date '1970-01-01')`;

/** The epoch day of a timestamptz column, on the UTC calendar (see above). */
const instantDay = (column: string): string => `((${column} at time zone 'UTC')::date - date '1970-01-01')`;

interface Filter {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** The SQL condition, with its parameters, that keeps the rows of the accounts asked for. */
const accountFilter = (column: string, options: CustomerHistoryOptions): Filter =>
  options.accountIds === undefined ? { sql: 'true', params: [] } : { sql: `${column} = any(?::uuid[])`, params: [[...options.accountIds]] };

/**
 * The invoices a history holds, as a condition on `i`. A cancelled invoice was never owed: it says nothing about how
 * the customer pays, and kept with no settlement it would count as open and overdue for ever.
 */
const invoiceFilter = (options: CustomerHistoryOptions): Filter => {
  const accounts = accountFilter('i.account_id', options);
  const issued = options.asOfDay === undefined ? { sql: 'true', params: [] } : { sql: `i.issue_date <= date '1970-01-01' + ?::int`, params: [options.asOfDay] };
  return { sql: `i.status <> 'cancelled' and ${accounts.sql} and ${issued.sql}`, params: [...accounts.params, ...issued.params] };
};

interface AccountRow {
  id: string;
  customer_type: string;
  segment: string;
  postal_address: string | null;
}

// The country is read off the postal address of the primary contact (else the oldest contact that has one): the
// account itself records no country.
const loadAccounts = (em: EntityManager, options: CustomerHistoryOptions): Promise<AccountRow[]> => {
  const accounts = accountFilter('a.id', options);
  return query<AccountRow>(
    em,
    `select a.id, a.customer_type, a.segment, c.postal_address
       from account a
       left join (select distinct on (account_id) account_id, postal_address
                    from contact
                   where postal_address is not null
                   order by account_id, is_primary desc, created_at asc) c on c.account_id = a.id
      where ${accounts.sql}
      order by a.id`,
    accounts.params,
  );
};

interface InvoiceRow {
  id: string;
  account_id: string;
  issued_on: number;
  due_on: number;
  amount_minor: string;
  open_minor: string;
  currency: string;
}

const loadInvoices = (em: EntityManager, options: CustomerHistoryOptions): Promise<InvoiceRow[]> => {
  const invoices = invoiceFilter(options);
  return query<InvoiceRow>(
    em,
    `select i.id, i.account_id, ${dateDay('i.issue_date')} as issued_on, ${dateDay('i.due_date')} as due_on,
            i.amount_minor::text, i.open_minor::text, trim(i.currency) as currency
       from invoice i
      where ${invoices.sql}
      order by i.account_id, i.issue_date, i.number`,
    invoices.params,
  );
};

interface AppliedRow {
  invoice_id: string;
  on_day: number;
  amount_minor: string;
}

// Money applied to an invoice: a payment's allocation on the day the payment was received (its value date when it
// came from a statement), and a credit note on the day it was written, as both lower what the invoice has open.
// A reversed payment's allocations are deleted, so the money it took back is not here.
const loadApplied = (em: EntityManager, options: CustomerHistoryOptions): Promise<AppliedRow[]> => {
  const invoices = invoiceFilter(options);
  return query<AppliedRow>(
    em,
    `select x.invoice_id, x.on_day, x.amount_minor::text
       from (select a.invoice_id, ${instantDay('p.received_at')} as on_day, a.amount_minor
               from allocation a join payment p on p.id = a.payment_id
             union all
             select n.invoice_id, ${instantDay('n.created_at')}, n.amount_minor
               from credit_note n) x
       join invoice i on i.id = x.invoice_id
      where ${invoices.sql}
      order by x.invoice_id, x.on_day`,
    invoices.params,
  );
};

interface DisputedRow {
  invoice_id: string;
  on_day: number;
}

/** The day each dispute about an invoice was opened, once per dispute however many items it has on the invoice. */
const loadDisputed = (em: EntityManager, options: CustomerHistoryOptions): Promise<DisputedRow[]> => {
  const invoices = invoiceFilter(options);
  return query<DisputedRow>(
    em,
    `select distinct di.invoice_id, d.id, ${instantDay('d.opened_at')} as on_day
       from dispute_item di
       join dispute d on d.id = di.dispute_id
       join invoice i on i.id = di.invoice_id
      where ${invoices.sql}
      order by di.invoice_id, 3`,
    invoices.params,
  );
};

interface PromiseRow {
  account_id: string;
  made_on: number;
  resolved_on: number | null;
  kept: boolean;
}

// Only kept and broken promises were judged; a cancelled one has a resolved_at too, but nobody judged it.
const loadPromises = (em: EntityManager, options: CustomerHistoryOptions): Promise<PromiseRow[]> => {
  const accounts = accountFilter('account_id', options);
  return query<PromiseRow>(
    em,
    `select account_id, ${instantDay('created_at')} as made_on,
            case when status in ('kept', 'broken') then ${instantDay('resolved_at')} end as resolved_on,
            status = 'kept' as kept
       from promise
      where ${accounts.sql}
      order by account_id, created_at`,
    accounts.params,
  );
};

interface DayRow {
  account_id: string;
  on_day: number;
}

// Only what went out is a reminder: a deferred, suppressed, refused or failed attempt never reached the customer,
// and neither did an unconfirmed one as far as anybody knows. The communication log names no invoice.
const loadReminders = (em: EntityManager, options: CustomerHistoryOptions): Promise<DayRow[]> => {
  const accounts = accountFilter('account_id', options);
  return query<DayRow>(
    em,
    `select account_id, ${instantDay('sent_at')} as on_day
       from communication
      where status = 'sent' and sent_at is not null and ${accounts.sql}
      order by account_id, sent_at`,
    accounts.params,
  );
};

// A contact's opt-out of a channel, and the debtor's request to cease all communication, which opts out of all.
const loadOptOuts = (em: EntityManager, options: CustomerHistoryOptions): Promise<DayRow[]> => {
  const contacts = accountFilter('c.account_id', options);
  const accounts = accountFilter('a.id', options);
  return query<DayRow>(
    em,
    `select x.account_id, ${instantDay('x.opted_at')} as on_day
       from (select c.account_id, o.opted_at
               from contact c cross join lateral unnest(array[c.email_opted_out_at, c.sms_opted_out_at, c.letter_opted_out_at]) o(opted_at)
              where o.opted_at is not null and ${contacts.sql}
             union all
             select a.id, a.cease_communication_at from account a where a.cease_communication_at is not null and ${accounts.sql}) x
      order by x.account_id, x.opted_at`,
    [...contacts.params, ...accounts.params],
  );
};

/** Rows grouped by a key, each group in the rows' order. */
function groupBy<Row, Value>(rows: readonly Row[], key: (row: Row) => string, value: (row: Row) => Value): Map<string, Value[]> {
  const groups = new Map<string, Value[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(value(row));
    else groups.set(key(row), [value(row)]);
  }
  return groups;
}

/**
 * An invoice is settled on the day its last money came in: with every amount positive, the running total reaches
 * the invoice amount only once the latest of them is counted, in whatever order they were booked.
 */
const settledOn = (row: InvoiceRow, payments: readonly HistoryPayment[]): number | null =>
  BigInt(row.open_minor) === 0n && payments.length > 0 ? Math.max(...payments.map((p) => p.on)) : null;

function toInvoice(row: InvoiceRow, payments: readonly HistoryPayment[], disputesOpenedOn: readonly number[]): HistoryInvoice {
  return {
    id: row.id,
    issuedOn: row.issued_on,
    dueOn: row.due_on,
    amountMinor: BigInt(row.amount_minor),
    // The invoice_currency_check constraint admits ISO 4217 codes only.
    currencyExponent: currencyExponent(row.currency as CurrencyCode),
    currency: row.currency,
    // Nothing in the ledger records how an invoice was delivered.
    channel: null,
    payments,
    settledOn: settledOn(row, payments),
    disputesOpenedOn,
  };
}

async function loadInvoiceHistories(em: EntityManager, options: CustomerHistoryOptions): Promise<Map<string, HistoryInvoice[]>> {
  const rows = await loadInvoices(em, options);
  const applied = groupBy(await loadApplied(em, options), (r) => r.invoice_id, (r): HistoryPayment => ({ on: r.on_day, amountMinor: BigInt(r.amount_minor) }));
  const disputed = groupBy(await loadDisputed(em, options), (r) => r.invoice_id, (r) => r.on_day);
  return groupBy(
    rows,
    (r) => r.account_id,
    (r) => toInvoice(r, applied.get(r.id) ?? [], disputed.get(r.id) ?? []),
  );
}

/**
 * The history of every account asked for (all of them by default), one per account in id order, for computing
 * payment features: see CustomerHistoryOptions for what asOfDay leaves out.
 */
export async function loadCustomerHistories(em: EntityManager, options: CustomerHistoryOptions = {}): Promise<CustomerHistory[]> {
  if (options.accountIds?.length === 0) return [];
  const accounts = await loadAccounts(em, options);
  const invoices = await loadInvoiceHistories(em, options);
  const promises = groupBy(await loadPromises(em, options), (r) => r.account_id, (r): HistoryPromise => ({ madeOn: r.made_on, resolvedOn: r.resolved_on, kept: r.kept }));
  const reminders = groupBy(await loadReminders(em, options), (r) => r.account_id, (r): HistoryReminder => ({ sentOn: r.on_day, invoiceId: null }));
  const optOuts = groupBy(await loadOptOuts(em, options), (r) => r.account_id, (r) => r.on_day);
  return accounts.map((a) => ({
    customer: {
      customerId: a.id,
      customerType: a.customer_type,
      segment: a.segment,
      country: a.postal_address === null ? null : placeOfAddress(a.postal_address).country,
    },
    invoices: invoices.get(a.id) ?? [],
    promises: promises.get(a.id) ?? [],
    reminders: reminders.get(a.id) ?? [],
    optOutsOn: optOuts.get(a.id) ?? [],
  }));
}
