import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { PROMISE_DEFAULT_GRACE_DAYS, promiseDeadline } from '@recoup/domain';
import { Account, type CustomerType, type IAccount } from '../entities/account.entity.ts';
import { Allocation } from '../entities/allocation.entity.ts';
import { AppUser, type IAppUser, type UserRole } from '../entities/app-user.entity.ts';
import { Contact } from '../entities/contact.entity.ts';
import { Invoice, type IInvoice } from '../entities/invoice.entity.ts';
import { Payment } from '../entities/payment.entity.ts';
import { PaymentPromise } from '../entities/payment-promise.entity.ts';
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

/** How a demo debtor pays its invoices: what its paid history shows, and what the payment models can learn. */
export type PaymentHabit = 'punctual' | 'slow' | 'erratic' | 'deteriorating';

export interface SeedDemoResult {
  skipped: boolean;
  users: number;
  accounts: number;
  /** Every invoice seeded: the paid history and the current ones. */
  invoices: number;
  payments: number;
  /** Each demo account's payment habit, by its external reference; empty when nothing was seeded. */
  habits: Record<string, PaymentHabit>;
}

// Serializes concurrent seeders (e.g. two processes starting at once).
const SEED_LOCK = 727_001_772;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const HABITS: readonly (readonly [PaymentHabit, number])[] = [
  ['punctual', 40],
  ['slow', 25],
  ['erratic', 20],
  ['deteriorating', 15],
];

/** The paid history starts about 18 months before now and its last invoice is issued about two months before now. */
const HISTORY_FROM_DAYS = 548;
const HISTORY_TO_DAYS = 60;
/**
 * A deteriorating debtor starts paying later this many days before the end of its history, and by the last
 * RAMP_END_DAYS of it pays as late as it will.
 */
const DETERIORATION_DAYS = 210;
const RAMP_END_DAYS = 45;

/**
 * Fills an empty database with demo users, the default templates and strategy (published as version 1) and demo
 * debtors, each with a payment habit: about 18 months of invoices paid the way the habit says, a few promises among
 * them, and its current invoices and payments. Does nothing when the demo admin user already exists.
 */
