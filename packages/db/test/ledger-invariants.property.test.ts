import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  AllocationRefusedError,
  recordPayment,
  reconcileBatch,
  reversePayment,
  storeStatement,
  type EntityManager,
  type IAccount,
  type IInvoice,
} from '@recoup/db';
import { createTestDatabase, insertTestAccount, insertTestInvoice, type TestDatabase } from '@recoup/db/testing';
import type { ParsedStatement, StatementEntry } from '@recoup/domain';

// The payment ledger under random use: bank statements of exact, short, over- and split payments, lines in another
// currency and from unknown payers, returned items, statements imported again, payments posted through the API
// with allocations that may break the rules, credit notes, and reversals. After every operation the ledger is read
// back with SQL and must balance: payments own no more than they are worth, invoices owe what they were billed
// less what was paid and credited, and no money crosses currencies. A statement imported again changes nothing.

const IBAN = 'DE89370400440532013000';
const NOW = new Date('2026-11-30T12:00:00Z');
const UNKNOWN_PAYERS = ['Xavier Quillfeather', 'Ottoline Brackenbury', 'Zhu Wenqian', 'Bartholomew Fenwright'] as const;

let db: TestDatabase;
let seq = 0;
const next = () => ++seq;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db.drop();
});

const em = (): EntityManager => db.orm.em.fork();
const sql = <T extends object>(query: string, params: unknown[] = []): Promise<T[]> => em().execute<T[]>(query, params);
const maxBig = (a: bigint, b: bigint) => (a > b ? a : b);
const share = (amount: bigint, percent: number) => maxBig(1n, (amount * BigInt(percent)) / 100n);
const sum = (amounts: readonly bigint[]) => amounts.reduce((s, a) => s + a, 0n);
const at = <T>(items: readonly T[], i: number): T => {
  const item = items[i % items.length];
  if (item === undefined) throw new Error('Picked from an empty list.');
  return item;
};

// ---- What is generated ----

type Currency = 'EUR' | 'USD';
const otherCurrency = (c: string): string => (c === 'EUR' ? 'USD' : 'EUR');

interface AccountSpec {
  currency: Currency;
  /** foreign: the invoice is billed in the other currency than the account's. */
  invoices: { amount: bigint; foreign: boolean }[];
}

type LineSpec =
  /** Names invoices by number; pays them exactly, short or over. */
  | { kind: 'invoice-number'; account: number; invoices: number[]; otherAccountInvoice: number | null; amount: 'exact' | 'short' | 'over'; percent: number; extra: bigint; endToEnd: boolean }
  /** Names the customer (bank's customer reference or in the text); pays one invoice, two together, part, or too much. */
  | { kind: 'customer-ref'; account: number; pick: number; amount: 'one-invoice' | 'two-invoices' | 'partial' | 'over'; percent: number; extra: bigint; inText: boolean }
  /** Names the customer or an invoice, but in the other currency: never applied. */
  | { kind: 'foreign'; account: number; pick: number; byInvoice: boolean; amount: bigint }
  | { kind: 'unknown'; payer: number; amount: bigint }
  | { kind: 'outgoing'; amount: bigint }
  /** A returned item quoting an earlier credit of this run (or nothing on the books). */
  | { kind: 'returned'; pick: number };

type Op =
  | { kind: 'statement'; lines: LineSpec[]; limit: number }
  | { kind: 'reimport'; pick: number; how: 'same-file' | 'same-statement-id' | 'lines-again' }
  | {
      kind: 'record';
      account: number;
      currency: 'account' | 'EUR' | 'USD' | 'GBP';
      allocations: { invoice: number; amount: 'open' | 'part' | 'above' | 'zero'; percent: number }[];
      cover: 'exact' | 'more' | 'less';
      extra: bigint;
    }
  | { kind: 'reverse'; pick: number }
  | { kind: 'credit-note'; invoice: number; amount: 'part' | 'open' | 'above'; percent: number };

const amountArb = fc.oneof(fc.constantFrom(5_000n, 12_500n, 30_000n), fc.bigInt({ min: 100n, max: 200_000n }));
const smallAmountArb = fc.bigInt({ min: 1n, max: 50_000n });
const percentArb = fc.integer({ min: 1, max: 99 });

