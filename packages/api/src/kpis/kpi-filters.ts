import type { EntityManager } from '@mikro-orm/postgresql';
import { addCalendarDays, calendarDaysBetween, DEFAULT_AGING_BOUNDS } from '@recoup/domain';
import type { KpiFilters, KpiQuery } from '@recoup/contracts';

/** The period a dashboard shows when none is asked for: the 90 days up to and including today. */
export const DEFAULT_PERIOD_DAYS = 90;

/** The filters with every default filled in, plus the instants that bound the period. */
export interface ResolvedFilters extends KpiFilters {
  /** The period's first instant (from, 00:00 UTC): beginning AR is the AR just before it. */
  startTs: string;
  /** The instant after the period (the day after to, 00:00 UTC): ending AR is the AR just before it. */
  endTs: string;
  /** Today's UTC date, for "promises whose date has passed". */
  today: string;
  /**
   * A manager's team (the manager and their collectors): the dashboards then cover the accounts assigned to them
   * and the unassigned ones, the same accounts the manager sees everywhere else. null for admins: everything.
   */
  team: readonly string[] | null;
}

export const dayStart = (date: string): string => `${date}T00:00:00.000Z`;

/**
 * The portfolio's main currency: the one most invoices are in. Amounts in different currencies are never added
 * together, so every figure is for one currency and this is the one shown first.
 */
export const mainCurrency = async (em: EntityManager): Promise<string | null> => {
  const rows = await em.execute<{ currency: string }[]>(
    `select currency from invoice where status <> 'cancelled' group by currency order by count(*) desc, currency limit 1`,
  );
  return rows[0]?.currency ?? null;
};

export const resolveFilters = async (em: EntityManager, query: KpiQuery, now: Date, team: readonly string[] | null): Promise<ResolvedFilters> => {
  const today = now.toISOString().slice(0, 10);
  const to = query.to ?? (query.from && query.from > today ? query.from : today);
  const from = query.from ?? addCalendarDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  const currency = query.currency ?? (await mainCurrency(em)) ?? 'EUR';
  return {
    from,
    to,
    days: calendarDaysBetween(from, to) + 1,
    currency,
    segment: query.segment ?? null,
    strategyVersionId: query.strategyVersionId ?? null,
    arm: query.arm ?? null,
    collectorId: query.collectorId ?? null,
    buckets: query.buckets ?? [...DEFAULT_AGING_BOUNDS],
    startTs: dayStart(from),
    endTs: dayStart(addCalendarDays(to, 1)),
    team,
    today,
  };
};
