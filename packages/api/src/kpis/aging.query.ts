import type { EntityManager } from '@mikro-orm/postgresql';
import { addCalendarDays, agingBucketsFromBounds } from '@recoup/domain';
import type { AgingBlock } from '@recoup/contracts';
import { arState, bucketIndex } from './ar-state.sql.ts';
import type { ResolvedFilters } from './kpi-filters.ts';
import { readLedger } from './ledger-read.ts';
import { sql } from './sql.ts';

interface Row {
  bucket: number;
  amount: string;
  invoices: number;
}

/** Open amounts and invoice counts per aging bucket at the end of the period (days past due on `to`). */
export const agingQuery = async (em: EntityManager, filters: ResolvedFilters): Promise<AgingBlock> => {
  const buckets = agingBucketsFromBounds(filters.buckets);
  const end = { name: 'end', ts: filters.endTs, issuedBefore: addCalendarDays(filters.to, 1) } as const;
  const days = sql`(${filters.to}::date - due_date)`;
  const query = sql`with ${arState(filters, [end], filters.to)}
    select ${bucketIndex(days, filters.buckets)} as bucket, sum(open_end)::text as amount, count(*)::int as invoices
      from state where open_end > 0 group by 1`;
  const rows = await readLedger<Row>(em, query);
  const byIndex = new Map(rows.map((row) => [Number(row.bucket), row]));
  const blocks = buckets.map((bucket, i) => ({
    key: bucket.key,
    label: bucket.label,
    fromDays: bucket.fromDays,
    toDays: bucket.toDays,
    amountMinor: byIndex.get(i)?.amount ?? '0',
    invoiceCount: Number(byIndex.get(i)?.invoices ?? 0),
  }));
  return {
    asOf: filters.to,
    totalMinor: blocks.reduce((total, b) => total + BigInt(b.amountMinor), 0n).toString(),
    invoiceCount: blocks.reduce((total, b) => total + b.invoiceCount, 0),
    buckets: blocks,
  };
};