export async function seedDemo(orm: MikroORM, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const passwordHash = await options.hashPassword(DEMO_PASSWORD);
  return orm.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(?)', [SEED_LOCK]);
    const admin = DEMO_USERS[0];
    if (admin && (await em.count(AppUser, { email: admin.email })) > 0) {
      return { skipped: true, users: 0, accounts: 0, invoices: 0, payments: 0, habits: {} };
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

/** An invoice near the account's usual amount (60–140 % of it), within the demo's 50.00 to 25,000.00. */
function amountNear(prng: Prng, usualMinor: bigint): bigint {
  const minor = (usualMinor * BigInt(prng.int(60, 140))) / 100n;
  return minor < 5_000n ? 5_000n : minor > 2_500_000n ? 2_500_000n : minor;
}

/** A share of an amount, in whole minor units. */
function percentOf(amountMinor: bigint, percent: number): bigint {
  return (amountMinor * BigInt(percent)) / 100n;
}

/** Days after the due date a punctual debtor pays: on the day or a few days before, now and then 1–3 days late. */
function punctualLateness(prng: Prng): number {
  return prng.chance(0.08) ? prng.int(1, 3) : -Math.min(prng.int(0, 5), prng.int(0, 5));
}

/**
 * Days after the due date the debtor pays an invoice (negative: early). `progress` says how far into its decline a
 * deteriorating debtor is (0 before it, 1 at the end of the history and after); `worst` is how late it then pays.
 */
function lateness(prng: Prng, habit: PaymentHabit, progress: number, worst: number): number {
  switch (habit) {
    case 'punctual':
      return punctualLateness(prng);
    case 'slow':
      return prng.chance(0.05) ? prng.int(0, 7) : prng.int(8, 25);
    case 'erratic':
      return prng.chance(0.3) ? prng.int(-10, -1) : prng.int(0, 60);
    case 'deteriorating':
      return progress <= 0 ? punctualLateness(prng) : Math.max(-2, Math.round(progress * worst) + prng.int(-3, 3));
  }
}

/**
 * How often a current invoice is already paid in full (overdue ones only) or in part, by habit: a punctual debtor
 * has paid most of those whose due date has passed.
 */
const CURRENT_PAYMENTS: Record<PaymentHabit, { full: number; partOverdue: number; partNotDue: number }> = {
  punctual: { full: 0.5, partOverdue: 0.6, partNotDue: 0.05 },
  slow: { full: 0.06, partOverdue: 0.35, partNotDue: 0.05 },
  erratic: { full: 0.05, partOverdue: 0.5, partNotDue: 0.2 },
  deteriorating: { full: 0.03, partOverdue: 0.3, partNotDue: 0.05 },
};

/** How often a debtor that pays late promised a date first, and how often it kept the promise, by habit. */
const PROMISES: Record<PaymentHabit, { made: number; kept: number }> = {
  punctual: { made: 0.1, kept: 0.9 },
  slow: { made: 0.3, kept: 0.75 },
  erratic: { made: 0.3, kept: 0.4 },
  deteriorating: { made: 0.35, kept: 0.5 },
};

interface SeedContext {
  readonly em: EntityManager;
  readonly prng: Prng;
  readonly nowMs: number;
  /** The UTC calendar day of now, as days since 1970-01-01. */
  readonly nowDay: number;
  currentInvoices: number;
  historyInvoices: number;
  payments: number;
}

/**
 * Books a payment received at `receivedMs` and allocates all of it to the invoice. A payment of the paid history
 * was booked when it came in; a current one when the portfolio was loaded.
 */
function pay(ctx: SeedContext, account: IAccount, invoice: IInvoice, amountMinor: bigint, receivedMs: number, bookedWhenReceived: boolean): void {
  ctx.payments++;
  const receivedAt = new Date(receivedMs);
  const payment = ctx.em.create(Payment, {
    id: ctx.prng.uuid(),
    account,
    amountMinor,
    currency: account.currency,
    receivedAt,
    reference: `${invoice.number} / ${account.externalRef}`,
    payerName: account.name,
    idempotencyKey: `demo-payment-${ctx.payments}`,
    unallocatedMinor: amountMinor,
    ...(bookedWhenReceived ? { createdAt: receivedAt } : {}),
  });
  // The allocation trigger reduces the invoice's open amount (and marks it paid) in the database.
  ctx.em.create(Allocation, { id: ctx.prng.uuid(), payment, invoice, amountMinor });
}

/** An instant during business hours (08:00–17:59 UTC) of an epoch day. */
function during(prng: Prng, day: number): number {
  return day * DAY_MS + prng.int(8, 17) * HOUR_MS + prng.int(0, 59) * 60_000;
}

/** A demo account with how it pays and what it is usually invoiced. */
interface DemoDebtor {
  readonly account: IAccount;
  readonly habit: PaymentHabit;
  /** Days from issue to due date of its paid history's invoices. */
  readonly termsDays: number;
  /** The amount it is usually invoiced, in minor units. */
  readonly usualMinor: bigint;
  /** Issue day of the first invoice of the history. */
  readonly fromDay: number;
  /** How late a deteriorating debtor pays at the end of its history. */
  readonly worstLateness: number;
  /** The assigned collector, who took its promises. */
  readonly collectorId: string | null;
}

/** How far a deteriorating debtor is into its decline on a day: 0 before it starts, 1 near the end of the history. */
function decline(ctx: SeedContext, day: number): number {
  const end = ctx.nowDay - HISTORY_TO_DAYS;
  const start = end - DETERIORATION_DAYS;
  return Math.min(1, Math.max(0, (day - start) / (DETERIORATION_DAYS - RAMP_END_DAYS)));
}

/**
 * The account's paid history: an invoice every 2–6 weeks from about 18 months ago until about two months ago, each
 * paid in full when the debtor's habit says, never later than a day before now. An erratic debtor sometimes pays
 * part of an invoice first; a debtor that pays late sometimes promised a date, which it kept or broke.
 */
function seedHistory(ctx: SeedContext, h: DemoDebtor): void {
  const { em, prng } = ctx;
  const lastIssueDay = ctx.nowDay - HISTORY_TO_DAYS;
  for (let issueDay = h.fromDay; issueDay <= lastIssueDay; issueDay += prng.int(14, 42)) {
    ctx.historyInvoices++;
    const dueDay = issueDay + h.termsDays;
    const payDay = Math.min(ctx.nowDay - 1, Math.max(issueDay + 1, dueDay + lateness(prng, h.habit, decline(ctx, issueDay), h.worstLateness)));
    const amountMinor = amountNear(prng, h.usualMinor);
    const invoice = em.create(Invoice, {
      id: prng.uuid(),
      account: h.account,
      number: `DEMO-INV-H${String(ctx.historyInvoices).padStart(6, '0')}`,
      issueDate: isoDate(issueDay * DAY_MS),
      dueDate: isoDate(dueDay * DAY_MS),
      currency: h.account.currency,
      amountMinor,
      openMinor: amountMinor,
      status: 'open',
      createdAt: new Date(issueDay * DAY_MS + 7 * HOUR_MS),
    });
    const receivedMs = Math.min(ctx.nowMs - DAY_MS, during(prng, payDay));
    const partFirst = h.habit === 'erratic' && payDay - issueDay >= 3 && prng.chance(0.25);
    if (partFirst) {
      const partMinor = percentOf(amountMinor, prng.int(20, 60));
      pay(ctx, h.account, invoice, partMinor, during(prng, prng.int(issueDay + 1, payDay - 1)), true);
      pay(ctx, h.account, invoice, amountMinor - partMinor, receivedMs, true);
      continue;
    }
    pay(ctx, h.account, invoice, amountMinor, receivedMs, true);
    if (payDay - dueDay >= 5 && prng.chance(PROMISES[h.habit].made)) seedPromise(ctx, h, amountMinor, dueDay, payDay, receivedMs);
  }
}

/**
 * A promise the debtor made after the due date of an invoice it paid late: kept when it paid by the promised date
 * (and its grace days), broken when the payment came only after that.
 */
function seedPromise(ctx: SeedContext, h: DemoDebtor, amountMinor: bigint, dueDay: number, payDay: number, receivedMs: number): void {
  const { prng } = ctx;
  const graceDays = PROMISE_DEFAULT_GRACE_DAYS;
  const kept = prng.chance(PROMISES[h.habit].kept);
  // A broken promise's deadline has to pass before the payment came: the promise then fell due at least a few days
  // before the payment day, with room for the deadline's time zone.
  const latestBrokenDay = payDay - graceDays - 2;
  if (!kept && latestBrokenDay <= dueDay + 1) return;
  const madeDay = kept ? prng.int(dueDay + 1, payDay - 1) : prng.int(dueDay + 1, latestBrokenDay - 1);
  const promisedDay = kept ? payDay + prng.int(0, 2) : prng.int(madeDay + 1, latestBrokenDay);
  const dueDate = isoDate(promisedDay * DAY_MS);
  const until = promiseDeadline(dueDate, graceDays, h.account.timeZone);
  ctx.em.create(PaymentPromise, {
    id: prng.uuid(),
    account: h.account,
    amountMinor,
    currency: h.account.currency,
    dueDate,
    graceDays,
    until,
    // Judged already: a kept one is paid in full, so its paid amount is its amount.
    paidMinor: kept ? amountMinor : 0n,
    status: kept ? 'kept' : 'broken',
    source: 'api',
    plan: null,
    installmentNo: null,
    task: null,
    createdBy: h.collectorId,
    createdAt: new Date(during(prng, madeDay)),
    resolvedAt: new Date(kept ? receivedMs : until.getTime()),
  });
}

/**
 * The account's current invoices, 1–4 of them due between 60 days ago and 20 days from now, some paid in part and
 * a few overdue ones in full, as often as the habit says.
 */
function seedCurrentInvoices(ctx: SeedContext, h: DemoDebtor): void {
  const { em, prng, nowMs } = ctx;
  const odds = CURRENT_PAYMENTS[h.habit];
  const invoiceCount = prng.int(1, 4);
  for (let n = 0; n < invoiceCount; n++) {
    ctx.currentInvoices++;
    const dueMs = nowMs + prng.int(-60, 20) * DAY_MS;
    // Issued at least two days ago, so that a payment can follow it.
    const issueMs = Math.min(dueMs - prng.pick([14, 30, 30, 45]) * DAY_MS, nowMs - 2 * DAY_MS);
    const amountMinor = amountNear(prng, h.usualMinor);
    const invoice = em.create(Invoice, {
      id: prng.uuid(),
      account: h.account,
      number: `DEMO-INV-${String(100_000 + ctx.currentInvoices)}`,
      issueDate: isoDate(issueMs),
      dueDate: isoDate(dueMs),
      currency: h.account.currency,
      amountMinor,
      openMinor: amountMinor,
      status: 'open',
      createdAt: new Date(issueMs),
    });

    const overdue = dueMs < nowMs;
    const roll = prng.next();
    const fullyPaid = overdue && roll < odds.full;
    const partlyPaid = !fullyPaid && roll < (overdue ? odds.partOverdue : odds.partNotDue);
    if (!fullyPaid && !partlyPaid) continue;
    const paidMinor = fullyPaid ? amountMinor : percentOf(amountMinor, prng.int(20, 80));
    if (paidMinor <= 0n) continue;
    // Paid in full when the habit says (the debtor is at the end of any decline); a part any day of the last month.
    const receivedMs = fullyPaid
      ? dueMs + lateness(prng, h.habit, 1, h.worstLateness) * DAY_MS
      : nowMs - prng.int(1, 30) * DAY_MS;
    pay(ctx, h.account, invoice, paidMinor, Math.min(nowMs - DAY_MS, Math.max(issueMs + DAY_MS, receivedMs)), false);
  }
}

function seedAccounts(
  em: EntityManager,
  prng: Prng,
  collectors: IAppUser[],
  count: number,
  now: Date,
): Omit<SeedDemoResult, 'skipped' | 'users'> {
  const nowMs = now.getTime();
  const ctx: SeedContext = { em, prng, nowMs, nowDay: Math.floor(nowMs / DAY_MS), currentInvoices: 0, historyInvoices: 0, payments: 0 };
  const habits: Record<string, PaymentHabit> = {};
  for (let i = 0; i < count; i++) {
    const region = prng.weighted(REGIONS);
    const customerType: CustomerType = prng.chance(0.6) ? 'business' : 'consumer';
    const person = `${prng.pick(FIRST_NAMES)} ${prng.pick(LAST_NAMES)}`;
    const name =
      customerType === 'business'
        ? `${prng.pick(COMPANY_STEMS)} ${prng.pick(COMPANY_TRADES)} ${prng.pick(region.legalForms)}`
        : person;
    const collector = collectors.length > 0 && prng.chance(0.75) ? collectors[i % collectors.length] : undefined;
    const habit = prng.weighted(HABITS);
    const fromDay = ctx.nowDay - HISTORY_FROM_DAYS + prng.int(0, 14);
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
      // A customer since before its first invoice.
      createdAt: new Date(Math.min(nowMs - prng.int(90, 720) * DAY_MS, (fromDay - prng.int(1, 30)) * DAY_MS)),
      updatedAt: now,
    });
    habits[account.externalRef] = habit;

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

    const debtor: DemoDebtor = {
      account,
      habit,
      termsDays: prng.pick([14, 30, 30, 45]),
      usualMinor: invoiceAmount(prng),
      fromDay,
      worstLateness: prng.int(20, 45),
      collectorId: collector?.id ?? null,
    };
    seedHistory(ctx, debtor);
    seedCurrentInvoices(ctx, debtor);
  }
  return { accounts: count, invoices: ctx.currentInvoices + ctx.historyInvoices, payments: ctx.payments, habits };
}
