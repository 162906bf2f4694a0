import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Account, AppUser, checksumGraph, Invoice, Payment, Strategy, StrategyVersion, Template } from '@recoup/db';
import { createTestDatabase, type TestDatabase } from '@recoup/db/testing';
import { DEMO_USERS, seedDemo } from '@recoup/db/seed';
import { DEFAULT_STRATEGY, DEFAULT_TEMPLATE_KEYS } from '@recoup/domain';

// A fast stand-in for the API's password hasher; seeding only stores what it returns.
const hashPassword = async (password: string): Promise<string> =>
  `sha256:${createHash('sha256').update(password).digest('hex')}`;
const now = new Date('2026-03-15T10:00:00.000Z');
const DAY_MS = 86_400_000;

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db.drop();
});

describe('seedDemo', () => {
  it('creates users, templates, the published default strategy and 200 demo accounts', async () => {
    const result = await seedDemo(db.orm, { hashPassword, now });
    expect(result.skipped).toBe(false);
    expect(result.accounts).toBe(200);

    const em = db.orm.em.fork();
    expect(await em.count(Account)).toBe(200);
    const users = await em.find(AppUser, {}, { orderBy: { email: 'asc' } });
    expect(users.map((u) => [u.email, u.role])).toEqual(
      [...DEMO_USERS].sort((a, b) => a.email.localeCompare(b.email)).map((u) => [u.email, u.role]),
    );
    expect(users.every((u) => u.passwordHash === `sha256:${createHash('sha256').update('demo-password').digest('hex')}`)).toBe(true);

    const templates = await em.find(Template, {});
    expect(templates.map((t) => t.key).sort()).toEqual([...DEFAULT_TEMPLATE_KEYS].sort());

    const strategy = await em.findOneOrFail(Strategy, { isDefault: true });
    expect(strategy.name).toBe(DEFAULT_STRATEGY.name);
    const version = await em.findOneOrFail(StrategyVersion, { strategy, version: 1 });
    expect(version.checksum).toBe(checksumGraph(DEFAULT_STRATEGY.graph));
    expect(version.graph).toEqual(DEFAULT_STRATEGY.graph);
  });

  it('spreads invoices over realistic amounts, currencies and due dates', async () => {
    const em = db.orm.em.fork();
    const invoices = await em.find(Invoice, {}, { populate: ['account'] });
    for (const invoice of invoices) {
      expect(invoice.amountMinor).toBeGreaterThanOrEqual(5_000n);
      expect(invoice.amountMinor).toBeLessThanOrEqual(2_500_000n);
      expect(invoice.currency).toBe(invoice.account.currency);
      expect(invoice.issueDate <= invoice.dueDate).toBe(true);
    }
    // The current invoices (the paid history is numbered DEMO-INV-H…): 1–4 an account, due from 60 days ago to 20
    // days ahead. Every invoice still open is one of them.
    const current = invoices.filter((i) => !i.number.startsWith('DEMO-INV-H'));
    expect(current.length).toBeGreaterThanOrEqual(200);
    expect(current.length).toBeLessThanOrEqual(800);
    const open = invoices.filter((i) => i.status === 'open');
    expect(open.length).toBeGreaterThan(0);
    for (const invoice of open) {
      expect(current).toContain(invoice);
      const dueOffsetDays = (Date.parse(`${invoice.dueDate}T00:00:00Z`) - now.getTime()) / DAY_MS;
      expect(dueOffsetDays).toBeGreaterThanOrEqual(-61);
      expect(dueOffsetDays).toBeLessThanOrEqual(20);
    }
    const currencies = new Set(invoices.map((i) => i.currency));
    expect([...currencies].sort()).toEqual(['EUR', 'GBP', 'USD']);
    expect(open.some((i) => i.openMinor > 0n && i.openMinor < i.amountMinor)).toBe(true);
    expect(current.some((i) => i.status === 'paid' && i.openMinor === 0n)).toBe(true);
    expect(await em.count(Payment)).toBeGreaterThan(0);
  });

  it('does nothing when run again', async () => {
    const result = await seedDemo(db.orm, { hashPassword, now });
    expect(result).toEqual({ skipped: true, users: 0, accounts: 0, invoices: 0, payments: 0, habits: {} });
    expect(await db.orm.em.fork().count(Account)).toBe(200);
  });

  it('produces the same data from the same seed', async () => {
    const other = await createTestDatabase();
    try {
      const result = await seedDemo(other.orm, { hashPassword, now, accounts: 20 });
      const mine = await db.orm.em.fork().find(Account, {}, { orderBy: { externalRef: 'asc' }, limit: 20 });
      const theirs = await other.orm.em.fork().find(Account, {}, { orderBy: { externalRef: 'asc' } });
      expect(theirs.map((a) => [a.id, a.name, a.currency])).toEqual(mine.map((a) => [a.id, a.name, a.currency]));
      expect(Object.keys(result.habits)).toEqual(theirs.map((a) => a.externalRef));

      // The first 20 accounts' invoices and payments, the paid history with them, are the same as well.
      const ledger = async (database: TestDatabase) =>
        database.orm.em.fork().execute(
          `select i.id, i.number, i.issue_date::text, i.due_date::text, i.amount_minor::text, i.status, p.received_at, a.amount_minor::text as allocated
             from invoice i join account ac on ac.id = i.account_id
             left join allocation a on a.invoice_id = i.id left join payment p on p.id = a.payment_id
            where ac.external_ref between 'DEMO-10001' and 'DEMO-10020'
            order by i.number, p.received_at`,
        );
      const theirLedger = await ledger(other);
      expect(theirLedger.length).toBeGreaterThan(20 * 10);
      expect(theirLedger).toEqual(await ledger(db));
    } finally {
      await other.drop();
    }
  });
});
