import type { KpiBlock, KpiDashboard } from '@recoup/contracts';
import type { BlockResult } from './kpis.service.ts';
import type { ResolvedFilters } from './kpi-filters.ts';

type Cell = string | number | boolean | null;

/**
 * RFC 4180 fields. Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe,
 * since collector names and segments come from people; numbers and amounts are written as they are.
 */
const field = (value: Cell): string => {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const toCsv = (header: readonly string[], rows: readonly (readonly Cell[])[]): string =>
  [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';

/** One block as a table: a header row, then its rows, amounts in minor units beside the currency. */
export const blockCsv = ({ block, data, filters }: BlockResult): string => {
  const c = filters.currency;
  switch (block) {
    case 'aging': {
      const aging = data as KpiDashboard['aging'];
      return toCsv(
        ['as_of', 'bucket', 'label', 'from_days', 'to_days', 'currency', 'amount_minor', 'invoice_count'],
        aging.buckets.map((b) => [aging.asOf, b.key, b.label, b.fromDays, b.toDays, c, b.amountMinor, b.invoiceCount]),
      );
    }
    case 'dso': {
      const dso = data as KpiDashboard['dso'];
      return toCsv(
        ['from', 'to', 'days', 'currency', 'ending_ar_minor', 'current_ar_minor', 'credit_sales_minor', 'simple_dso', 'countback_dso', 'countback_complete', 'best_possible_dso', 'average_days_delinquent'],
        [[filters.from, filters.to, dso.days, c, dso.endingArMinor, dso.currentArMinor, dso.creditSalesMinor, dso.simpleDso, dso.countbackDso.days, dso.countbackDso.complete, dso.bestPossibleDso, dso.averageDaysDelinquent]],
      );
    }
    case 'cei': {
      const cei = data as KpiDashboard['cei'];
      return toCsv(
        ['from', 'to', 'currency', 'beginning_ar_minor', 'credit_sales_minor', 'ending_total_ar_minor', 'ending_current_ar_minor', 'cei'],
        [[filters.from, filters.to, c, cei.beginningArMinor, cei.creditSalesMinor, cei.endingTotalArMinor, cei.endingCurrentArMinor, cei.cei]],
      );
    }
    case 'recovery': {
      const recovery = data as KpiDashboard['recovery'];
      return toCsv(
        ['from', 'to', 'currency', 'overdue_at_start_minor', 'collected_minor', 'recovery_rate'],
        [[filters.from, filters.to, c, recovery.overdueAtStartMinor, recovery.collectedMinor, recovery.recoveryRate]],
      );
    }
    case 'promises': {
      const p = data as KpiDashboard['promises'];
      return toCsv(
        ['from', 'to', 'currency', 'kept_count', 'broken_count', 'kept_minor', 'broken_minor', 'kept_rate_by_count', 'kept_rate_by_amount'],
        [[filters.from, filters.to, c, p.keptCount, p.brokenCount, p.keptMinor, p.brokenMinor, p.byCount, p.byAmount]],
      );
    }
    case 'productivity': {
      const productivity = data as KpiDashboard['productivity'];
      return toCsv(
        ['collector_id', 'name', 'email', 'tasks_closed', 'promises_obtained', 'currency', 'promised_minor', 'collected_minor'],
        productivity.rows.map((r) => [r.collectorId, r.name, r.email, r.tasksClosed, r.promisesObtained, c, r.promisedMinor, r.collectedMinor]),
      );
    }
    case 'forecast': {
      const forecast = data as KpiDashboard['forecast'];
      return toCsv(
        ['week', 'start_date', 'end_date', 'currency', 'promises_minor', 'plans_minor', 'predicted_minor', 'invoices_minor', 'total_minor'],
        forecast.weeks.map((w) => [w.week, w.startDate, w.endDate, c, w.promisesMinor, w.plansMinor, w.predictedMinor, w.invoicesMinor, w.totalMinor]),
      );
    }
  }
};

/** The combined dashboard as CSV: one row per headline figure. */
export const dashboardCsv = (dashboard: KpiDashboard): string => {
  const f = dashboard.filters;
  const row = (block: KpiBlock, metric: string, value: Cell, unit: string): Cell[] => [f.from, f.to, f.currency, block, metric, value, unit];
  return toCsv(
    ['from', 'to', 'currency', 'block', 'metric', 'value', 'unit'],
    [
      row('aging', 'open_ar', dashboard.aging.totalMinor, 'minor'),
      ...dashboard.aging.buckets.map((b) => row('aging', `bucket_${b.key}`, b.amountMinor, 'minor')),
      row('dso', 'simple_dso', dashboard.dso.simpleDso, 'days'),
      row('dso', 'countback_dso', dashboard.dso.countbackDso.days, 'days'),
      row('dso', 'best_possible_dso', dashboard.dso.bestPossibleDso, 'days'),
      row('dso', 'average_days_delinquent', dashboard.dso.averageDaysDelinquent, 'days'),
      row('cei', 'cei', dashboard.cei.cei, 'percent'),
      row('recovery', 'recovery_rate', dashboard.recovery.recoveryRate, 'percent'),
      row('promises', 'kept_rate_by_count', dashboard.promises.byCount, 'percent'),
      row('promises', 'kept_rate_by_amount', dashboard.promises.byAmount, 'percent'),
      row('forecast', 'expected_13_weeks', dashboard.forecast.totalMinor, 'minor'),
    ],
  );
};

export const csvFilename = (what: string, filters: Pick<ResolvedFilters, 'from' | 'to' | 'currency'>): string =>
  `kpis-${what}-${filters.currency}-${filters.from}-to-${filters.to}.csv`;