const accountArb: fc.Arbitrary<AccountSpec> = fc.record({
  currency: fc.constantFrom<Currency>('EUR', 'USD'),
  invoices: fc.array(fc.record({ amount: amountArb, foreign: fc.oneof({ arbitrary: fc.constant(false), weight: 5 }, { arbitrary: fc.constant(true), weight: 1 }) }), {
    minLength: 1,
    maxLength: 4,
  }),
});

const lineArb: fc.Arbitrary<LineSpec> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('invoice-number' as const),
      account: fc.nat(),
      invoices: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }),
      otherAccountInvoice: fc.option(fc.nat(), { freq: 6 }),
      amount: fc.constantFrom('exact' as const, 'short' as const, 'over' as const),
      percent: percentArb,
      extra: smallAmountArb,
      endToEnd: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('customer-ref' as const),
      account: fc.nat(),
      pick: fc.nat(),
      amount: fc.constantFrom('one-invoice' as const, 'two-invoices' as const, 'partial' as const, 'over' as const),
      percent: percentArb,
      extra: smallAmountArb,
      inText: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('foreign' as const), account: fc.nat(), pick: fc.nat(), byInvoice: fc.boolean(), amount: amountArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unknown' as const), payer: fc.nat(), amount: amountArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('outgoing' as const), amount: smallAmountArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('returned' as const), pick: fc.nat() }) },
);

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('statement' as const), lines: fc.array(lineArb, { minLength: 1, maxLength: 7 }), limit: fc.integer({ min: 1, max: 4 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('reimport' as const),
      pick: fc.nat(),
      how: fc.constantFrom('same-file' as const, 'same-statement-id' as const, 'lines-again' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('record' as const),
      account: fc.nat(),
      currency: fc.oneof({ arbitrary: fc.constant('account' as const), weight: 4 }, { arbitrary: fc.constantFrom('EUR' as const, 'USD' as const, 'GBP' as const), weight: 1 }),
      allocations: fc.array(
        fc.record({
          invoice: fc.nat(),
          amount: fc.oneof(
            { arbitrary: fc.constantFrom('open' as const, 'part' as const), weight: 6 },
            { arbitrary: fc.constant('above' as const), weight: 2 },
            { arbitrary: fc.constant('zero' as const), weight: 1 },
          ),
          percent: percentArb,
        }),
        { maxLength: 3 },
      ),
      cover: fc.oneof({ arbitrary: fc.constantFrom('exact' as const, 'more' as const), weight: 4 }, { arbitrary: fc.constant('less' as const), weight: 1 }),
      extra: smallAmountArb,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('credit-note' as const), invoice: fc.nat(), amount: fc.constantFrom('part' as const, 'open' as const, 'above' as const), percent: percentArb }),
  },
);

// ---- Reading the ledger ----

interface InvoiceState {
  id: string;
  accountId: string;
  currency: string;
  status: string;
  openMinor: bigint;
}

async function invoiceStates(ids: readonly string[]): Promise<Map<string, InvoiceState>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<{ id: string; account_id: string; currency: string; status: string; open_minor: string }>(
    `select id, account_id, trim(currency) as currency, status, open_minor::text from invoice where id in (?)`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, accountId: r.account_id, currency: r.currency, status: r.status, openMinor: BigInt(r.open_minor) }]));
}

/** What a no-op must leave exactly as it was. */
async function ledgerSnapshot(): Promise<Record<string, string>> {
  const [row] = await sql<Record<string, string>>(
    `select (select count(*) from statement_line)::text as lines,
            (select count(*) from statement_line where status = 'pending')::text as pending_lines,
            (select count(*) from statement_line where status = 'applied')::text as applied_lines,
            (select count(*) from payment)::text as payments,
            (select count(*) from payment where reversed_at is not null)::text as reversed_payments,
            (select count(*) from allocation)::text as allocations,
            (select coalesce(sum(amount_minor), 0) from allocation)::text as allocated,
            (select count(*) from credit_note)::text as credit_notes,
            (select coalesce(sum(open_minor), 0) from invoice)::text as open,
            (select count(*) from invoice where status = 'paid')::text as paid_invoices,
            (select coalesce(sum(unallocated_minor), 0) from payment)::text as unallocated`,
  );
  if (!row) throw new Error('The snapshot query returned nothing.');
  return row;
}

const statementCount = async (): Promise<number> => Number((await sql<{ n: string }>(`select count(*)::text as n from bank_statement`))[0]?.n);

