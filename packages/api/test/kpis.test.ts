import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Invoice, Strategy, StrategyVersion } from '@recoup/db';
import {
  ageReceivables,
  averageDaysDelinquent,
  bestPossibleDso,
  collectionEffectivenessIndex,
  countbackDso,
  promiseKeptRate,
  recoveryRate,
  simpleDso,
} from '@recoup/domain';
import type { AgingBlock, KpiDashboard, KpiOptions, ProductivityBlock } from '@recoup/contracts';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';

// A small portfolio whose every figure is worked out by hand below. Period: 2025-01-01 to 2025-03-31 (90 days), EUR.
//
//  invoice  account  issued      due         amount   ledger                                          open 31 Mar  bucket (days)
//  I1       A1       2024-11-01  2024-12-01  100,000  paid 40,000 recv 01-20 (applied 02-05);          60,000     90+ (120)
//                                                     paid 10,000 recv 04-10 (after the period)
//  I2       A1       2025-01-10  2025-02-09   50,000  credit note 10,000 on 02-15                      40,000     31-60 (50)
//  I3       A2       2025-02-01  2025-03-15   80,000  paid 80,000 recv 03-10                                0     -
//  I4       A2       2025-03-01  2025-04-15   30,000                                                   30,000     current
//  I11      A2       2024-12-15  2025-01-14   25,000  paid 20,000 recv 01-10                            5,000     61-90 (76)
//  I5       A3       2024-10-01  2024-10-31   20,000                                                   20,000     90+ (151)
//  I6       A3       2025-03-20  2025-03-31    5,000                                                    5,000     current (0)
//  I7       A3       2025-03-01  2025-03-30    7,000                                                    7,000     1-30 (1)
//  I8       A1       2025-04-05  2025-05-05   99,000  issued after the period                              -
//  I9       A1       2025-01-15  2025-01-31   12,000  cancelled: never receivable                          -
//  I10      A4 USD   2025-01-05  2025-02-04   70,000                                                   70,000 USD 31-60 (55)
//
// Ending AR 167,000 (current 35,000); beginning AR (issued before 01-01) I1 + I5 + I11 = 145,000; sales in the period
// I2 + I3 + I4 + I6 + I7 = 172,000. Accounts: A1 (collector1, run champion on the default version), A2 (collector2,
// run challenger segment sme; a later run, champion segment vip, starts after the period and must not count),
// A3 (nobody, no run), A4 (USD).

const FROM = '2025-01-01';
const TO = '2025-03-31';
const PERIOD = `from=${FROM}&to=${TO}`;

let h: Harness;
let manager: LoggedIn;
let ids: { c1: string; c2: string; c3: string; version: string; a1: string; a2: string; a3: string };

const at = (date: string) => `${date}T12:00:00.000Z`;

