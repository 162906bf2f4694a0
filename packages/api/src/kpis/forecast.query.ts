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
import { EMPTY, sql } from './sql.ts';

/** The look-back for collection rates: as long as the horizon, so a rate means "collected within 13 weeks". */
export const HISTORY_DAYS = FORECAST_WEEKS * 7;

/**
 * The 13-week cash forecast from the period's last day (`to`, today by default):
 * - open promises and plan instalments (promise rows) in full, less what was already paid on them, in the week of
 *   their date; those past their date but still in grace in week 1;
 * - the open invoices at `to` of accounts without an open promise (a promise already says what that debtor will
 *   pay, so counting the invoices too would count the money twice):
 *   - those the payment model scored, with their open amount at `to` in full in the week of their predicted payment
 *     date (a predicted date already passed while the invoice is still open, in week 1; one beyond the horizon,
 *     nowhere);
 *   - the others falling due in the horizon weighted by the current bucket's rate in their due week, those already
 *     overdue weighted by their bucket's rate and spread evenly over the 13 weeks;
 * - a bucket's rate is what the portfolio collected in the last 13 weeks of the AR that sat in that bucket 13 weeks
 *   ago (money applied since / open then), from the same ledger reconstruction as every other block.
 * Predictions describe the open book on the day the model scored it (their `as_of`), so they are used only for a
 * forecast made on or after that day: for a past period (`to` before `as_of`) the invoices open then are placed by
 * due date and bucket rate alone, as they were before any prediction existed. An invoice issued after the scoring,
 * or paid since, simply has no prediction or nothing open. Only the latest scoring counts (one model, one day).
 * An account's open dispute does not hold its invoices back, by either method: a dispute names no amount, and the
 * forecast, like the aging, counts what is open.
 * The weighting is integer arithmetic in the domain's forecastCollections.
 */
export const forecastQuery = async (em: EntityManager, filters: ResolvedFilters): Promise<ForecastBlock> => {
  const buckets = agingBucketsFromBounds(filters.buckets);
  const histDay = addCalendarDays(filters.to, -HISTORY_DAYS);
  const [scheduled, invoices, rates] = await Promise.all([
    scheduledReceipts(em.fork(), filters),
    latestScoring(em.fork()).then((scoring) => openInvoices(em.fork(), filters, scoring !== null && scoring.asOf <= filters.to ? scoring : null)),
    bucketRates(em.fork(), filters, histDay),
  ]);
  const rateByKey: Record<string, BucketCollectionRate> = {};
  for (const [i, bucket] of buckets.entries()) rateByKey[bucket.key] = rates.get(i) ?? { collectedMinor: 0n, baseMinor: 0n };
  const currentKey = buckets[0]?.key ?? 'current';
  const weeks = forecastCollections({
    currency: filters.currency,
    startDate: filters.to,
    scheduled,
    predicted: invoices.predicted,
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
    prediction:
      invoices.scoring && invoices.predictedCount > 0
        ? {
            modelId: invoices.scoring.modelId,
            asOf: invoices.scoring.asOf,
            invoices: invoices.predictedCount,
            openMinor: invoices.predicted.reduce((total, p) => total + p.openMinor, 0n).toString(),
          }
        : null,
    weeks: weeks.map((w) => ({
      week: w.week,
      startDate: w.startDate,
      endDate: w.endDate,
      promisesMinor: w.promisesMinor.toString(),
      plansMinor: w.plansMinor.toString(),
      predictedMinor: w.predictedMinor.toString(),
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

/** The payment model's latest scoring of the open book: the model and the day; null before any. */
interface Scoring {
  modelId: string;
  asOf: string;
}

const latestScoring = async (em: EntityManager): Promise<Scoring | null> => {
  const [row] = await em.execute<{ model: string; as_of: string }[]>(
    `select model_id::text as model, as_of::text as as_of from invoice_prediction order by as_of desc, model_id limit 1`,
  );
  return row ? { modelId: row.model, asOf: row.as_of } : null;
};

interface OpenInvoices {
  /** The scoring the predicted invoices come from; null when predictions are not used. */
  scoring: Scoring | null;
  /** Summed per predicted payment date. */
  predicted: { payDate: string; openMinor: bigint }[];
  predictedCount: number;
  fallingDue: { dueDate: string; openMinor: bigint }[];
  overdue: { bucket: number; openMinor: bigint }[];
}

const openInvoices = async (em: EntityManager, filters: ResolvedFilters, scoring: Scoring | null): Promise<OpenInvoices> => {
  const end = { name: 'end', ts: filters.endTs, issuedBefore: addCalendarDays(filters.to, 1) } as const;
  const days = sql`(${filters.to}::date - due_date)`;
  const pay = scoring ? sql`pred.pay_date` : sql`null::date`;
  const predictions = scoring
    ? sql` left join invoice_prediction pred on pred.invoice_id = state.id and pred.model_id = ${scoring.modelId}::uuid and pred.as_of = ${scoring.asOf}::date`
    : EMPTY;
  const query = sql`with ${arState(filters, [end], filters.to)}
    select ${pay}::text as pay,
           case when ${pay} is null and due_date >= ${filters.to}::date then due_date::text end as due,
           case when ${pay} is null and due_date < ${filters.to}::date then ${bucketIndex(days, filters.buckets)} end as bucket,
           count(*)::int as invoices,
           sum(open_end)::text as open
      from state${predictions}
     where open_end > 0
       and not exists (select 1 from promise pr where pr.account_id = state.account_id and pr.status = 'open' and pr.currency = ${filters.currency})
     group by 1, 2, 3`;
  const rows = await readLedger<{ pay: string | null; due: string | null; bucket: number | null; invoices: number; open: string }>(em, query);
  const predicted = rows.filter((r) => r.pay !== null);
  return {
    scoring,
    predicted: predicted.map((r) => ({ payDate: r.pay ?? '', openMinor: BigInt(r.open) })),
    predictedCount: predicted.reduce((total, r) => total + Number(r.invoices), 0),
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