/** Every ledger rule, as rows that break it: each list must be empty. */
async function ledgerViolations(): Promise<Record<string, unknown[]>> {
  const payments = await sql(
    `select p.id, p.amount_minor::text, p.unallocated_minor::text, p.reversed_at, coalesce(a.allocated, 0)::text as allocated, coalesce(a.n, 0)::int as n
       from payment p
       left join (select payment_id, sum(amount_minor) as allocated, count(*) as n from allocation group by payment_id) a on a.payment_id = p.id
      where coalesce(a.allocated, 0) > p.amount_minor
         or (p.reversed_at is null and p.unallocated_minor <> p.amount_minor - coalesce(a.allocated, 0))
         or (p.reversed_at is not null and (coalesce(a.n, 0) > 0 or p.unallocated_minor <> 0))`,
  );
  const invoices = await sql(
    `select i.number, i.amount_minor::text, i.open_minor::text, i.status, coalesce(a.s, 0)::text as allocated, coalesce(c.s, 0)::text as credited
       from invoice i
       left join (select invoice_id, sum(amount_minor) as s from allocation group by invoice_id) a on a.invoice_id = i.id
       left join (select invoice_id, sum(amount_minor) as s from credit_note group by invoice_id) c on c.invoice_id = i.id
      where coalesce(a.s, 0) + coalesce(c.s, 0) > i.amount_minor
         or i.open_minor <> i.amount_minor - coalesce(a.s, 0) - coalesce(c.s, 0)
         or (i.status <> 'cancelled' and (i.status = 'paid') <> (i.open_minor = 0))`,
  );
  const accounts = await sql(
    `with billed as (select account_id, currency, sum(amount_minor) as amount, sum(open_minor) as open from invoice group by account_id, currency),
          paid as (select i.account_id, i.currency, sum(a.amount_minor) as s from allocation a join invoice i on i.id = a.invoice_id group by i.account_id, i.currency),
          credited as (select i.account_id, i.currency, sum(c.amount_minor) as s from credit_note c join invoice i on i.id = c.invoice_id group by i.account_id, i.currency)
     select b.account_id, b.currency, b.open::text, b.amount::text, coalesce(p.s, 0)::text as allocated, coalesce(c.s, 0)::text as credited
       from billed b
       left join paid p on p.account_id = b.account_id and p.currency = b.currency
       left join credited c on c.account_id = b.account_id and c.currency = b.currency
      where b.open <> b.amount - coalesce(p.s, 0) - coalesce(c.s, 0)`,
  );
  const crossings = await sql(
    `select a.id, p.currency as payment_currency, i.currency as invoice_currency, p.account_id as payment_account, i.account_id as invoice_account
       from allocation a join payment p on p.id = a.payment_id join invoice i on i.id = a.invoice_id
      where p.currency <> i.currency or p.account_id <> i.account_id`,
  );
  // A credit line is applied exactly when it became one payment, of its amount and currency, on an account kept
  // in that currency; a returned line exactly when it reversed one payment of its amount and currency.
  const credits = await sql(
    `select l.bank_ref, l.status, l.rule, p.id as payment_id, p.amount_minor::text, p.currency, a.currency as account_currency
       from statement_line l
       left join payment p on p.statement_line_id = l.id
       left join account a on a.id = p.account_id
      where (l.status = 'applied' and not l.returned) <> (p.id is not null)
         or (p.id is not null and (p.amount_minor <> l.amount_minor or p.currency <> l.currency or a.currency <> l.currency))`,
  );
  const returns = await sql(
    `select l.bank_ref, l.status, p.id as payment_id, p.amount_minor::text, p.currency, p.reversed_at
       from statement_line l
       left join payment p on p.reversal_line_id = l.id
      where (l.status = 'applied' and l.returned) <> (p.id is not null)
         or (p.id is not null and (p.amount_minor <> l.amount_minor or p.currency <> l.currency or p.reversed_at is null))`,
  );
  return { payments, invoices, accounts, crossings, credits, returns };
}

async function expectLedgerBalanced(): Promise<void> {
  expect(await ledgerViolations()).toEqual({ payments: [], invoices: [], accounts: [], crossings: [], credits: [], returns: [] });
}

// ---- Running the operations ----

interface Customer {
  account: IAccount;
  invoices: IInvoice[];
}

interface Imported {
  id: string;
  parsed: ParsedStatement;
  raw: Buffer;
}