async function seedPortfolio(em: EntityManager) {
  const c1 = await h.userId('collector1');
  const c2 = await h.userId('collector2');
  const c3 = (await em.execute<{ id: string }[]>(`select id from app_user where email = 'collector3@recoup.local'`))[0]?.id ?? '';
  const strategy = await em.findOneOrFail(Strategy, { isDefault: true });
  const version = (await em.findOneOrFail(StrategyVersion, { strategy: strategy.id }, { orderBy: { version: 'desc' } })).id;
  const account = async (ref: string, segment: string, currency: string, collector: string | null) => {
    const id = randomUUID();
    await em.execute(
      `insert into account (id, external_ref, name, customer_type, segment, currency, time_zone, assigned_collector_id)
       values (?, ?, ?, 'business', ?, ?, 'UTC', ?)`,
      [id, ref, `Customer ${ref}`, segment, currency, collector],
    );
    return id;
  };
  const a1 = await account('KPI-A1', 'standard', 'EUR', c1);
  const a2 = await account('KPI-A2', 'sme', 'EUR', c2);
  const a3 = await account('KPI-A3', 'standard', 'EUR', null);
  const a4 = await account('KPI-A4', 'standard', 'USD', null);
  const run = (accountId: string, arm: string, segment: string, started: string) =>
    em.execute(
      `insert into collection_run (account_id, workflow_id, strategy_version_id, arm_label, assigned, segment, started_at)
       values (?, ?, ?, ?, true, ?, ?)`,
      [accountId, `collection-${accountId}`, version, arm, segment, at(started)],
    );
  await run(a1, 'champion', 'standard', '2024-12-01');
  await run(a2, 'challenger', 'sme', '2024-12-01');
  await run(a2, 'champion', 'vip', '2025-06-01');

  const invoice = async (accountId: string, n: string, issue: string, due: string, amount: number, currency = 'EUR', status = 'open') => {
    const id = randomUUID();
    await em.execute(
      `insert into invoice (id, account_id, number, issue_date, due_date, currency, amount_minor, open_minor, status)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, accountId, `KPI-${n}`, issue, due, currency, amount, amount, status],
    );
    return id;
  };
  const pay = async (accountId: string, invoiceId: string, amount: number, received: string, applied = received) => {
    const id = randomUUID();
    await em.execute(
      `insert into payment (id, account_id, amount_minor, currency, received_at, reference, unallocated_minor)
       values (?, ?, ?, 'EUR', ?, ?, ?)`,
      [id, accountId, amount, at(received), `pay ${id}`, amount],
    );
    await em.execute(`insert into allocation (payment_id, invoice_id, amount_minor, created_at) values (?, ?, ?, ?)`, [id, invoiceId, amount, at(applied)]);
  };
  const i1 = await invoice(a1, 'I1', '2024-11-01', '2024-12-01', 100_000);
  await pay(a1, i1, 40_000, '2025-01-20', '2025-02-05');
  await pay(a1, i1, 10_000, '2025-04-10');
  const i2 = await invoice(a1, 'I2', '2025-01-10', '2025-02-09', 50_000);
  await em.execute(
    `insert into credit_note (account_id, invoice_id, amount_minor, currency, reason, created_at) values (?, ?, 10000, 'EUR', 'goodwill', ?)`,
    [a1, i2, at('2025-02-15')],
  );
  const i3 = await invoice(a2, 'I3', '2025-02-01', '2025-03-15', 80_000);
  await pay(a2, i3, 80_000, '2025-03-10');
  await invoice(a2, 'I4', '2025-03-01', '2025-04-15', 30_000);
  const i11 = await invoice(a2, 'I11', '2024-12-15', '2025-01-14', 25_000);
  await pay(a2, i11, 20_000, '2025-01-10');
  await invoice(a3, 'I5', '2024-10-01', '2024-10-31', 20_000);
  await invoice(a3, 'I6', '2025-03-20', '2025-03-31', 5_000);
  await invoice(a3, 'I7', '2025-03-01', '2025-03-30', 7_000);
  await invoice(a1, 'I8', '2025-04-05', '2025-05-05', 99_000);
  await invoice(a1, 'I9', '2025-01-15', '2025-01-31', 12_000, 'EUR', 'cancelled');
  await invoice(a4, 'I10', '2025-01-05', '2025-02-04', 70_000, 'USD');

  // Promises: P1 kept, P2 broken, P3 kept inside the period; P4 kept but dated after it; P5 cancelled; P6 open
  // (5,000 still expected of 6,000) and a plan instalment of 3,000, both for the forecast.
  const promise = (accountId: string, amount: number, paid: number, due: string, status: string, by: string | null, created: string) =>
    em.execute(
      `insert into promise (account_id, amount_minor, currency, due_date, until, paid_minor, status, source, created_by, created_at, resolved_at)
       values (?, ?, 'EUR', ?, ?, ?, ?, 'api', ?, ?, ?)`,
      [accountId, amount, due, at(due), paid, status, by, at(created), status === 'open' ? null : at(due)],
    );
  await promise(a1, 30_000, 30_000, '2025-02-01', 'kept', c1, '2025-01-25');
  await promise(a2, 10_000, 0, '2025-03-01', 'broken', c2, '2025-02-20');
  await promise(a3, 5_000, 5_000, '2025-03-20', 'kept', c1, '2025-03-10');
  await promise(a1, 8_000, 8_000, '2025-04-10', 'kept', c1, '2025-04-01');
  await promise(a2, 4_000, 0, '2025-03-05', 'cancelled', c2, '2025-02-25');
  await promise(a1, 6_000, 1_000, '2025-04-10', 'open', c1, '2025-03-28');
  const plan = randomUUID();
  await em.execute(
    `insert into payment_plan (id, account_id, key, installments, interval_days, grace_days, total_minor, currency)
     values (?, ?, ?, 1, 30, 3, 3000, 'EUR')`,
    [plan, a1, `plan-${plan}`],
  );
  await em.execute(
    `insert into promise (account_id, amount_minor, currency, due_date, until, status, source, plan_id, installment_no, created_at)
     values (?, 3000, 'EUR', '2025-04-20', ?, 'open', 'plan', ?, 1, ?)`,
    [a1, at('2025-04-20'), plan, at('2025-03-20')],
  );

  const task = (accountId: string, assignee: string, status: string, completed: string | null) =>
    em.execute(
      `insert into collector_task (account_id, key, workflow_id, node_id, task_type, title, status, assignee_id, outcomes, outcome, due_at, completed_at, completed_by)
       values (?, ?, 'wf', 'call', 'call', 'Call', ?, ?, '{reached}', ?, ?, ?, ?)`,
      [accountId, randomUUID(), status, assignee, status === 'done' ? 'reached' : null, at('2025-01-15'), completed && at(completed), completed && assignee],
    );
  await task(a1, c1, 'done', '2025-02-01');
  await task(a2, c2, 'done', '2025-03-05');
  await task(a1, c1, 'done', '2025-04-02');
  await task(a1, c1, 'open', null);
  return { c1, c2, c3, version, a1, a2, a3 };
}

beforeAll(async () => {
  h = await createHarness();
  manager = await h.login('manager');
  const em = h.db.orm.em.fork();
  ids = await em.transactional((tx) => seedPortfolio(tx as EntityManager));
});
afterAll(async () => {
  await h.close();
});

const get = (path: string, who: LoggedIn = manager) => who.agent.get(path);
const amounts = (aging: AgingBlock) => Object.fromEntries(aging.buckets.map((b) => [b.key, [b.amountMinor, b.invoiceCount]]));

describe('the combined dashboard over a hand-computed portfolio', () => {
  let dashboard: KpiDashboard;

  beforeAll(async () => {
    const response = await get(`/api/kpis?${PERIOD}`);
    expect(response.status).toBe(200);
    dashboard = response.body as KpiDashboard;
  });

  it('defaults to the main currency, the one most invoices are in, and echoes the filters', () => {
    expect(dashboard.filters).toEqual({
      from: FROM, to: TO, days: 90, currency: 'EUR', segment: null, strategyVersionId: null, arm: null, collectorId: null, buckets: [30, 60, 90],
    });
  });

  it('ages the AR rebuilt at the period end: payments after it, later invoices and cancelled ones do not count', () => {
    expect(dashboard.aging.totalMinor).toBe('167000');
    expect(dashboard.aging.invoiceCount).toBe(7);
    expect(amounts(dashboard.aging)).toEqual({
      current: ['35000', 2],
      '1-30': ['7000', 1],
      '31-60': ['40000', 1],
      '61-90': ['5000', 1],
      '90+': ['80000', 2],
    });
  });

  it('computes simple DSO, Best Possible DSO and ADD from the ending AR and the period sales', () => {
    expect(dashboard.dso).toMatchObject({ days: 90, endingArMinor: '167000', currentArMinor: '35000', creditSalesMinor: '172000' });
    // 167,000 / 172,000 × 90 = 87.383…; 35,000 / 172,000 × 90 = 18.313…; 132,000 / 172,000 × 90 = 69.069…
    expect(dashboard.dso.simpleDso).toBe(87.38);
    expect(dashboard.dso.bestPossibleDso).toBe(18.31);
    expect(dashboard.dso.averageDaysDelinquent).toBe(69.07);
    expect(dashboard.dso.simpleDso).toBe(simpleDso(167_000n, 172_000n, 90));
    expect(dashboard.dso.bestPossibleDso).toBe(bestPossibleDso(35_000n, 172_000n, 90));
    expect(dashboard.dso.averageDaysDelinquent).toBe(averageDaysDelinquent(167_000n, 35_000n, 172_000n, 90));
  });

  it('walks countback DSO back through March, February and part of January', () => {
    // March sales 42,000 (31 days) leave 125,000; February 80,000 (28) leaves 45,000; January has 50,000 of sales:
    // 31 + 28 + 45,000 / 50,000 × 31 = 59 + 27.9 = 86.9 days.
    expect(dashboard.dso.countbackDso).toEqual({ days: 86.9, complete: true, monthsUsed: 3 });
    expect(dashboard.dso.months.slice(0, 4)).toEqual([
      { month: '2025-03', days: 31, salesMinor: '42000' },
      { month: '2025-02', days: 28, salesMinor: '80000' },
      { month: '2025-01', days: 31, salesMinor: '50000' },
      { month: '2024-12', days: 31, salesMinor: '25000' },
    ]);
    expect(dashboard.dso.countbackDso).toEqual(
      countbackDso(167_000n, [{ salesMinor: 42_000n, days: 31 }, { salesMinor: 80_000n, days: 28 }, { salesMinor: 50_000n, days: 31 }]),
    );
  });

  it('computes CEI from beginning AR, sales and the ending total and current AR', () => {
    // (145,000 + 172,000 − 167,000) / (145,000 + 172,000 − 35,000) × 100 = 150,000 / 282,000 × 100 = 53.19
    expect(dashboard.cei).toEqual({
      beginningArMinor: '145000',
      creditSalesMinor: '172000',
      endingTotalArMinor: '167000',
      endingCurrentArMinor: '35000',
      cei: 53.19,
    });
    expect(dashboard.cei.cei).toBe(
      collectionEffectivenessIndex({ beginningArMinor: 145_000n, creditSalesMinor: 172_000n, endingTotalArMinor: 167_000n, endingCurrentArMinor: 35_000n }),
    );
  });

  it('measures recovery on what was overdue on the first day, dating a payment by its receipt', () => {
    // Overdue on 1 January: I1 100,000 + I5 20,000. Of it, I1's 40,000 received on 20 January (applied in February).
    expect(dashboard.recovery).toEqual({ overdueAtStartMinor: '120000', collectedMinor: '40000', recoveryRate: 33.33 });
    expect(dashboard.recovery.recoveryRate).toBe(recoveryRate(40_000n, 120_000n));
  });

  it('rates promises kept among those dated in the period, by count and by amount', () => {
    // Kept P1 30,000 and P3 5,000, broken P2 10,000: 2 of 3 = 66.67 %; 35,000 of 45,000 = 77.78 %.
    expect(dashboard.promises).toEqual({ keptCount: 2, brokenCount: 1, keptMinor: '35000', brokenMinor: '10000', byCount: 66.67, byAmount: 77.78 });
    expect(promiseKeptRate({ keptCount: 2, brokenCount: 1, keptMinor: 35_000n, brokenMinor: 10_000n })).toEqual({ byCount: 66.67, byAmount: 77.78 });
  });

  it('counts each collector’s closed tasks, promises and the money collected on their accounts in the period', () => {
    const byCollector = Object.fromEntries(dashboard.productivity.rows.map((r) => [r.collectorId, r]));
    // collector1: task of 02-01; promises P1, P3, P6 (30,000 + 5,000 + 6,000); I1's 40,000 on account A1.
    expect(byCollector[ids.c1]).toMatchObject({ tasksClosed: 1, promisesObtained: 3, promisedMinor: '41000', collectedMinor: '40000' });
    // collector2: task of 03-05; promises P2 and P5 (10,000 + 4,000); I3's 80,000 and I11's 20,000 on A2.
    expect(byCollector[ids.c2]).toMatchObject({ tasksClosed: 1, promisesObtained: 2, promisedMinor: '14000', collectedMinor: '100000' });
    expect(byCollector[ids.c3]).toMatchObject({ tasksClosed: 0, promisesObtained: 0, promisedMinor: '0', collectedMinor: '0' });
  });

  it('forecasts 13 weeks from promises, instalments and open invoices weighted by bucket collection rates', () => {
    const f = dashboard.forecast;
    expect(f.startDate).toBe(TO);
    expect(f.historyFrom).toBe('2024-12-30');
    // On 2024-12-30 I11 was current (25,000, of which 20,000 came in since), I1 1–30 days late (100,000, 40,000
    // since) and I5 31–60 (20,000, nothing since).
    expect(f.rates.map((r) => [r.bucketKey, r.baseMinor, r.collectedMinor, r.rate])).toEqual([
      ['current', '25000', '20000', 80],
      ['1-30', '100000', '40000', 40],
      ['31-60', '20000', '0', 0],
      ['61-90', '0', '0', null],
      ['90+', '0', '0', null],
    ]);
    // A1 has an open promise, so its invoices are left to it: P6 5,000 in week 2 (04-07..04-13), the instalment
    // 3,000 in week 3 (04-14..04-20). Other open invoices: I6 5,000 due 03-31 × 80 % = 4,000 in week 1; I4 30,000
    // due 04-15 × 80 % = 24,000 in week 3; I7 7,000 at 1–30 days × 40 % = 2,800 spread over 13 weeks (216 in weeks
    // 1–5, 215 after); I5, I11 sit in buckets with a 0 or no rate.
    const week = (n: number) => f.weeks[n - 1];
    expect(f.weeks).toHaveLength(13);
    expect(week(1)).toEqual({
      week: 1, startDate: '2025-03-31', endDate: '2025-04-06', promisesMinor: '0', plansMinor: '0', predictedMinor: '0', invoicesMinor: '4216', totalMinor: '4216',
    });
    expect(week(2)).toMatchObject({ promisesMinor: '5000', invoicesMinor: '216', totalMinor: '5216' });
    expect(week(3)).toMatchObject({ plansMinor: '3000', invoicesMinor: '24216', totalMinor: '27216' });
    expect(week(6)).toMatchObject({ totalMinor: '215' });
    expect(f.totalMinor).toBe('38800');
    // No model has scored the invoices, so none is placed by a predicted payment date.
    expect(f.prediction).toBeNull();
    expect(f.weeks.every((w) => w.predictedMinor === '0')).toBe(true);
  });

  it('has no backtest before a payment model is active', () => {
    expect(dashboard.backtest).toBeNull();
  });
});

describe('filters', () => {
  const agingWith = async (query: string) => {
    const response = await get(`/api/kpis/aging?${PERIOD}&${query}`);
    expect(response.status).toBe(200);
    return (response.body as { aging: AgingBlock }).aging;
  };

  it('narrows to a segment, strategy version and arm by the latest run started before the period end', async () => {
    expect((await agingWith('arm=champion')).totalMinor).toBe('100000');
    expect((await agingWith('arm=challenger')).totalMinor).toBe('35000');
    expect((await agingWith(`strategyVersionId=${ids.version}`)).totalMinor).toBe('135000');
    expect((await agingWith('segment=sme')).totalMinor).toBe('35000');
    // A2 moves to segment vip only in June, after the period.
    expect((await agingWith('segment=vip')).totalMinor).toBe('0');
    // A3 has no run: the segment filter falls back to the account's segment.
    expect((await agingWith('segment=standard')).totalMinor).toBe('132000');
  });

  it('narrows to one collector’s accounts and productivity row', async () => {
    expect((await agingWith(`collectorId=${ids.c1}`)).totalMinor).toBe('100000');
    const response = await get(`/api/kpis/productivity?${PERIOD}&collectorId=${ids.c1}`);
    expect((response.body as { productivity: ProductivityBlock }).productivity.rows.map((r) => r.collectorId)).toEqual([ids.c1]);
  });

  it('covers only a manager’s team and the unassigned accounts, with a productivity row per team member', async () => {
    const lead = await h.addUser({ email: 'kpi-lead@recoup.local', name: 'Kim Lead', role: 'manager' });
    const member = await h.addUser({ email: 'kpi-member@recoup.local', name: 'Kai Member', role: 'collector', managerId: lead });
    const otherManager = await h.loginAs('kpi-lead@recoup.local');
    const all = BigInt((await agingWith('')).totalMinor);
    const ofCollector = async (id: string) => BigInt((await agingWith(`collectorId=${id}`)).totalMinor);
    // Neither collector1 nor collector2 is on Kim's team: their accounts A1 and A2 fall out, the unassigned A3 stays.
    const unassigned = all - (await ofCollector(ids.c1)) - (await ofCollector(ids.c2));
    const teamAging = (await get(`/api/kpis/aging?${PERIOD}`, otherManager)).body as { aging: AgingBlock };
    expect(BigInt(teamAging.aging.totalMinor)).toBe(unassigned);
    expect(unassigned).toBeGreaterThan(0n);
    const productivity = (await get(`/api/kpis/productivity?${PERIOD}`, otherManager)).body as { productivity: ProductivityBlock };
    expect(productivity.productivity.rows.map((r) => r.collectorId)).toEqual([member]);
  });

  it('never adds currencies together: USD is its own dashboard', async () => {
    const usd = await agingWith('currency=USD');
    expect(usd.totalMinor).toBe('70000');
    expect(amounts(usd)['31-60']).toEqual(['70000', 1]);
  });

  it('takes other aging bounds', async () => {
    const aging = await agingWith('buckets=45');
    expect(aging.buckets.map((b) => [b.key, b.amountMinor])).toEqual([
      ['current', '35000'],
      ['1-45', '7000'],
      ['45+', '125000'],
    ]);
  });

  it('rebuilds today’s AR exactly as the invoices’ open amounts age it', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const response = await get(`/api/kpis/aging?from=2025-01-01&to=${today}`);
    const invoices = await h.db.orm.em.fork().find(Invoice, { currency: 'EUR', status: { $ne: 'cancelled' } });
    const [expected] = ageReceivables(
      invoices.map((i) => ({ dueDate: i.dueDate as unknown as string, openMinor: BigInt(i.openMinor), currency: i.currency })),
      new Date(`${today}T12:00:00Z`),
    );
    const aging = (response.body as { aging: AgingBlock }).aging;
    expect(aging.totalMinor).toBe(expected?.totalMinor.toString());
    expect(aging.buckets.map((b) => [b.key, b.amountMinor, b.invoiceCount])).toEqual(
      expected?.buckets.map((b) => [b.key, b.totalMinor.toString(), b.invoiceCount]),
    );
  });
});

describe('CSV', () => {
  it('serves a block as CSV with a header row through the .csv route and ?format=csv', async () => {
    const response = await get(`/api/kpis/aging.csv?${PERIOD}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toContain('kpis-aging-EUR-2025-01-01-to-2025-03-31.csv');
    expect(response.text.split('\r\n')).toEqual([
      'as_of,bucket,label,from_days,to_days,currency,amount_minor,invoice_count',
      '2025-03-31,current,Current,,0,EUR,35000,2',
      '2025-03-31,1-30,1–30 days,1,30,EUR,7000,1',
      '2025-03-31,31-60,31–60 days,31,60,EUR,40000,1',
      '2025-03-31,61-90,61–90 days,61,90,EUR,5000,1',
      '2025-03-31,90+,Over 90 days,91,,EUR,80000,2',
      '',
    ]);
    const same = await get(`/api/kpis/aging?${PERIOD}&format=csv`);
    expect(same.text).toBe(response.text);
  });

  it('serves every block and the combined dashboard as CSV', async () => {
    for (const block of ['dso', 'cei', 'recovery', 'promises', 'productivity', 'forecast']) {
      const response = await get(`/api/kpis/${block}.csv?${PERIOD}`);
      expect(response.status).toBe(200);
      expect(response.text.split('\r\n')[0]).toMatch(/^[a-z_]+(,[a-z_]+)+$/);
    }
    const cei = await get(`/api/kpis/cei.csv?${PERIOD}`);
    expect(cei.text).toBe(
      'from,to,currency,beginning_ar_minor,credit_sales_minor,ending_total_ar_minor,ending_current_ar_minor,cei\r\n2025-01-01,2025-03-31,EUR,145000,172000,167000,35000,53.19\r\n',
    );
    const forecast = await get(`/api/kpis/forecast.csv?${PERIOD}`);
    expect(forecast.text.split('\r\n')).toHaveLength(15);
    expect(forecast.text.split('\r\n')[0]).toBe('week,start_date,end_date,currency,promises_minor,plans_minor,predicted_minor,invoices_minor,total_minor');
    const combined = await get(`/api/kpis?${PERIOD}&format=csv`);
    expect(combined.text).toContain('2025-01-01,2025-03-31,EUR,dso,simple_dso,87.38,days');
    expect(combined.text).toContain('2025-01-01,2025-03-31,EUR,cei,cei,53.19,percent');
  });
});

