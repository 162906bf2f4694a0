import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '@recoup/db/testing';
import { seedDemo, type PaymentHabit, type SeedDemoResult } from '@recoup/db/seed';

// The demo portfolio's paid history: about 18 months of invoices per account, each paid in full the way the
// account's payment habit says, so that the payment models have something real to learn from.

const hashPassword = async (password: string): Promise<string> =>
  `sha256:${createHash('sha256').update(password).digest('hex')}`;
const now = new Date('2026-03-15T10:00:00.000Z');
const DAY_MS = 86_400_000;
const nowDay = Math.floor(now.getTime() / DAY_MS);

let db: TestDatabase;
let seeded: SeedDemoResult;

interface HistoryRow {
  external_ref: string;
  number: string;
  status: string;
  amount_minor: string;
  open_minor: string;
  allocated_minor: string;
  payments: number;
  issued_on: number;
  due_on: number;
  /** The UTC day the last payment of the invoice came in. */
  settled_on: number;
  /** The day of the first payment, in the same way. */
  first_paid_on: number;
  /** When the last payment came in, as the driver returns a timestamptz. */
  last_received_at: string | Date;
}

interface Invoice {
  readonly issuedOn: number;
  readonly daysLate: number;
}

let rows: HistoryRow[];
/** The history invoices of each account, by its external reference, in issue order. */
const byAccount = new Map<string, Invoice[]>();

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

/** Every history invoice of the accounts with this habit. */
const invoicesOf = (habit: PaymentHabit): Invoice[] =>
  [...byAccount.entries()].filter(([ref]) => seeded.habits[ref] === habit).flatMap(([, invoices]) => invoices);

beforeAll(async () => {
  db = await createTestDatabase();
  seeded = await seedDemo(db.orm, { hashPassword, now });
  rows = await db.orm.em.fork().execute<HistoryRow[]>(
    `select ac.external_ref, i.number, i.status, i.amount_minor::text, i.open_minor::text,
            coalesce(sum(a.amount_minor), 0)::text as allocated_minor, count(a.id)::int as payments,
            (i.issue_date - date '1970-01-01') as issued_on, (i.due_date - date '1970-01-01') as due_on,
            max((p.received_at at time zone 'UTC')::date - date '1970-01-01') as settled_on,
            min((p.received_at at time zone 'UTC')::date - date '1970-01-01') as first_paid_on,
            max(p.received_at) as last_received_at
       from invoice i
       join account ac on ac.id = i.account_id
       left join allocation a on a.invoice_id = i.id
       left join payment p on p.id = a.payment_id
      where i.number like 'DEMO-INV-H%'
      group by ac.external_ref, i.id
      order by ac.external_ref, i.issue_date`,
  );
  for (const row of rows) {
    const invoices = byAccount.get(row.external_ref) ?? [];
    invoices.push({ issuedOn: row.issued_on, daysLate: row.settled_on - row.due_on });
    byAccount.set(row.external_ref, invoices);
  }
});

afterAll(async () => {
  await db.drop();
});