/** What the runs did, over all of them: the generator must reach every path it is meant to. */
const seen = {
  applied: 0,
  returnsApplied: 0,
  exceptions: 0,
  duplicates: 0,
  apiAccepted: 0,
  apiRefused: 0,
  reversed: 0,
  creditNotes: 0,
  creditNotesRefused: 0,
};

const serialise = (parsed: ParsedStatement): Buffer =>
  Buffer.from(JSON.stringify(parsed, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)));

async function reconcileAll(statementId: string, limit: number): Promise<{ processed: number; applied: number; reversed: number; exceptions: number }> {
  const total = { processed: 0, applied: 0, reversed: 0, exceptions: 0 };
  let after = 0;
  for (let round = 0; ; round++) {
    const r = await reconcileBatch(em(), statementId, after, { limit, now: NOW });
    expect(r.processed).toBeLessThanOrEqual(limit);
    expect(r.applied + r.exceptions + r.skipped + r.reversed).toBe(r.processed);
    total.processed += r.processed;
    total.applied += r.applied;
    total.reversed += r.reversed;
    total.exceptions += r.exceptions;
    after = r.lastPosition;
    if (r.done) return total;
    if (round > 100) throw new Error('reconcileBatch never said it was done.');
  }
}

class Run {
  readonly customers: Customer[];
  readonly imported: Imported[] = [];
  /** Earlier credits a returned item can quote: the reference their payment carries, amount and currency. */
  readonly credits: { reference: string; amount: bigint; currency: string }[] = [];

  constructor(customers: Customer[]) {
    this.customers = customers;
  }

  static async open(specs: readonly AccountSpec[]): Promise<Run> {
    const customers: Customer[] = [];
    for (const spec of specs) {
      const fork = em();
      const account = await insertTestAccount(fork, { prefix: 'LEDGER', currency: spec.currency });
      const invoices: IInvoice[] = [];
      for (const [i, invoice] of spec.invoices.entries()) {
        invoices.push(
          await insertTestInvoice(fork, account, invoice.amount, {
            currency: invoice.foreign ? otherCurrency(spec.currency) : spec.currency,
            dueDate: `2026-0${i + 1}-15`,
          }),
        );
      }
      customers.push({ account, invoices });
    }
    return new Run(customers);
  }

  get allInvoices(): IInvoice[] {
    return this.customers.flatMap((c) => c.invoices);
  }

  async apply(op: Op): Promise<void> {
    switch (op.kind) {
      case 'statement':
        return this.statement(op.lines, op.limit);
      case 'reimport':
        return this.reimport(op.pick, op.how);
      case 'record':
        return this.record(op);
      case 'reverse':
        return this.reverse(op.pick);
      case 'credit-note':
        return this.creditNote(op);
    }
  }

