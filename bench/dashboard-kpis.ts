import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createOrm, migrateToLatest, startEmbeddedPostgres } from '@recoup/db';
import { seedDemo } from '@recoup/db/seed';
import { addCalendarDays } from '@recoup/domain';
import { kpiQuerySchema } from '@recoup/contracts';
import { hashPassword } from '@recoup/api';
import { agingQuery } from '../packages/api/src/kpis/aging.query.ts';
import { arTotalsQuery } from '../packages/api/src/kpis/ar-totals.query.ts';
import { forecastQuery } from '../packages/api/src/kpis/forecast.query.ts';
import { kpiOptionsQuery } from '../packages/api/src/kpis/kpi-options.query.ts';
import { resolveFilters, type ResolvedFilters } from '../packages/api/src/kpis/kpi-filters.ts';
import { monthlySalesQuery } from '../packages/api/src/kpis/monthly-sales.query.ts';
import { productivityQuery } from '../packages/api/src/kpis/productivity.query.ts';
import { promisesQuery } from '../packages/api/src/kpis/promises.query.ts';
import { KpisService } from '../packages/api/src/kpis/kpis.service.ts';
import { readLedger } from '../packages/api/src/kpis/ledger-read.ts';

// Dashboard query latency on a realistic ledger in embedded PostgreSQL: INVOICES invoices over ACCOUNTS accounts
// (issued over the last 18 months, 90 % EUR and 10 % USD), about 60 % of them paid in full or in part (allocations
// dated a few days after the payment), 2 % credited, PROMISES promises (kept, broken, open, cancelled), tasks and
// collection runs with champion/challenger arms. Each dashboard query then runs RUNS times (after one warm-up) for
// the default filters, and again filtered by segment and arm; the bench prints the median and p95 of each.
//
//   sh scripts/pnpm.sh run bench:dashboards                  (INVOICES=100000, RUNS=20)
//   INVOICES=20000 RUNS=10 sh scripts/pnpm.sh run bench:dashboards

const INVOICES = Number(process.env.INVOICES ?? 100_000);
const ACCOUNTS = Number(process.env.ACCOUNTS ?? Math.ceil(INVOICES / 4));
const PROMISES = Number(process.env.PROMISES ?? Math.ceil(INVOICES / 5));
const TASKS = Number(process.env.TASKS ?? Math.ceil(INVOICES / 3));
const RUNS = Number(process.env.RUNS ?? 20);

const now = new Date();
const today = now.toISOString().slice(0, 10);