describe('access and bad filters', () => {
  it('refuses collectors with 403 and lets admins read', async () => {
    const collector = await h.login('collector1');
    for (const path of ['/api/kpis', '/api/kpis/aging', '/api/kpis/aging.csv', '/api/kpis/options']) {
      const response = await get(path, collector);
      expect(response.status).toBe(403);
    }
    const admin = await h.login('admin');
    expect((await get(`/api/kpis/cei?${PERIOD}`, admin)).status).toBe(200);
  });

  it('answers 400 naming the field of a bad filter', async () => {
    const cases: [string, string][] = [
      ['from=2025-02-30', 'from'],
      ['from=2025-04-01&to=2025-03-31', 'from'],
      ['currency=XYZ', 'currency'],
      ['strategyVersionId=nope', 'strategyVersionId'],
      ['collectorId=12', 'collectorId'],
      ['buckets=60,30', 'buckets'],
      ['format=xml', 'format'],
    ];
    for (const [query, field] of cases) {
      const response = await get(`/api/kpis/aging?${query}`);
      expect(response.status).toBe(400);
      const body = response.body as { error: { code: string; details: { fields: { path: string }[] } } };
      expect(body.error.code).toBe('validation-failed');
      expect(body.error.details.fields.map((f) => f.path)).toContain(field);
    }
    const typo = await get('/api/kpis?segmnt=sme');
    expect(typo.status).toBe(400);
    expect(JSON.stringify(typo.body)).toContain('segmnt');
  });

  it('answers 404 for a block that does not exist', async () => {
    expect((await get('/api/kpis/velocity')).status).toBe(404);
  });

  it('lists the filter choices from the data', async () => {
    const response = await get('/api/kpis/options');
    const options = response.body as KpiOptions;
    expect(options.defaultCurrency).toBe('EUR');
    expect(options.currencies).toEqual([
      { currency: 'EUR', invoiceCount: 9 },
      { currency: 'USD', invoiceCount: 1 },
    ]);
    expect(options.arms).toEqual(['challenger', 'champion']);
    expect(options.segments).toEqual(expect.arrayContaining(['sme', 'standard', 'vip']));
    expect(options.strategyVersions.map((v) => v.id)).toContain(ids.version);
    expect(options.collectors.map((c) => c.id)).toEqual(expect.arrayContaining([ids.c1, ids.c2, ids.c3]));
  });
});