  async statement(specs: readonly LineSpec[], limit: number): Promise<void> {
    const states = await invoiceStates(this.allInvoices.map((i) => i.id));
    const open = (invoice: IInvoice) => states.get(invoice.id)?.openMinor ?? 0n;
    const expected = new Map<string, 'exception' | 'skipped'>();
    const entries: StatementEntry[] = [];
    for (const spec of specs) {
      const bankRef = `BR${String(next()).padStart(8, '0')}`;
      const entry = (fields: Partial<StatementEntry> & Pick<StatementEntry, 'amountMinor' | 'currency'>): StatementEntry => ({
        bankRef,
        customerRef: null,
        direction: 'credit',
        valueDate: '2026-11-27',
        text: '',
        counterparty: null,
        typeCode: 'PMNT',
        returned: false,
        source: `entry ${entries.length + 1}`,
        ...fields,
      });
      switch (spec.kind) {
        case 'invoice-number': {
          const customer = at(this.customers, spec.account);
          const named = [...new Set(spec.invoices.map((i) => at(customer.invoices, i)))];
          if (spec.otherAccountInvoice !== null) named.push(at(this.allInvoices, spec.otherAccountInvoice));
          const due = sum(named.map(open));
          const base = due > 0n ? due : sum(named.map((i) => i.amountMinor));
          const amountMinor = spec.amount === 'exact' ? base : spec.amount === 'short' ? share(base, spec.percent) : base + spec.extra;
          const customerRef = spec.endToEnd ? `E2E-${next()}` : null;
          entries.push(entry({ amountMinor, currency: customer.account.currency, customerRef, text: `Payment ${named.map((i) => i.number).join(' ')}` }));
          this.credits.push({ reference: customerRef ?? bankRef, amount: amountMinor, currency: customer.account.currency });
          break;
        }
        case 'customer-ref': {
          const customer = at(this.customers, spec.account);
          const own = customer.invoices.filter((i) => i.currency === customer.account.currency && open(i) > 0n);
          const total = sum(own.map(open));
          let amountMinor: bigint;
          if (own.length === 0) amountMinor = share(sum(customer.invoices.map((i) => i.amountMinor)), spec.percent);
          else if (spec.amount === 'one-invoice') amountMinor = open(at(own, spec.pick));
          else if (spec.amount === 'two-invoices') amountMinor = open(at(own, spec.pick)) + (own.length > 1 ? open(at(own, spec.pick + 1)) : 0n);
          else if (spec.amount === 'partial') amountMinor = share(total, spec.percent);
          else amountMinor = total + spec.extra;
          const ref = customer.account.externalRef;
          entries.push(
            entry(
              spec.inText
                ? { amountMinor, currency: customer.account.currency, text: `Account ${ref} thank you` }
                : { amountMinor, currency: customer.account.currency, customerRef: ref, text: 'Transfer' },
            ),
          );
          this.credits.push({ reference: spec.inText ? bankRef : ref, amount: amountMinor, currency: customer.account.currency });
          break;
        }
        case 'foreign': {
          const customer = at(this.customers, spec.account);
          const invoice = at(customer.invoices, spec.pick);
          const text = spec.byInvoice ? `Payment ${invoice.number}` : `Account ${customer.account.externalRef}`;
          entries.push(entry({ amountMinor: spec.amount, currency: otherCurrency(customer.account.currency), customerRef: customer.account.externalRef, text }));
          expected.set(bankRef, 'exception');
          break;
        }
        case 'unknown':
          entries.push(entry({ amountMinor: spec.amount, currency: 'EUR', text: 'thank you', counterparty: at(UNKNOWN_PAYERS, spec.payer) }));
          expected.set(bankRef, 'exception');
          break;
        case 'outgoing':
          entries.push(entry({ amountMinor: spec.amount, currency: 'EUR', direction: 'debit', text: 'Account fee' }));
          expected.set(bankRef, 'skipped');
          break;
        case 'returned': {
          const credit = this.credits.length > 0 ? at(this.credits, spec.pick) : { reference: `NOTHING-${next()}`, amount: 1_000n, currency: 'EUR' };
          entries.push(
            entry({ amountMinor: credit.amount, currency: credit.currency, customerRef: credit.reference, direction: 'debit', returned: true, text: 'Returned item', typeCode: 'RTRN' }),
          );
          break;
        }
      }
    }
    const parsed: ParsedStatement = {
      format: 'camt.053',
      statementId: `LEDGER-PROP-${next()}`,
      createdOn: '2026-11-28',
      accounts: [{ accountNumber: IBAN, currency: 'EUR', entries }],
    };
    const raw = serialise(parsed);
    const stored = await storeStatement(em(), parsed, { raw, filename: `${parsed.statementId}.json`, userId: null });
    expect(stored.duplicate).toBe(false);
    expect(stored.statement.newLineCount).toBe(entries.length);
    this.imported.push({ id: stored.statement.id, parsed, raw });

    const total = await reconcileAll(stored.statement.id, limit);
    expect(total.processed).toBe(entries.length);
    seen.applied += total.applied;
    seen.returnsApplied += total.reversed;
    seen.exceptions += total.exceptions;

    const lines = await sql<{ bank_ref: string; status: string }>(`select bank_ref, status from statement_line where bank_statement_id = ?`, [stored.statement.id]);
    expect(lines.filter((l) => l.status === 'pending')).toEqual([]);
    const outcome = new Map(lines.map((l) => [l.bank_ref, l.status]));
    for (const [bankRef, status] of expected) expect({ bankRef, status: outcome.get(bankRef) }).toEqual({ bankRef, status });
  }