async function load(execute: (sql: string, params?: unknown[]) => Promise<unknown>): Promise<void> {
  await execute(`select setseed(0.42)`);
  await execute(`create temp table bench_account as
    select n, gen_random_uuid() as id, case when n % 10 = 0 then 'USD' else 'EUR' end as currency,
           (array['standard', 'sme', 'key-account', 'vip'])[1 + n % 4] as segment
      from generate_series(1, ?::int) n`, [ACCOUNTS]);
  await execute(`insert into account (id, external_ref, name, customer_type, segment, currency, time_zone, assigned_collector_id)
    select b.id, 'BENCH-' || b.n, 'Bench customer ' || b.n, 'business', b.segment, b.currency, 'UTC',
           (select id from app_user where role = 'collector' order by email offset (b.n % 3) limit 1)
      from bench_account b`);
  await execute(`insert into collection_run (account_id, workflow_id, strategy_version_id, arm_label, assigned, segment, started_at)
    select b.id, 'collection-' || b.id, (select id from strategy_version limit 1),
           case when b.n % 2 = 0 then 'champion' else 'challenger' end, true, b.segment, now() - interval '400 days'
      from bench_account b`);
  // A fifth of the accounts were restarted later on the other arm, so "the latest run before the period end" matters.
  await execute(`insert into collection_run (account_id, workflow_id, strategy_version_id, arm_label, assigned, segment, started_at)
    select b.id, 'collection-' || b.id, (select id from strategy_version limit 1),
           case when b.n % 2 = 0 then 'challenger' else 'champion' end, true, b.segment, now() - (random() * 200)::int * interval '1 day'
      from bench_account b where b.n % 5 = 0`);
  await execute(`create temp table bench_invoice as
    select gen_random_uuid() as id, b.id as account_id, b.currency, g as n,
           (current_date - (random() * 540)::int) as issue_date,
           (500 + (random() * random() * 2000000)::bigint) as amount
      from generate_series(1, ?::int) g join bench_account b on b.n = 1 + g % ?::int`, [INVOICES, ACCOUNTS]);
  await execute(`insert into invoice (id, account_id, number, issue_date, due_date, currency, amount_minor, open_minor)
    select id, account_id, 'BENCH-INV-' || n, issue_date, issue_date + (array[14, 30, 30, 45])[1 + n % 4], currency, amount, amount
      from bench_invoice`);
  await execute(`create temp table bench_payment as
    select gen_random_uuid() as id, i.id as invoice_id, i.account_id, i.currency,
           case when random() < 0.7 then i.amount else greatest(1, (i.amount * (0.2 + random() * 0.6))::bigint) end as amount,
           least(now() - interval '1 day', i.issue_date + (random() * 120)::int * interval '1 day' + interval '10 hours') as received_at
      from bench_invoice i where random() < 0.6`);
  await execute(`insert into payment (id, account_id, amount_minor, currency, received_at, reference, unallocated_minor, created_at)
    select id, account_id, amount, currency, received_at, 'bench ' || id, amount, received_at from bench_payment`);
  await execute(`insert into allocation (payment_id, invoice_id, amount_minor, created_at)
    select id, invoice_id, amount, least(now(), received_at + (random() * 5)::int * interval '1 day') from bench_payment`);
  await execute(`insert into credit_note (account_id, invoice_id, amount_minor, currency, reason, created_at)
    select i.account_id, i.id, greatest(1, i.open_minor / 10), i.currency, 'bench credit', i.issue_date + interval '20 days'
      from invoice i where i.open_minor > 10 and random() < 0.02`);
  await execute(`insert into promise (account_id, amount_minor, currency, due_date, until, paid_minor, status, source, created_by, created_at, resolved_at)
    select b.id, p.amount, b.currency, p.due, p.due + interval '3 days',
           case p.status when 'kept' then p.amount when 'open' then 0 else 0 end, p.status, 'api',
           (select id from app_user where role = 'collector' order by email offset (p.g % 3) limit 1),
           p.due - interval '10 days', case when p.status = 'open' then null else p.due + interval '3 days' end
      from (select g, 1 + g % ?::int as n, 1000 + (random() * 500000)::bigint as amount,
                   (current_date - 180 + (random() * 240)::int) as due, random() as r
              from generate_series(1, ?::int) g) p0
      cross join lateral (select p0.g, p0.amount, p0.due,
           case when p0.due >= current_date - 3 then (case when p0.r < 0.9 then 'open' else 'cancelled' end)
                when p0.r < 0.55 then 'kept' when p0.r < 0.95 then 'broken' else 'cancelled' end as status) p
      join bench_account b on b.n = p0.n`, [ACCOUNTS, PROMISES]);
  await execute(`insert into collector_task (account_id, key, workflow_id, node_id, task_type, title, status, assignee_id, outcomes, outcome, due_at, created_at, completed_at, completed_by)
    select b.id, 'bench-' || g, 'collection-' || b.id, 'call', 'call', 'Call', t.status, t.collector, '{reached}',
           case when t.status = 'done' then 'reached' end, t.at, t.at,
           case when t.status = 'done' then t.at + interval '1 day' end, case when t.status = 'done' then t.collector end
      from generate_series(1, ?::int) g
      join bench_account b on b.n = 1 + g % ?::int
      cross join lateral (select case when random() < 0.7 then 'done' else 'open' end as status,
                                 now() - (random() * 365)::int * interval '1 day' as at,
                                 (select id from app_user where role = 'collector' order by email offset (g % 3) limit 1) as collector) t`,
    [TASKS, ACCOUNTS]);
  await execute(`analyze`);
}

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { median: at(0.5), p95: at(0.95) };
}

