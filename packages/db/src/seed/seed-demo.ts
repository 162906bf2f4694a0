import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Account, type CustomerType } from '../entities/account.entity.ts';
import { Allocation } from '../entities/allocation.entity.ts';
import { AppUser, type IAppUser, type UserRole } from '../entities/app-user.entity.ts';
import { Contact } from '../entities/contact.entity.ts';
import { Invoice } from '../entities/invoice.entity.ts';
import { Payment } from '../entities/payment.entity.ts';
import { COMPANY_STEMS, COMPANY_TRADES, FIRST_NAMES, LAST_NAMES, REGIONS, type Region } from './demo-names.ts';
import { Prng } from './prng.ts';
import { seedDefaultStrategyIfMissing, seedMissingTemplates } from './seed-essentials.ts';

export const DEMO_PASSWORD = 'demo-password';

/** Collectors work in pools with skills, so a strategy's assignment rules have someone to choose. */
export const DEMO_USERS: readonly {
  email: string;
  name: string;
  role: UserRole;
  pools?: string[];
  skills?: string[];
  /** E-mail of the manager whose team the collector is on. */
  manager?: string;
}[] = [
  { email: 'admin@recoup.local', name: 'Ada Admin', role: 'admin' },
  { email: 'manager@recoup.local', name: 'Max Manager', role: 'manager' },
  { email: 'collector1@recoup.local', name: 'Clara Collector', role: 'collector', pools: ['general', 'high-value'], skills: ['english', 'german'], manager: 'manager@recoup.local' },
  { email: 'collector2@recoup.local', name: 'Colin Collector', role: 'collector', pools: ['general'], skills: ['english'], manager: 'manager@recoup.local' },
  { email: 'collector3@recoup.local', name: 'Chiara Collector', role: 'collector', pools: ['general', 'consumer'], skills: ['english', 'italian'], manager: 'manager@recoup.local' },
];

export interface SeedDemoOptions {
  hashPassword: (password: string) => Promise<string>;
  /** Number of demo debtor accounts (default 200). */
  accounts?: number;
  /** Due dates and payments are placed relative to this instant. */
  now: Date;
  /** PRNG seed; the same seed and `now` give the same data (default 1). */
  seed?: number;
}

export interface SeedDemoResult {
  skipped: boolean;
  users: number;
  accounts: number;
  invoices: number;
  payments: number;
}

// Serializes concurrent seeders (e.g. two processes starting at once).
const SEED_LOCK = 727_001_772;
const DAY_MS = 86_400_000;

/**
 * Fills an empty database with demo users, the default templates and strategy (published as version 1) and demo
 * debtors with invoices and payments. Does nothing when the demo admin user already exists.
 */
export async function seedDemo(orm: MikroORM, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const passwordHash = await options.hashPassword(DEMO_PASSWORD);
  return orm.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(?)', [SEED_LOCK]);
    const admin = DEMO_USERS[0];
    if (admin && (await em.count(AppUser, { email: admin.email })) > 0) {
      return { skipped: true, users: 0, accounts: 0, invoices: 0, payments: 0 };
    }
    const prng = new Prng(options.seed ?? 1);
    const ids = new Map(DEMO_USERS.map((u) => [u.email, prng.uuid()]));
    const users = DEMO_USERS.map(({ manager, ...u }) =>
      em.create(AppUser, {
        ...u,
        id: ids.get(u.email) ?? prng.uuid(),
        pools: u.pools ?? [],
        skills: u.skills ?? [],
        managerId: manager ? (ids.get(manager) ?? null) : null,
        passwordHash,
        active: true,
      }),
    );
    // created_by / published_by are plain uuid columns the unit of work cannot order by, so users go in first.
    await em.flush();
    const adminUser = users[0];
    await seedMissingTemplates(em, () => prng.uuid());
    await seedDefaultStrategyIfMissing(em, () => prng.uuid(), adminUser?.id ?? null, options.now);
    const collectors = users.filter((u) => u.role === 'collector');
    const counts = seedAccounts(em, prng, collectors, options.accounts ?? 200, options.now);
    await em.flush();
    return { skipped: false, users: users.length, ...counts };
  });
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function phone(prng: Prng, region: Region): string {
  return `${region.phonePrefix} ${prng.int(100, 999)} ${prng.int(1000, 9999)}`;
}

/** Log-uniform between 50.00 and 25,000.00, so small invoices are common and large ones rare. */
function invoiceAmount(prng: Prng): bigint {
  const low = Math.log(5_000);
  const high = Math.log(2_500_000);
  let minor = Math.round(Math.exp(low + prng.next() * (high - low)));
  if (prng.chance(0.3)) minor = Math.max(5_000, Math.round(minor / 100) * 100);
  return BigInt(Math.min(minor, 2_500_000));
}