describe('the demo paid history', () => {
  it('gives each account a payment habit, about 40 % punctual, 25 % slow, 20 % erratic and 15 % deteriorating', () => {
    const refs = Object.keys(seeded.habits);
    expect(refs).toHaveLength(200);
    expect(new Set(refs)).toEqual(new Set(byAccount.keys()));
    const share = (habit: PaymentHabit) => refs.filter((ref) => seeded.habits[ref] === habit).length / refs.length;
    for (const [habit, expected] of [['punctual', 0.4], ['slow', 0.25], ['erratic', 0.2], ['deteriorating', 0.15]] as const) {
      expect(Math.abs(share(habit) - expected)).toBeLessThanOrEqual(0.08);
    }
  });

  it('spans about 18 months per account, an invoice every 2 to 6 weeks until about two months ago', () => {
    for (const invoices of byAccount.values()) {
      const first = invoices[0]!.issuedOn;
      const last = invoices.at(-1)!.issuedOn;
      expect(nowDay - first).toBeGreaterThanOrEqual(530);
      expect(nowDay - first).toBeLessThanOrEqual(549);
      expect(nowDay - last).toBeGreaterThanOrEqual(60);
      expect(nowDay - last).toBeLessThanOrEqual(60 + 42);
      for (let k = 1; k < invoices.length; k++) {
        const gap = invoices[k]!.issuedOn - invoices[k - 1]!.issuedOn;
        expect(gap).toBeGreaterThanOrEqual(14);
        expect(gap).toBeLessThanOrEqual(42);
      }
    }
    expect(rows.length).toBeGreaterThan(200 * 12);
  });

  it('has every history invoice paid in full, after it was issued and before now', () => {
    for (const row of rows) {
      expect(row.status).toBe('paid');
      expect(row.open_minor).toBe('0');
      expect(row.allocated_minor).toBe(row.amount_minor);
      expect(row.issued_on).toBeLessThanOrEqual(row.due_on);
      expect(row.first_paid_on).toBeGreaterThan(row.issued_on);
      expect(new Date(row.last_received_at).getTime()).toBeLessThanOrEqual(now.getTime() - DAY_MS);
    }
    // Erratic payers sometimes pay part of an invoice first.
    expect(rows.some((row) => row.payments === 2 && seeded.habits[row.external_ref] === 'erratic')).toBe(true);
    expect(rows.every((row) => row.payments === 1 || seeded.habits[row.external_ref] === 'erratic')).toBe(true);
  });

  it('receives every payment of the portfolio after the invoice it pays was issued, and none with a reused key', async () => {
    const [check] = await db.orm.em.fork().execute<{ before_issue: number; keys: number; payments: number }[]>(
      `select (select count(*)::int from allocation a join payment p on p.id = a.payment_id join invoice i on i.id = a.invoice_id
                where (p.received_at at time zone 'UTC')::date <= i.issue_date) as before_issue,
              (select count(distinct idempotency_key)::int from payment) as keys,
              (select count(*)::int from payment) as payments`,
    );
    expect(check).toEqual({ before_issue: 0, keys: seeded.payments, payments: seeded.payments });
  });

  it('has punctual accounts pay on time and slow ones late, far later on average', () => {
    const punctual = invoicesOf('punctual').map((i) => i.daysLate);
    const slow = invoicesOf('slow').map((i) => i.daysLate);
    expect(punctual.filter((d) => d > 0).length / punctual.length).toBeLessThanOrEqual(0.12);
    expect(Math.max(...punctual)).toBeLessThanOrEqual(3);
    expect(slow.filter((d) => d > 0).length / slow.length).toBeGreaterThanOrEqual(0.9);
    expect(mean(slow)).toBeGreaterThan(mean(punctual) + 12);
    expect(mean(slow)).toBeGreaterThanOrEqual(8);
    expect(mean(slow)).toBeLessThanOrEqual(25);
  });

  it('has erratic accounts pay early at times and very late at others', () => {
    const erratic = invoicesOf('erratic').map((i) => i.daysLate);
    expect(erratic.some((d) => d < 0)).toBe(true);
    expect(erratic.some((d) => d > 45)).toBe(true);
    const spread = (values: number[]) => Math.sqrt(mean(values.map((v) => (v - mean(values)) ** 2)));
    expect(spread(erratic)).toBeGreaterThan(2 * spread(invoicesOf('slow').map((i) => i.daysLate)));
  });

  it('has deteriorating accounts pay later in the last six months of their history than in the first six', () => {
    const deteriorating = [...byAccount.entries()].filter(([ref]) => seeded.habits[ref] === 'deteriorating');
    expect(deteriorating.length).toBeGreaterThan(10);
    for (const [, invoices] of deteriorating) {
      const first = invoices[0]!.issuedOn;
      const last = invoices.at(-1)!.issuedOn;
      const early = invoices.filter((i) => i.issuedOn < first + 182).map((i) => i.daysLate);
      const late = invoices.filter((i) => i.issuedOn > last - 182).map((i) => i.daysLate);
      expect(mean(early)).toBeLessThanOrEqual(3);
      expect(mean(late)).toBeGreaterThan(mean(early) + 8);
      expect(invoices.at(-1)!.daysLate).toBeGreaterThanOrEqual(10);
    }
  });

  it('records promises that late payers kept or broke', async () => {
    const promises = await db.orm.em.fork().execute<{ status: string; count: number; consistent: boolean }[]>(
      `select status, count(*)::int as count,
              bool_and(created_at < resolved_at and resolved_at < ? and (status = 'kept') = (paid_minor = amount_minor)) as consistent
         from promise group by status order by status`,
      [now],
    );
    expect(promises.map((p) => p.status)).toEqual(['broken', 'kept']);
    expect(promises.every((p) => p.count > 5 && p.consistent)).toBe(true);
  });
});