async function time(name: string, run: () => Promise<unknown>): Promise<void> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  const { median, p95 } = stats(samples);
  console.log(`RESULT ${name.padEnd(44)} median ${median.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms`);
}

/** EXPLAIN=1 prints the aging query's plan, to see where the time goes before adding an index. */
async function explainAging(em: Parameters<typeof readLedger>[0], filters: ResolvedFilters): Promise<void> {
  const { arState, bucketIndex } = await import('../packages/api/src/kpis/ar-state.sql.ts');
  const { sql } = await import('../packages/api/src/kpis/sql.ts');
  const end = { name: 'end', ts: filters.endTs, issuedBefore: addCalendarDays(filters.to, 1) } as const;
  const days = sql`(${filters.to}::date - due_date)`;
  const query = sql`explain (analyze, buffers) with ${arState(filters, [end], filters.to)}
    select ${bucketIndex(days, filters.buckets)} as bucket, sum(open_end)::text as amount, count(*)::int as invoices
      from state where open_end > 0 group by 1`;
  const rows = await readLedger<{ 'QUERY PLAN': string }>(em, query);
  console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'recoup-bench-kpis-'));
  // Off the default port, which the launcher and other benches start from.
  const pg = await startEmbeddedPostgres({ dataDir, port: 55_000 + Math.floor(Math.random() * 5_000) });
  const orm = await createOrm({ databaseUrl: pg.url });
  try {
    await migrateToLatest(orm);
    await seedDemo(orm, { hashPassword, accounts: 0, now });
    const loadStarted = performance.now();
    await orm.em.fork().transactional(async (em) => load((sql, params) => em.execute(sql, params ?? [])));
    const counts = await orm.em.fork().execute<{ invoices: number; allocations: number; promises: number; tasks: number }[]>(
      `select (select count(*) from invoice)::int as invoices, (select count(*) from allocation)::int as allocations,
              (select count(*) from promise)::int as promises, (select count(*) from collector_task)::int as tasks`,
    );
    console.log(`RESULT loaded ${JSON.stringify(counts[0])} in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);

    const em = () => orm.em.fork();
    const filtersFor = (query: Record<string, string>): Promise<ResolvedFilters> => resolveFilters(em(), kpiQuerySchema.parse(query), now, null);
    const plain = await filtersFor({});
    const narrowed = await filtersFor({ segment: 'sme', arm: 'champion' });
    const year = await filtersFor({ from: addCalendarDays(today, -364) });
    const service = new KpisService(orm, () => now);
    if (process.env.EXPLAIN) await explainAging(orm.em.fork(), plain);

    for (const [label, filters] of [['90 days', plain], ['90 days, segment sme, arm champion', narrowed], ['365 days', year]] as const) {
      console.log(`-- ${label} (${filters.currency})`);
      await time('aging', () => agingQuery(em(), filters));
      await time('AR totals (DSO, CEI, recovery)', () => arTotalsQuery(em(), filters));
      await time('monthly sales (countback DSO, 24 months)', () => monthlySalesQuery(em(), filters));
      await time('promises kept', () => promisesQuery(em(), filters));
      await time('collector productivity', () => productivityQuery(em(), filters));
      await time('13-week forecast (3 queries)', () => forecastQuery(em(), filters));
    }
    console.log('-- whole page');
    await time('filter options', () => kpiOptionsQuery(em()));
    // As an admin sees it: the whole portfolio.
    const admin = { id: '00000000-0000-4000-8000-000000000000', email: 'bench@recoup.local', name: 'Bench', role: 'admin' as const };
    await time('combined dashboard (GET /api/kpis)', () => service.dashboard({}, admin));
  } finally {
    await orm.close(true);
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
