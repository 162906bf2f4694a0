import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addCalendarDays,
  agingBucketsFromBounds,
  forecastCollections,
  FORECAST_WEEKS,
  ratioToNumber,
  type BucketCollectionRate,
  type ScheduledReceipt,
} from '@recoup/domain';
import type { ForecastBlock } from '@recoup/contracts';
import { arState, bucketIndex } from './ar-state.sql.ts';
import { scopedAccounts } from './kpi-scope.ts';
import type { ResolvedFilters } from './kpi-filters.ts';
import { readLedger } from './ledger-read.ts';
import { sql } from './sql.ts';

/** The look-back for collection rates: as long as the horizon, so a rate means "collected within 13 weeks". */
export const HISTORY_DAYS = FORECAST_WEEKS * 7;

/**
 * The 13-week cash forecast from the period's last day (`to`, today by default):
 * - open promises and plan instalments (promise rows) in full, less what was already paid on them, in the week of
 *   their date; those past their date but still in grace in week 1;
 * - the open invoices at `to` of accounts without an open promise (a promise already says what that debtor will
 *   pay, so counting the invoices too would count the money twice): those falling due in the horizon weighted by
 *   the current bucket's rate in their due week, those already overdue weighted by their bucket's rate and spread
 *   evenly over the 13 weeks;
 * - a bucket's rate is what the portfolio collected in the last 13 weeks of the AR that sat in that bucket 13 weeks
 *   ago (money applied since / open then), from the same ledger reconstruction as every other block.
 * The weighting is integer arithmetic in the domain's forecastCollections.
 */
export const forecastQuery = async (em: EntityManager, filters: ResolvedFilters): Promise<ForecastBlock> => {
  const buckets = agingBucketsFromBounds(filters.buckets);
  const histDay = addCalendarDays(filters.to, -HISTORY_DAYS);
  const [scheduled, invoices, rates] = await Promise.all([
    scheduledReceipts(em.fork(), filters),
    openInvoices(em.fork(), filters),
    bucketRates(em.fork(), filters, histDay),
  ]);
  const rateByKey: Record<string, BucketCollectionRate> = {};
  for (const [i, bucket] of buckets.entries()) rateByKey[bucket.key] = rates.get(i) ?? { collectedMinor: 0n, baseMinor: 0n };
  const currentKey = buckets[0]?.key ?? 'current';
  const weeks = forecastCollections({
    currency: filters.currency,
    startDate: filters.to,
    scheduled,
    fallingDue: invoices.fallingDue,
    overdue: invoices.overdue.map((o) => ({ bucketKey: buckets[o.bucket]?.key ?? currentKey, openMinor: o.openMinor })),
    rates: rateByKey,
    currentBucketKey: currentKey,
  });
  return {
    startDate: filters.to,
    historyFrom: histDay,
    totalMinor: weeks.reduce((total, w) => total + w.totalMinor, 0n).toString(),
    rates: buckets.map((bucket) => {
      const rate = rateByKey[bucket.key] ?? { collectedMinor: 0n, baseMinor: 0n };
      return {
        bucketKey: bucket.key,
        label: bucket.label,
        collectedMinor: rate.collectedMinor.toString(),
        baseMinor: rate.baseMinor.toString(),
        rate: ratioToNumber(rate.collectedMinor * 100n, rate.baseMinor),
      };
    }),
    weeks: weeks.map((w) => ({
      week: w.week,
      startDate: w.startDate,
      endDate: w.endDate,
      promisesMinor: w.promisesMinor.toString(),
      plansMinor: w.plansMinor.toString(),
      invoicesMinor: w.invoicesMinor.toString(),
      totalMinor: w.totalMinor.toString(),
    })),
  };
};

const scheduledReceipts = async (em: EntityManager, filters: ResolvedFilters): Promise<ScheduledReceipt[]> => {
  const query = sql`with scoped as (${scopedAccounts(filters)})
    select pr.source = 'plan' as plan, pr.due_date::text as due, sum(pr.amount_minor - pr.paid_minor)::text as expected
      from promise pr join scoped s on s.id = pr.account_id
     where pr.status = 'open' and pr.currency = ${filters.currency}
     group by 1, 2`;
  const rows = await em.execute<{ plan: boolean; due: string; expected: string }[]>(query.text, [...query.params]);
  return rows.map((row) => ({ kind: row.plan ? 'plan' : 'promise', dueDate: row.due, expectedMinor: BigInt(row.expected) }));
};

const openInvoices = async (
  em: EntityManager,
  filters: ResolvedFilters,
): Promise<{ fallingDue: { dueDate: string; openMinor: bigint }[]; overdue: { bucket: number; openMinor: bigint }[] }> => {
  const end = { name: 'end', ts: filters.endTs, issuedBefore: addCalendarDays(filters.to, 1) } as const;
  const days = sql`(${filters.to}::date - due_date)`;
  const query = sql`with ${arState(filters, [end], filters.to)}
    select case when due_date >= ${filters.to}::date then due_date::text end as due,
           case when due_date < ${filters.to}::date then ${bucketIndex(days, filters.buckets)} end as bucket,
           sum(open_end)::text as open
      from state
     where open_end > 0
       and not exists (select 1 from promise pr where pr.account_id = state.account_id and pr.status = 'open' and pr.currency = ${filters.currency})
     group by 1, 2`;
  const rows = await readLedger<{ due: string | null; bucket: number | null; open: string }>(em, query);
  return {
    fallingDue: rows.filter((r) => r.due !== null).map((r) => ({ dueDate: r.due ?? '', openMinor: BigInt(r.open) })),
    overdue: rows.filter((r) => r.bucket !== null).map((r) => ({ bucket: Number(r.bucket), openMinor: BigInt(r.open) })),
  };
};

const bucketRates = async (em: EntityManager, filters: ResolvedFilters, histDay: string): Promise<Map<number, BucketCollectionRate>> => {
  const instants = [
    { name: 'hist', ts: `${histDay}T00:00:00.000Z`, issuedBefore: histDay },
    { name: 'end', ts: filters.endTs, issuedBefore: addCalendarDays(filters.to, 1) },
  ] as const;
  const days = sql`(${histDay}::date - due_date)`;
  const query = sql`with ${arState(filters, instants, filters.to)}
    select ${bucketIndex(days, filters.buckets)} as bucket, sum(open_hist)::text as base, sum(paid_end - paid_hist)::text as collected
      from state where open_hist > 0 group by 1`;
  const rows = await readLedger<{ bucket: number; base: string; collected: string }>(em, query);
  return new Map(rows.map((r) => [Number(r.bucket), { baseMinor: BigInt(r.base), collectedMinor: BigInt(r.collected) }]));
};