  async reimport(pick: number, how: 'same-file' | 'same-statement-id' | 'lines-again'): Promise<void> {
    if (this.imported.length === 0) return;
    const earlier = at(this.imported, pick);
    const before = await ledgerSnapshot();
    const statementsBefore = await statementCount();
    if (how === 'lines-again') {
      // A new statement (its bank gives it another id) whose transactions were all seen before: stored, but with
      // no line of its own.
      const statementId = `LEDGER-PROP-${next()}`;
      const parsed: ParsedStatement = { ...earlier.parsed, statementId, accounts: earlier.parsed.accounts.map((a) => ({ ...a, identity: [`id=${statementId}`] })) };
      const stored = await storeStatement(em(), parsed, { raw: serialise(parsed), filename: `${parsed.statementId}.json`, userId: null });
      expect(stored.duplicate).toBe(false);
      expect(stored.statement.newLineCount).toBe(0);
      expect(await reconcileAll(stored.statement.id, 3)).toMatchObject({ processed: 0 });
      expect(await statementCount()).toBe(statementsBefore + 1);
    } else {
      const raw = how === 'same-file' ? earlier.raw : Buffer.concat([earlier.raw, Buffer.from('\n')]);
      const stored = await storeStatement(em(), earlier.parsed, { raw, filename: 'again.json', userId: null });
      expect(stored.duplicate).toBe(true);
      expect(stored.statement.id).toBe(earlier.id);
      expect(await statementCount()).toBe(statementsBefore);
      seen.duplicates += 1;
    }
    // The earlier statement, reconciled again from its start, has nothing left to apply.
    const again = await reconcileBatch(em(), earlier.id, 0, { limit: 3, now: NOW });
    expect(again).toMatchObject({ processed: 0, applied: 0, reversed: 0, exceptions: 0, skipped: 0, done: true });
    expect(await ledgerSnapshot()).toEqual(before);
  }

  async record(op: Extract<Op, { kind: 'record' }>): Promise<void> {
    const customer = at(this.customers, op.account);
    const currency = op.currency === 'account' ? customer.account.currency : op.currency;
    const targets = op.allocations.map((a) => ({ ...a, invoice: at(this.allInvoices, a.invoice) }));
    const states = await invoiceStates(targets.map((t) => t.invoice.id));
    const openOf = (id: string) => states.get(id)?.openMinor ?? 0n;
    const allocations = targets.map((t) => {
      const open = openOf(t.invoice.id);
      const amountMinor = t.amount === 'open' ? maxBig(open, 1n) : t.amount === 'part' ? share(open, t.percent) : t.amount === 'above' ? open + 1n : 0n;
      return { invoiceId: t.invoice.id, amountMinor };
    });
    const allocated = sum(allocations.map((a) => a.amountMinor));
    const amountMinor = maxBig(1n, op.cover === 'exact' ? allocated : op.cover === 'more' ? allocated + op.extra : allocated - 1n);

    // The ledger rules, worked out here on their own: what the function must accept, and what it must refuse.
    const taken = new Map<string, bigint>();
    let acceptable = allocated <= amountMinor;
    for (const a of allocations) {
      const invoice = states.get(a.invoiceId);
      const onInvoice = (taken.get(a.invoiceId) ?? 0n) + a.amountMinor;
      taken.set(a.invoiceId, onInvoice);
      if (!invoice || a.amountMinor <= 0n || invoice.accountId !== customer.account.id || invoice.currency !== currency || invoice.status === 'cancelled' || onInvoice > invoice.openMinor) {
        acceptable = false;
      }
    }

    const before = await ledgerSnapshot();
    const posted = await em()
      .fork()
      .transactional((tx) =>
        recordPayment(tx, {
          accountId: customer.account.id,
          amountMinor,
          currency,
          receivedAt: NOW,
          reference: `API-${next()}`,
          payerName: null,
          allocations,
        }),
      )
      .then(
        (recorded) => ({ recorded, error: null }),
        (error: unknown) => ({ recorded: null, error }),
      );
    if (!acceptable) {
      expect(posted.error).toBeInstanceOf(AllocationRefusedError);
      expect(await ledgerSnapshot()).toEqual(before);
      seen.apiRefused += 1;
      return;
    }
    expect(posted.error).toBeNull();
    expect(posted.recorded).toMatchObject({ allocatedMinor: allocated, unallocatedMinor: amountMinor - allocated });
    const after = await invoiceStates([...taken.keys()]);
    for (const [id, amount] of taken) expect({ id, open: after.get(id)?.openMinor }).toEqual({ id, open: openOf(id) - amount });
    seen.apiAccepted += 1;
  }

