import type { EntityManager } from '@mikro-orm/postgresql';
import { addCalendarDays } from '@recoup/domain';
import { arState } from './ar-state.sql.ts';
import type { ResolvedFilters } from './kpi-filters.ts';
import { readLedger } from './ledger-read.ts';
import { sql } from './sql.ts';

/** The AR figures DSO, CEI and recovery are made of, for one period, in minor units. */
export interface ArTotals {
  beginningAr: bigint;
  endingAr: bigint;
  /** Ending AR not yet past due on the last day (due on or after `to`). */
  endingCurrentAr: bigint;
  /** Invoices issued in the period. */
  creditSales: bigint;
  /** Beginning AR already past due on the first day (due before `from`). */
  overdueAtStart: bigint;
  /** Applied during the period to the invoices making up overdueAtStart. */
  collectedOnOverdue: bigint;
}

interface Row {
  beginning: string;
  ending: string;
  ending_current: string;
  sales: string;
  overdue_start: string;
  collected_overdue: string;
}

export const arTotalsQuery = async (em: EntityManager, filters: ResolvedFilters): Promise<ArTotals> => {
  const instants = [
    { name: 'start', ts: filters.startTs, issuedBefore: filters.from },
    { name: 'end', ts: filters.endTs, issuedBefore: addCalendarDays(filters.to, 1) },
  ] as const;
  const query = sql`with ${arState(filters, instants, filters.to)}
    select coalesce(sum(open_start), 0)::text as beginning,
           coalesce(sum(open_end), 0)::text as ending,
           coalesce(sum(open_end) filter (where due_date >= ${filters.to}::date), 0)::text as ending_current,
           coalesce(sum(amount_minor) filter (where issue_date >= ${filters.from}::date), 0)::text as sales,
           coalesce(sum(open_start) filter (where due_date < ${filters.from}::date), 0)::text as overdue_start,
           coalesce(sum(paid_end - paid_start) filter (where due_date < ${filters.from}::date and issue_date < ${filters.from}::date), 0)::text
             as collected_overdue
      from state`;
  const [row] = await readLedger<Row>(em, query);
  return {
    beginningAr: BigInt(row?.beginning ?? 0),
    endingAr: BigInt(row?.ending ?? 0),
    endingCurrentAr: BigInt(row?.ending_current ?? 0),
    creditSales: BigInt(row?.sales ?? 0),
    overdueAtStart: BigInt(row?.overdue_start ?? 0),
    collectedOnOverdue: BigInt(row?.collected_overdue ?? 0),
  };
};