function seedAccounts(
  em: EntityManager,
  prng: Prng,
  collectors: IAppUser[],
  count: number,
  now: Date,
): { accounts: number; invoices: number; payments: number } {
  const nowMs = now.getTime();
  let invoices = 0;
  let payments = 0;
  for (let i = 0; i < count; i++) {
    const region = prng.weighted(REGIONS);
    const customerType: CustomerType = prng.chance(0.6) ? 'business' : 'consumer';
    const person = `${prng.pick(FIRST_NAMES)} ${prng.pick(LAST_NAMES)}`;
    const name =
      customerType === 'business'
        ? `${prng.pick(COMPANY_STEMS)} ${prng.pick(COMPANY_TRADES)} ${prng.pick(region.legalForms)}`
        : person;
    const collector = collectors.length > 0 && prng.chance(0.75) ? collectors[i % collectors.length] : undefined;
    const account = em.create(Account, {
      id: prng.uuid(),
      externalRef: `DEMO-${10_001 + i}`,
      name,
      customerType,
      segment:
        customerType === 'business'
          ? prng.weighted([['standard', 6], ['key-account', 2], ['sme', 3]] as const)
          : prng.weighted([['standard', 8], ['vip', 1]] as const),
      riskScore: prng.chance(0.1) ? null : prng.int(customerType === 'business' ? 100 : 200, 950),
      currency: region.currency,
      timeZone: region.timeZone,
      assignedCollector: collector ?? null,
      createdAt: new Date(nowMs - prng.int(90, 720) * DAY_MS),
      updatedAt: now,
    });

    // Reserved `.example` domains: demo mail must never reach a real mailbox.
    const mailDomain = customerType === 'business' ? `${slug(name)}.example` : 'mail.example';
    em.create(Contact, {
      id: prng.uuid(),
      account,
      name: person,
      email: customerType === 'business' ? `accounts@${mailDomain}` : `${slug(person).replace(/-/g, '.')}@${mailDomain}`,
      phone: prng.chance(0.85) ? phone(prng, region) : null,
      timeZone: region.timeZone,
      isPrimary: true,
      consentEmail: prng.chance(0.9),
      consentSms: prng.chance(0.4),
      consentPhone: prng.chance(0.65),
      consentLetter: prng.chance(0.95),
    });
    if (customerType === 'business' && prng.chance(0.3)) {
      const other = `${prng.pick(FIRST_NAMES)} ${prng.pick(LAST_NAMES)}`;
      em.create(Contact, {
        id: prng.uuid(),
        account,
        name: other,
        email: `${slug(other).replace(/-/g, '.')}@${mailDomain}`,
        phone: phone(prng, region),
        timeZone: region.timeZone,
        isPrimary: false,
        consentEmail: prng.chance(0.8),
        consentSms: false,
        consentPhone: prng.chance(0.7),
        consentLetter: false,
      });
    }

    const invoiceCount = prng.int(1, 4);
    for (let n = 0; n < invoiceCount; n++) {
      invoices++;
      const dueMs = nowMs + prng.int(-60, 20) * DAY_MS;
      const issueMs = dueMs - prng.pick([14, 30, 30, 45]) * DAY_MS;
      const amountMinor = invoiceAmount(prng);
      const invoice = em.create(Invoice, {
        id: prng.uuid(),
        account,
        number: `DEMO-INV-${String(100_000 + invoices)}`,
        issueDate: isoDate(issueMs),
        dueDate: isoDate(dueMs),
        currency: region.currency,
        amountMinor,
        openMinor: amountMinor,
        status: 'open',
        createdAt: new Date(Math.min(issueMs, nowMs)),
      });

      const overdue = dueMs < nowMs;
      const roll = prng.next();
      const fullyPaid = overdue && roll < 0.08;
      const partlyPaid = !fullyPaid && roll < (overdue ? 0.35 : 0.1);
      if (!fullyPaid && !partlyPaid) continue;
      const paidMinor = fullyPaid
        ? amountMinor
        : (amountMinor * BigInt(prng.int(20, 80))) / 100n;
      if (paidMinor <= 0n) continue;
      payments++;
      const receivedMs = Math.min(nowMs - DAY_MS, Math.max(issueMs + DAY_MS, nowMs - prng.int(1, 30) * DAY_MS));
      const payment = em.create(Payment, {
        id: prng.uuid(),
        account,
        amountMinor: paidMinor,
        currency: region.currency,
        receivedAt: new Date(receivedMs),
        reference: `${invoice.number} / ${account.externalRef}`,
        payerName: name,
        idempotencyKey: `demo-payment-${payments}`,
        unallocatedMinor: paidMinor,
      });
      // The allocation trigger reduces the invoice's open amount (and marks it paid) in the database.
      em.create(Allocation, { id: prng.uuid(), payment, invoice, amountMinor: paidMinor });
    }
  }
  return { accounts: count, invoices, payments };
}