  async reverse(pick: number): Promise<void> {
    // In the order they were made (a batch's payments share one transaction time, so by line), so a seed replays.
    const payments = await sql<{ id: string; reversed: boolean; allocated: string }>(
      `select p.id, p.reversed_at is not null as reversed, coalesce((select sum(amount_minor) from allocation a where a.payment_id = p.id), 0)::text as allocated
         from payment p left join statement_line l on l.id = p.statement_line_id
        where p.account_id in (?)
        order by p.created_at, l.position nulls first, p.reference, p.amount_minor, p.id`,
      [this.customers.map((c) => c.account.id)],
    );
    if (payments.length === 0) return;
    const payment = at(payments, pick);
    const reverse = () => em().fork().transactional((tx) => reversePayment(tx, payment.id, { reason: 'Chargeback', at: NOW }));
    const before = await ledgerSnapshot();
    const first = await reverse();
    expect(first.reversed).toBe(!payment.reversed);
    expect(sum(first.restored.map((r) => r.amountMinor))).toBe(payment.reversed ? 0n : BigInt(payment.allocated));
    if (payment.reversed) expect(await ledgerSnapshot()).toEqual(before);
    else seen.reversed += 1;
    const between = await ledgerSnapshot();
    const second = await reverse();
    expect(second).toMatchObject({ reversed: false, restored: [], promises: [] });
    expect(await ledgerSnapshot()).toEqual(between);
  }

  async creditNote(op: Extract<Op, { kind: 'credit-note' }>): Promise<void> {
    const invoice = at(this.allInvoices, op.invoice);
    const state = (await invoiceStates([invoice.id])).get(invoice.id);
    if (!state) throw new Error(`Invoice ${invoice.number} is gone.`);
    const amountMinor = op.amount === 'part' ? share(state.openMinor, op.percent) : op.amount === 'open' ? maxBig(state.openMinor, 1n) : state.openMinor + 1n;
    const before = await ledgerSnapshot();
    const written = await em()
      .fork()
      .transactional((tx) =>
        tx.execute(`insert into credit_note (account_id, invoice_id, amount_minor, currency, reason) values (?, ?, ?, ?, ?)`, [
          state.accountId,
          invoice.id,
          amountMinor.toString(),
          state.currency,
          'Goodwill',
        ]),
      )
      .then(
        () => null,
        (error: unknown) => error,
      );
    if (amountMinor <= state.openMinor) {
      expect(written).toBeNull();
      seen.creditNotes += 1;
    } else {
      expect(written).toEqual(expect.objectContaining({ message: expect.stringMatching(/credit note refused/) }));
      expect(await ledgerSnapshot()).toEqual(before);
      seen.creditNotesRefused += 1;
    }
  }
}

describe('the payment ledger', () => {
  it('keeps every payment, invoice and account balanced through random statements, returns, API payments, credit notes, reversals and re-imports', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(accountArb, { minLength: 1, maxLength: 3 }), fc.array(opArb, { minLength: 1, maxLength: 8 }), async (accounts, ops) => {
        const run = await Run.open(accounts);
        for (const op of ops) {
          await run.apply(op);
          await expectLedgerBalanced();
        }
      }),
      { seed: 20261124, numRuns: 50 },
    );
    // Every path was taken at least once, so the invariants were checked where they could break.
    for (const [path, count] of Object.entries(seen)) expect({ path, taken: count > 0 }).toEqual({ path, taken: true });
  });

  it('refuses at commit an open amount changed behind the ledger, and leaves the invoice as it was', async () => {
    const account = await insertTestAccount(em(), { prefix: 'LEDGER', currency: 'EUR' });
    const invoice = await insertTestInvoice(em(), account, 10_000n);
    let updated = false;
    const bypass = em()
      .fork()
      .transactional(async (tx) => {
        await tx.execute(`update invoice set open_minor = open_minor - 1 where id = ?`, [invoice.id]);
        // The statement itself went through: the check waits for the commit.
        updated = true;
      });
    await expect(bypass).rejects.toThrow(/ledger broken/);
    expect(updated).toBe(true);
    const [row] = await sql<{ open_minor: string; status: string }>(`select open_minor::text, status from invoice where id = ?`, [invoice.id]);
    expect(row).toEqual({ open_minor: '10000', status: 'open' });
    await expectLedgerBalanced();
  });
});
